//! Where the data folder is, and moving it. The folder is found in this order: the
//! `REDAKSI_DATA_DIR` environment variable (tests, portable installs), then a location file the
//! app writes when the user moves the folder from Settings (in the OS's *config* dir, so it is
//! found before the data folder is known), then the OS's app-data directory. A move copies;
//! the old folder is never deleted, so a failed or regretted move loses nothing.

use std::ffi::OsString;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::MoveRefusal;
use crate::store::DB_FILE;
use crate::{Store, StoreError};

/// The environment variable that moves the data directory (tests, portable installs).
pub const DATA_DIR_ENV: &str = "REDAKSI_DATA_DIR";
/// The file in the config dir that holds the absolute path of a moved data folder.
pub const LOCATION_FILE: &str = "data-location";
/// The folder inside the data folder that holds the webview's storage (UI preferences).
const WEBVIEW_DIR: &str = "webview";

/// The data folder from its three possible sources, without reading the environment or the
/// disk: `env` is `REDAKSI_DATA_DIR`, `location` the location file's text (if there is one)
/// and `location_file` where it was read from (named in errors), `default` the OS's app-data
/// directory.
pub fn resolve_data_dir(
    env: Option<OsString>,
    location: Option<(&str, &Path)>,
    default: Option<PathBuf>,
) -> Result<PathBuf, StoreError> {
    if let Some(dir) = env.filter(|dir| !dir.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    if let Some((text, file)) = location {
        let path = PathBuf::from(text.trim());
        // A damaged file must not silently fall back to the default folder: the user would see
        // an empty Redaksi and believe the articles gone.
        if path.as_os_str().is_empty() || !path.is_absolute() {
            return Err(StoreError::InvalidInput(format!(
                "{}: line 1: {:?} is not an absolute path; fix or delete this file to use the default data folder",
                file.display(),
                text.trim()
            )));
        }
        return Ok(path);
    }
    default.ok_or_else(|| {
        StoreError::InvalidInput(format!(
            "no home directory found; set {DATA_DIR_ENV} to choose where Redaksi keeps its data"
        ))
    })
}

/// The OS's config directory for Redaksi (`~/.config/redaksi` on Linux), where the location
/// file lives.
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "redaksi").map(|dirs| dirs.config_dir().to_owned())
}

/// Where Redaksi keeps its database, media and backups: `REDAKSI_DATA_DIR` when set, else the
/// folder the user moved it to from Settings, else the OS's app-data directory
/// (`~/.local/share/redaksi` on Linux, `~/Library/Application Support/redaksi` on macOS,
/// `%APPDATA%\redaksi\data` on Windows).
pub fn data_dir() -> Result<PathBuf, StoreError> {
    let env = std::env::var_os(DATA_DIR_ENV);
    let location = match config_dir() {
        Some(dir) => read_location(&dir)?,
        None => None,
    };
    let default =
        directories::ProjectDirs::from("", "", "redaksi").map(|dirs| dirs.data_dir().to_owned());
    resolve_data_dir(
        env,
        location
            .as_ref()
            .map(|(text, file)| (text.as_str(), file.as_path())),
        default,
    )
}

/// The location file's text in `config_dir` and its path, or `None` when there is none.
pub fn read_location(config_dir: &Path) -> Result<Option<(String, PathBuf)>, StoreError> {
    let file = config_dir.join(LOCATION_FILE);
    match fs::read_to_string(&file) {
        Ok(text) => Ok(Some((text, file))),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(StoreError::io(format!("reading {}", file.display()), err)),
    }
}

/// Points the next start at `data_dir` by writing the location file in `config_dir` (created
/// when missing). Written to a temporary file and renamed, so a crash leaves the old file or
/// the new one, never half of one.
pub fn write_location(config_dir: &Path, data_dir: &Path) -> Result<PathBuf, StoreError> {
    if !data_dir.is_absolute() {
        return Err(refused(MoveRefusal::NotAbsolute, data_dir));
    }
    let text = data_dir.to_str().ok_or_else(|| {
        StoreError::InvalidInput(format!(
            "{}: the path is not valid UTF-8",
            data_dir.display()
        ))
    })?;
    let file = config_dir.join(LOCATION_FILE);
    let io =
        |what: &str, path: &Path, err| StoreError::io(format!("{what} {}", path.display()), err);
    fs::create_dir_all(config_dir).map_err(|err| io("creating", config_dir, err))?;
    let staged = config_dir.join(format!("{LOCATION_FILE}.new"));
    fs::write(&staged, format!("{text}\n"))
        .and_then(|()| fs::File::open(&staged)?.sync_all())
        .map_err(|err| io("writing", &staged, err))?;
    fs::rename(&staged, &file).map_err(|err| io("writing", &file, err))?;
    Ok(file)
}

