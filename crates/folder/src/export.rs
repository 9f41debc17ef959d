use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use redaksi_article::{Article, front_matter};

use crate::FolderError;

/// Writes `article` as a `.md` file with front matter into `dir` (named by [`Article::file_name`]),
/// replacing a file of that name. Returns the path.
pub fn export(article: &Article, dir: &Path) -> Result<PathBuf, FolderError> {
    let path = dir.join(article.file_name("md"));
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
