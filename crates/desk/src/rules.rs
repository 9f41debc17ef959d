//! A newsroom's own scoring rules file (Settings → rules file, `redaksi score --rules`). The
//! file is read again only when it changes on disk, so live scoring pays one `stat` per
//! keystroke for it, not a parse; a file that cannot be used is an error naming its line.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use redaksi_seo::newsroom::Newsroom;
use serde::Serialize;

use crate::error::{Code, Error, Result};

/// The last rules file loaded, with what identified its content on disk.
struct Loaded {
    path: PathBuf,
    stamp: (Option<SystemTime>, u64),
    profile: Arc<Newsroom>,
}

/// The rules file in use, kept parsed while it does not change. One per front door (the app
/// keeps one in its state); one rules file is in use at a time.
#[derive(Default)]
pub struct RulesCache {
    loaded: Mutex<Option<Loaded>>,
}

fn io_error(path: &Path, err: &std::io::Error) -> Error {
    Error::new(Code::Io, format!("{}: {err}", path.display()))
}

impl RulesCache {
    /// The newsroom profile built from the rules file at `path`, from the cache when the file
    /// has not changed since it was last read.
    pub fn profile(&self, path: &Path) -> Result<Arc<Newsroom>> {
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
        let stamp = (meta.modified().ok(), meta.len());
        let mut cache = self.loaded.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(loaded) = cache
            .as_ref()
            .filter(|l| l.path == path && l.stamp == stamp)
        {
            return Ok(Arc::clone(&loaded.profile));
        }
        let text = redaksi_seo::newsroom::read_rules_file(path).map_err(|e| io_error(path, &e))?;
        let profile = Arc::new(
            Newsroom::from_rules_json(&text)
                .map_err(|e| Error::new(Code::RulesInvalid, format!("{}: {e}", path.display())))?,
        );
        *cache = Some(Loaded {
            path: path.to_owned(),
            stamp,
            profile: Arc::clone(&profile),
        });
        Ok(profile)
    }
}

/// What the settings show about a rules file: usable, or where and why not. The line and
/// column are separate so the UI can name them in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RulesCheck {
    pub valid: bool,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The engine's explanation (English), empty when the file is valid.
    pub message: String,
}

/// Checks a rules file before the settings keep it. A file that cannot be read at all is an
/// error ([`Code::Io`]); one that can be read but not used is a [`RulesCheck`] saying where.
pub fn check_file(path: &Path) -> Result<RulesCheck> {
    let text = redaksi_seo::newsroom::read_rules_file(path).map_err(|e| io_error(path, &e))?;
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
}