fn refused(reason: MoveRefusal, path: &Path) -> StoreError {
    StoreError::MoveRefused {
        reason,
        path: path.to_owned(),
    }
}

/// `path` with `.` and `..` applied, then symlinks resolved as far as it exists, so a target
/// that does not exist yet can be compared with the current folder.
fn resolved(path: &Path) -> PathBuf {
    let mut lexical = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                lexical.pop();
            }
            Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    let mut existing = lexical.clone();
    let mut rest = Vec::new();
    loop {
        if let Ok(mut real) = existing.canonicalize() {
            real.extend(rest.iter().rev());
            return real;
        }
        match existing.file_name() {
            Some(name) => {
                rest.push(name.to_owned());
                existing.pop();
            }
            None => return lexical,
        }
    }
}

/// Refuses a target the data folder in `from` cannot be moved to: one that is not absolute,
/// is `from` or inside it, or exists and is not an empty folder.
pub fn check_move_target(from: &Path, to: &Path) -> Result<(), StoreError> {
    if !to.is_absolute() {
        return Err(refused(MoveRefusal::NotAbsolute, to));
    }
    if resolved(to).starts_with(resolved(from)) {
        return Err(refused(MoveRefusal::InsideDataDir, to));
    }
    match fs::read_dir(to) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(refused(MoveRefusal::NotEmpty, to));
            }
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        // A file, or a folder that cannot be listed: either way nothing can go there.
        Err(_) if to.exists() => return Err(refused(MoveRefusal::NotEmpty, to)),
        Err(err) => return Err(StoreError::io(format!("reading {}", to.display()), err)),
    }
    Ok(())
}

/// What [`copy_data_dir`] copied.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CopyReport {
    /// Files copied besides the database (media, backups, settings, recovery files…).
    pub files: u64,
    /// Files of the webview's storage that could not be copied; it holds only UI preferences,
    /// which fall back to their defaults.
    pub webview_skipped: u64,
}

/// Copies the data folder `from` to the new place `to` after [`check_move_target`]: the
/// database through SQLite's online backup API (consistent even while a [`Store`] has it
/// open), everything else file by file, the webview's storage best effort. The copy is then
/// opened with its integrity check. On failure the partial copy is removed; `from` is never
/// changed.
pub fn copy_data_dir(from: &Path, to: &Path) -> Result<CopyReport, StoreError> {
    check_move_target(from, to)?;
    let existed = to.exists();
    fs::create_dir_all(to)
        .map_err(|err| StoreError::io(format!("creating {}", to.display()), err))?;
    let result = copy_into(from, to);
    if result.is_err() {
        // Only what this call created is removed: the target was new or empty.
        let _ = fs::remove_dir_all(to);
        if existed {
            let _ = fs::create_dir(to);
        }
    }
    result
}

fn copy_into(from: &Path, to: &Path) -> Result<CopyReport, StoreError> {
    let source_db = from.join(DB_FILE);
    if source_db.exists() {
        copy_database(&source_db, &to.join(DB_FILE))?;
    }
    let mut report = CopyReport::default();
    let entries = fs::read_dir(from)
        .map_err(|err| StoreError::io(format!("reading {}", from.display()), err))?;
    for entry in entries {
        let entry =
            entry.map_err(|err| StoreError::io(format!("reading {}", from.display()), err))?;
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        // The database and its journal files went through the backup API above.
        if name_text == DB_FILE
            || name_text == format!("{DB_FILE}-wal")
            || name_text == format!("{DB_FILE}-shm")
            || name_text == format!("{DB_FILE}-journal")
        {
            continue;
        }
        let target = to.join(&name);
        if name_text == WEBVIEW_DIR {
            copy_tree(
                &entry.path(),
                &target,
                &mut report.files,
                Some(&mut report.webview_skipped),
            )?;
        } else {
            copy_tree(&entry.path(), &target, &mut report.files, None)?;
        }
    }
    if to.join(DB_FILE).exists() {
        Store::open_checked(to)?;
    }
    Ok(report)
}

