//! The newsroom profile with a newsroom's own scoring rules file (Settings → rules file).
//! The file is read again only when it changes on disk, so live scoring pays one `stat` per
//! keystroke for it, not a parse; a file that cannot be used is an error naming its line.

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};
use std::time::SystemTime;

use redaksi_seo::newsroom::{Newsroom, RulesError};
use serde::Serialize;

use crate::error::IpcError;

/// The last rules file loaded, with what identified its content on disk.
struct Loaded {
    path: PathBuf,
    stamp: (Option<SystemTime>, u64),
    profile: Arc<Newsroom>,
}

/// One cache for the process: one rules file is in use at a time.
static LOADED: LazyLock<Mutex<Option<Loaded>>> = LazyLock::new(|| Mutex::new(None));

fn io_error(path: &Path, err: &std::io::Error) -> IpcError {
    IpcError {
        code: "io".into(),
        message: format!("{}: {err}", path.display()),
    }
}

fn invalid(path: &Path, err: &RulesError) -> IpcError {
    IpcError {
        code: "rules_invalid".into(),
        message: format!("{}: {err}", path.display()),
    }
}

/// The newsroom profile built from the rules file at `path`, from the cache when the file has
/// not changed since it was last read.
pub fn profile(path: &Path) -> Result<Arc<Newsroom>, IpcError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
    let stamp = (meta.modified().ok(), meta.len());
    let mut cache = LOADED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(loaded) = cache
        .as_ref()
        .filter(|l| l.path == path && l.stamp == stamp)
    {
        return Ok(Arc::clone(&loaded.profile));
    }
    let text = std::fs::read_to_string(path).map_err(|e| io_error(path, &e))?;
    let profile = Arc::new(Newsroom::from_rules_json(&text).map_err(|e| invalid(path, &e))?);
    *cache = Some(Loaded {
        path: path.to_owned(),
        stamp,
        profile: Arc::clone(&profile),
    });
    Ok(profile)
}

/// What the settings show about a rules file: usable, or where and why not. The line and
/// column are separate so the UI can name them in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RulesCheck {
    pub valid: bool,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The engine's explanation (English), empty when the file is valid.
    pub message: String,
}

/// Checks a rules file before the settings keep it. A file that cannot be read at all is an
/// error (`io`); one that can be read but not used is a [`RulesCheck`] saying where.
#[tauri::command]
pub async fn check_rules_file(path: String) -> Result<RulesCheck, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let path = PathBuf::from(path.trim());
        let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, &e))?;
        Ok(match Newsroom::from_rules_json(&text) {
            Ok(_) => RulesCheck {
                valid: true,
                line: None,
                column: None,
                message: String::new(),
            },
            Err(err) => RulesCheck {
                valid: false,
                line: err.line,
                column: err.column,
                message: err.message,
            },
        })
    })
    .await
    .map_err(|err| IpcError {
        code: "internal".into(),
        message: format!("the check stopped: {err}"),
    })?
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc_test::{app_on, invoke};
    use redaksi_store::Store;
    use serde_json::json;

    const SHIPPED: &str = include_str!("../crates/seo/data/newsroom-rules.json");

    #[test]
    fn a_valid_file_passes_and_a_broken_one_names_its_line() {
        let (_app, window) = app_on(Store::open_in_memory().unwrap());
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("rules.json");
        std::fs::write(&good, SHIPPED).unwrap();
        let ok = invoke(&window, "check_rules_file", json!({ "path": good })).unwrap();
        assert_eq!(ok["valid"], true, "{ok}");

        // A comma missing at the end of the third line.
        let mut lines: Vec<&str> = SHIPPED.lines().collect();
        let third = lines[2].trim_end_matches(',').to_owned();
        lines[2] = &third;
        let bad = dir.path().join("broken.json");
        std::fs::write(&bad, lines.join("\n")).unwrap();
        let report = invoke(&window, "check_rules_file", json!({ "path": bad })).unwrap();
        assert_eq!(report["valid"], false, "{report}");
        assert!(report["line"].as_u64().unwrap() >= 3, "{report}");
        assert!(!report["message"].as_str().unwrap().is_empty());

        let missing = dir.path().join("absent.json");
        let err = invoke(&window, "check_rules_file", json!({ "path": missing })).unwrap_err();
        assert_eq!(err["code"], "io", "{err}");
    }

    #[test]
    fn scoring_uses_the_rules_file_and_reads_it_again_when_it_changes() {
        let (_app, window) = app_on(Store::open_in_memory().unwrap());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rules.json");
        std::fs::write(&path, SHIPPED).unwrap();
        let article = invoke(
            &window,
            "create_article",
            json!({ "title": "Banjir Jakarta", "body": "Banjir melanda Jakarta sejak pagi." }),
        )
        .unwrap();
        let site = json!({ "url": "https://berita.example", "name": "Kabar", "title_template": "%title%" });
        let analyze = |rules: Option<&Path>| {
            invoke(
                &window,
                "analyze_article",
                json!({ "article": article, "profile": "newsroom", "lang": "en", "site": site, "rules": rules }),
            )
        };
        let builtin = analyze(None).unwrap();
        let same = analyze(Some(&path)).unwrap();
        assert_eq!(
            builtin["score"], same["score"],
            "the shipped rules score the same"
        );

        // Every check weighs nothing but one: the score now depends on that check alone.
        let mut rules: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
        for (_, rule) in rules["checks"].as_object_mut().unwrap() {
            rule["weight"] = json!(0);
        }
        rules["checks"]["byline"]["weight"] = json!(10);
        std::fs::write(&path, serde_json::to_string_pretty(&rules).unwrap()).unwrap();
        let changed = analyze(Some(&path)).unwrap();
        let byline = changed["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "byline")
            .unwrap()
            .clone();
        assert_eq!(byline["max"], 10, "{byline}");
        assert_ne!(changed["score"], builtin["score"], "{changed}");

        std::fs::write(&path, "{ \"version\": 1,\n  \"checks\": oops }").unwrap();
        let err = analyze(Some(&path)).unwrap_err();
        assert_eq!(err["code"], "rules_invalid", "{err}");
        assert!(err["message"].as_str().unwrap().contains("line 2"), "{err}");
    }
}
