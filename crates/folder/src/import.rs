use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::Utc;
use redaksi_article::{Article, front_matter};
use redaksi_store::Store;
use serde::Serialize;
use uuid::Uuid;

use crate::FolderError;

/// The largest Markdown file Redaksi imports: far beyond any article, small enough that the
/// editor, scoring and search stay responsive.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Imported {
    pub path: PathBuf,
    pub id: Uuid,
    /// `false` when the file's front matter named an article that already existed.
    pub created: bool,
}

#[derive(Debug)]
pub struct ImportFailure {
    pub path: PathBuf,
    pub error: FolderError,
}

#[derive(Debug, Default)]
pub struct ImportReport {
    pub imported: Vec<Imported>,
    pub failed: Vec<ImportFailure>,
}

/// The `.md` and `.markdown` files under `paths` (files as given, folders recursively, hidden
/// entries skipped), sorted so that imports are reproducible.
pub fn markdown_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, FolderError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|err| FolderError::io(path, err))?;
        if meta.is_dir() {
            collect(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), FolderError> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .map_err(|err| FolderError::io(dir, err))?
        .collect::<Result<_, _>>()
        .map_err(|err| FolderError::io(dir, err))?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry
            .file_type()
            .map_err(|err| FolderError::io(&path, err))?;
        if kind.is_dir() {
            collect(&path, files)?;
        } else if is_markdown(&path) {
            files.push(path);
        }
    }
    Ok(())
}

pub(crate) fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

/// The bytes of a regular file of at most [`MAX_FILE_BYTES`]: a special file (a FIFO would
/// block forever) or a larger one is refused before anything is read, and a file that grows
/// while it is read is refused too.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, FolderError> {
    // Looked at before it is opened: opening a FIFO already blocks.
    let meta = fs::metadata(path).map_err(|err| FolderError::io(path, err))?;
    if !meta.is_file() {
        return Err(FolderError::NotAFile {
            path: path.to_owned(),
        });
    }
    let too_large = |size| FolderError::TooLarge {
        path: path.to_owned(),
        size,
        max: MAX_FILE_BYTES,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = fs::File::open(path).map_err(|err| FolderError::io(path, err))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| FolderError::io(path, err))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads one file into an article, refusing what Redaksi cannot hold, with the file named.
pub(crate) fn read_file(path: &Path) -> Result<(Article, Vec<u8>), FolderError> {
    let bytes = read_bytes(path)?;
    let article = parse_file(path, &bytes)?;
    Ok((article, bytes))
}

/// The article in a file's bytes.
pub(crate) fn parse_file(path: &Path, bytes: &[u8]) -> Result<Article, FolderError> {
    let mut article =
        front_matter::parse_bytes(bytes, Utc::now()).map_err(|source| FolderError::Malformed {
            path: path.to_owned(),
            source,
        })?;
    if article.title.trim().is_empty() {
        article.title = title_from(&article.body, path);
    }
    Ok(article)
}

/// A file without a title in its front matter is named by its first heading, else its name.
fn title_from(body: &str, path: &Path) -> String {
    body.lines()
        .find_map(|line| line.strip_prefix("# "))
        .map(|heading| heading.trim().to_owned())
        .unwrap_or_else(|| {
            path.file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
}

/// Imports files and folders. Each file is one transaction: it is imported whole or not at
/// all, and a failure is reported without stopping the rest. A file whose front matter
/// carries the id of an existing article updates that article. `progress(done, total)` is
/// called after each file.
pub fn import(
    store: &mut Store,
    paths: &[PathBuf],
    mut progress: impl FnMut(usize, usize),
) -> Result<ImportReport, FolderError> {
    let files = markdown_files(paths)?;
    let mut report = ImportReport::default();
    for (done, path) in files.iter().enumerate() {
        match import_one(store, path) {
            Ok(imported) => report.imported.push(imported),
            Err(error) => report.failed.push(ImportFailure {
                path: path.clone(),
                error,
            }),
        }
        progress(done + 1, files.len());
    }
    Ok(report)
}

fn import_one(store: &mut Store, path: &Path) -> Result<Imported, FolderError> {
    let (article, _) = read_file(path)?;
    let existed = match store.get_article(article.id) {
        Ok(_) => true,
        Err(err) if err.code() == "not_found" => false,
        Err(err) => return Err(FolderError::store(path, err)),
    };
    let stored = store
        .save_from_file(&article, None)
        .map_err(|err| FolderError::store(path, err))?;
    Ok(Imported {
        path: path.to_owned(),
        id: stored.id,
        created: !existed,
    })
}
