//! Two writers on one article at once, many times: the app's save path (the store behind its
//! actor thread, as the desktop app saves while the reporter types) and the command line
//! (`redaksi import` of a file carrying the article's id). No save may be lost silently: each
//! ends saved (its text is the article's, or in its history) or refused as a conflict while
//! the text it would have replaced is kept.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use redaksi_article::Article;
use redaksi_store::{SaveKind, Store, StoreHandle};
use uuid::Uuid;

/// Rounds in the test command; `REDAKSI_TWO_WRITERS_ROUNDS=1000` for the full run.
fn rounds() -> usize {
    std::env::var("REDAKSI_TWO_WRITERS_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200)
}

fn app_text(round: usize) -> String {
    format!("Teks aplikasi putaran {round}.\n")
}

fn cli_text(round: usize) -> String {
    format!("Teks baris perintah putaran {round}.\n")
}

/// What became of one writer's text in one round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// The save said Ok and the text is the article's or in its history.
    Saved,
    /// The save was refused as a conflict and the other text stayed.
    Conflict,
    /// The save said Ok, yet the text is nowhere.
    Lost,
}

/// The article's text and every text its history holds.
fn every_text(store: &Store, id: Uuid) -> Vec<String> {
    let mut texts = vec![store.get_article(id).unwrap().body];
    // Newest first; the few newest are the ones a round can have written.
    for info in store.list_revisions(id).unwrap().into_iter().take(8) {
        texts.push(store.get_revision(id, info.id).unwrap().body);
    }
    texts
}

fn import_file(dir: &Path, id: Uuid, round: usize) -> std::path::PathBuf {
    let path = dir.join("berita.md");
    std::fs::write(
        &path,
        format!(
            "---\nid: {id}\ntitle: Dua penulis\n---\n{}",
            cli_text(round)
        ),
    )
    .unwrap();
    path
}

#[test]
fn the_app_and_the_command_line_saving_one_article_at_once_lose_nothing_silently() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let handle = StoreHandle::spawn(Store::open(data.path()).unwrap()).unwrap();
    let id = handle
        .call_blocking(|s| s.create_article("Dua penulis", "Awal.\n"))
        .unwrap()
        .id;
    // How long an import takes here, so that the app's save lands anywhere inside one.
    let mut cli_time = Duration::from_millis(50);
    let mut fates: Vec<(Fate, Fate)> = Vec::new();
    let mut lost = Vec::new();
    let rounds = rounds();
    for round in 0..rounds {
        // The editor holds the article as it last loaded it.
        let mut open: Article = handle.call_blocking(move |s| s.get_article(id)).unwrap();
        let file = import_file(files.path(), id, round);
        let started = Instant::now();
        let cli = Command::new(env!("CARGO_BIN_EXE_redaksi"))
            .args(["import", file.to_str().unwrap(), "--json"])
            .env("REDAKSI_DATA_DIR", data.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(fastrand::u64(
            0..=cli_time.as_micros() as u64,
        )));
        open.body = app_text(round);
        let app = handle.call_blocking(move |s| s.save_edit(&open, SaveKind::Autosave));
        let cli = cli.wait_with_output().unwrap();
        cli_time = cli_time.max(started.elapsed());

        let texts = handle
            .call_blocking(move |s| Ok(every_text(s, id)))
            .unwrap();
        let kept = |text: &str| texts.iter().any(|t| t == text);
        let app_fate = match &app {
            Ok(_) if kept(&app_text(round)) => Fate::Saved,
            Ok(_) => Fate::Lost,
            Err(err) if err.code() == "stale" && kept(&cli_text(round)) => Fate::Conflict,
            Err(err) => panic!("round {round}: the app's save failed: {err}"),
        };
        let cli_fate = if cli.status.success() {
            if kept(&cli_text(round)) {
                Fate::Saved
            } else {
                Fate::Lost
            }
        } else if file.exists() && kept(&app_text(round)) {
            // Refused, with the file (its text) left where it was.
            Fate::Conflict
        } else {
            panic!(
                "round {round}: the import failed: {}",
                String::from_utf8_lossy(&cli.stderr)
            )
        };
        if app_fate == Fate::Lost || cli_fate == Fate::Lost {
            lost.push(format!(
                "round {round}: app {app_fate:?}, command line {cli_fate:?}; the article holds {:?}",
                texts[0]
            ));
        }
        fates.push((app_fate, cli_fate));
    }
    let count = |fate: Fate, of_app: bool| {
        fates
            .iter()
            .filter(|(app, cli)| if of_app { *app == fate } else { *cli == fate })
            .count()
    };
    println!(
        "two writers, {rounds} rounds: app {} saved, {} conflicts, {} lost; command line {} saved, {} conflicts, {} lost",
        count(Fate::Saved, true),
        count(Fate::Conflict, true),
        count(Fate::Lost, true),
        count(Fate::Saved, false),
        count(Fate::Conflict, false),
        count(Fate::Lost, false),
    );
    assert!(
        lost.is_empty(),
        "{} of {rounds} rounds lost a save silently, e.g.:\n{}",
        lost.len(),
        lost.iter().take(5).cloned().collect::<Vec<_>>().join("\n")
    );
}