fn copy_database(source: &Path, target: &Path) -> Result<(), StoreError> {
    let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut dst = Connection::open(target)?;
    {
        let backup = rusqlite::backup::Backup::new(&src, &mut dst)?;
        loop {
            match backup.step(256)? {
                rusqlite::backup::StepResult::Done => break,
                rusqlite::backup::StepResult::More => {}
                _ => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    }
    drop(dst);
    fs::File::open(target)
        .and_then(|file| file.sync_all())
        .map_err(|err| StoreError::io(format!("writing {}", target.display()), err))
}

/// Copies a file or a folder tree. With `skipped`, failures are counted instead of returned.
fn copy_tree(
    from: &Path,
    to: &Path,
    files: &mut u64,
    mut skipped: Option<&mut u64>,
) -> Result<(), StoreError> {
    let io =
        |what: &str, path: &Path, err| StoreError::io(format!("{what} {}", path.display()), err);
    let outcome = (|| {
        let kind = fs::metadata(from).map_err(|err| io("reading", from, err))?;
        if kind.is_dir() {
            fs::create_dir_all(to).map_err(|err| io("creating", to, err))?;
            Ok(true)
        } else {
            // A symlinked file is copied as the file it points to.
            fs::copy(from, to).map_err(|err| io("copying", from, err))?;
            *files += 1;
            Ok(false)
        }
    })();
    let is_dir = match (outcome, skipped.as_deref_mut()) {
        (Ok(is_dir), _) => is_dir,
        (Err(_), Some(count)) => {
            *count += 1;
            return Ok(());
        }
        (Err(err), None) => return Err(err),
    };
    if is_dir {
        let entries = match fs::read_dir(from) {
            Ok(entries) => entries,
            Err(_) if skipped.is_some() => {
                if let Some(count) = skipped {
                    *count += 1;
                }
                return Ok(());
            }
            Err(err) => return Err(io("reading", from, err)),
        };
        for entry in entries {
            let entry = entry.map_err(|err| io("reading", from, err))?;
            copy_tree(
                &entry.path(),
                &to.join(entry.file_name()),
                files,
                skipped.as_deref_mut(),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;
    use std::fs;
    use std::path::{Path, PathBuf};

    use rstest::rstest;

    use super::*;

    fn abs(path: &str) -> PathBuf {
        // An absolute path on every OS, without touching the disk.
        std::env::temp_dir().join(path)
    }

    #[rstest]
    #[case::env_wins_over_everything(Some("env"), Some("moved"), Some("default"), "env")]
    #[case::location_file_wins_over_the_default(None, Some("moved"), Some("default"), "moved")]
    #[case::an_empty_env_is_unset(Some(""), Some("moved"), Some("default"), "moved")]
    #[case::default_without_env_or_file(None, None, Some("default"), "default")]
    fn the_data_folder_is_found_in_order(
        #[case] env: Option<&str>,
        #[case] location: Option<&str>,
        #[case] default: Option<&str>,
        #[case] expected: &str,
    ) {
        let env = env.map(|name| {
            if name.is_empty() {
                OsString::new()
            } else {
                abs(name).into_os_string()
            }
        });
        let text = location.map(|name| format!("{}\n", abs(name).display()));
        let file = abs("config/data-location");
        let found = resolve_data_dir(
            env,
            text.as_deref().map(|text| (text, file.as_path())),
            default.map(abs),
        )
        .unwrap();
        assert_eq!(found, abs(expected));
    }

    #[rstest]
    #[case::relative("relatif/data\n")]
    #[case::empty("\n")]
    fn a_damaged_location_file_is_an_error_naming_it(#[case] text: &str) {
        let file = abs("config/data-location");
        let err = resolve_data_dir(None, Some((text, &file)), Some(abs("default"))).unwrap_err();
        assert_eq!(err.code(), "invalid_input");
        let message = err.to_string();
        assert!(message.contains(&file.display().to_string()), "{message}");
        assert!(message.contains("line 1"), "{message}");
    }

    #[test]
    fn no_home_and_no_override_is_an_error() {
        let err = resolve_data_dir(None, None, None).unwrap_err();
        assert!(err.to_string().contains(DATA_DIR_ENV), "{err}");
    }

    #[test]
    fn the_location_file_round_trips_and_is_created_with_its_folder() {
        let config = tempfile::tempdir().unwrap();
        let config_dir = config.path().join("redaksi");
        assert!(read_location(&config_dir).unwrap().is_none());
        let target = abs("pindah/redaksi");
        let file = write_location(&config_dir, &target).unwrap();
        assert_eq!(file, config_dir.join(LOCATION_FILE));
        let (text, read_from) = read_location(&config_dir).unwrap().unwrap();
        assert_eq!(read_from, file);
        assert_eq!(
            resolve_data_dir(None, Some((&text, &read_from)), None).unwrap(),
            target
        );
        let err = write_location(&config_dir, Path::new("relatif")).unwrap_err();
        assert_eq!(err.code(), "target_not_absolute");
    }

    enum Target {
        Relative,
        InsideCurrent,
        TheCurrentItself,
        InsideThroughMissing,
        NonEmpty,
        AFile,
    }

    #[rstest]
    #[case::relative(Target::Relative, "target_not_absolute")]
    #[case::inside(Target::InsideCurrent, "target_inside_data_dir")]
    #[case::same(Target::TheCurrentItself, "target_inside_data_dir")]
    #[case::inside_through_a_missing_folder(Target::InsideThroughMissing, "target_inside_data_dir")]
    #[case::not_empty(Target::NonEmpty, "target_not_empty")]
    #[case::a_file(Target::AFile, "target_not_empty")]
    fn a_bad_target_is_refused_and_nothing_is_written(#[case] target: Target, #[case] code: &str) {
        let root = tempfile::tempdir().unwrap();
        let current = root.path().join("data");
        Store::open(&current)
            .unwrap()
            .create_article("Judul", "isi")
            .unwrap();
        let before = fs::read_dir(&current).unwrap().count();
        let to = match target {
            Target::Relative => PathBuf::from("data-baru"),
            Target::InsideCurrent => current.join("sub").join("..").join("baru"),
            Target::TheCurrentItself => root.path().join(".").join("data"),
            Target::InsideThroughMissing => root
                .path()
                .join("tidak-ada")
                .join("..")
                .join("data")
                .join("baru"),
            Target::NonEmpty => {
                let dir = root.path().join("isi");
                fs::create_dir(&dir).unwrap();
                fs::write(dir.join("catatan.txt"), "milik orang lain").unwrap();
                dir
            }
            Target::AFile => {
                let file = root.path().join("berkas");
                fs::write(&file, "x").unwrap();
                file
            }
        };
        let err = copy_data_dir(&current, &to).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(err.to_string().contains("not moved"), "{err}");
        assert_eq!(fs::read_dir(&current).unwrap().count(), before);
        if let Target::NonEmpty = target {
            assert_eq!(
                fs::read_to_string(to.join("catatan.txt")).unwrap(),
                "milik orang lain"
            );
        }
    }

    #[test]
    fn a_copy_of_an_open_store_has_everything_and_the_old_folder_is_untouched() {
        let root = tempfile::tempdir().unwrap();
        let current = root.path().join("data");
        let mut store = Store::open(&current).unwrap();
        let article = store.create_article("Banjir rob", "air naik").unwrap();
        let image = root.path().join("foto.png");
        fs::write(&image, b"\x89PNG\r\n\x1a\n not really an image").unwrap();
        let media = store.import_media(article.id, &image).unwrap();
        store.backup_now().unwrap();
        // Saved after the backup, and still in the write-ahead log: the copy must have it.
        let mut edited = store.get_article(article.id).unwrap();
        edited.body = "air naik lagi".into();
        store.save_article(&edited).unwrap();
        fs::write(current.join("mirror.json"), r#"{"folder":"/x"}"#).unwrap();
        fs::create_dir_all(current.join("webview/localstorage")).unwrap();
        fs::write(current.join("webview/localstorage/prefs"), "lang=id").unwrap();
        let old_db = fs::read(current.join(DB_FILE)).unwrap();

        // An empty folder that already exists is a fine target.
        let to = root.path().join("baru");
        fs::create_dir(&to).unwrap();
        let report = copy_data_dir(&current, &to).unwrap();
        assert_eq!(report.webview_skipped, 0);
        // media file, backup, mirror.json, webview prefs
        assert_eq!(report.files, 4, "{report:?}");

        let copy = Store::open(&to).unwrap();
        assert_eq!(copy.get_article(article.id).unwrap().body, "air naik lagi");
        assert_eq!(copy.list_articles().unwrap().len(), 1);
        assert_eq!(
            fs::read(to.join(&media.markdown_path)).unwrap(),
            fs::read(&image).unwrap()
        );
        assert_eq!(crate::list_backups(&to).unwrap().len(), 1);
        assert_eq!(
            fs::read_to_string(to.join("mirror.json")).unwrap(),
            r#"{"folder":"/x"}"#
        );
        assert_eq!(
            fs::read_to_string(to.join("webview/localstorage/prefs")).unwrap(),
            "lang=id"
        );

        // The old folder is still whole and still in use.
        assert_eq!(fs::read(current.join(DB_FILE)).unwrap(), old_db);
        assert!(current.join(&media.markdown_path).exists());
        assert_eq!(store.get_article(article.id).unwrap().body, "air naik lagi");
    }

    #[test]
    fn a_damaged_database_is_not_copied_and_the_partial_copy_is_removed() {
        let root = tempfile::tempdir().unwrap();
        let current = root.path().join("data");
        fs::create_dir(&current).unwrap();
        fs::write(current.join(DB_FILE), vec![0x5a; 8192]).unwrap();
        let to = root.path().join("baru");
        let err = copy_data_dir(&current, &to).unwrap_err();
        assert!(matches!(err.code(), "corrupt" | "database"), "{err}");
        assert!(!to.exists(), "the partial copy was removed");
        assert_eq!(fs::read(current.join(DB_FILE)).unwrap(), vec![0x5a; 8192]);
    }
}
