use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use redaksi_article::{Article, front_matter};

use crate::FolderError;

/// The file name an article gets in a folder: its slug, else its title made file-safe, else
/// its id; always ending in `.md`.
pub fn file_name_for(article: &Article) -> String {
    let base = article
        .meta
        .slug
        .as_deref()
        .filter(|slug| !slug.trim().is_empty())
        .unwrap_or(&article.title);
    let mut name = String::new();
    for ch in base.trim().chars() {
        if ch.is_alphanumeric() {
            name.extend(ch.to_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name: String = name.trim_end_matches('-').chars().take(80).collect();
    if name.is_empty() {
        format!("{}.md", article.id)
    } else {
        format!("{name}.md")
    }
}

/// Writes `article` as a `.md` file with front matter into `dir` (named by [`file_name_for`]),
/// replacing a file of that name. Returns the path.
pub fn export(article: &Article, dir: &Path) -> Result<PathBuf, FolderError> {
    let path = dir.join(file_name_for(article));
    write_atomically(&path, front_matter::write(article).as_bytes())?;
    Ok(path)
}

/// Writes through a temporary file in the same folder and a rename, so that a reader (or a
/// crash) never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FolderError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|err| FolderError::io(dir, err))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".redaksi-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|err| FolderError::io(dir, err))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|err| FolderError::io(path, err))?;
    tmp.persist(path)
        .map_err(|err| FolderError::io(path, err.error))?;
    Ok(())
}
