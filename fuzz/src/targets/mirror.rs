use std::cell::RefCell;
use std::path::PathBuf;

use redaksi_article::front_matter;
use redaksi_folder::{MAX_FILE_BYTES, Mirror, SyncEvent};
use redaksi_store::Store;

use super::now;

/// The article every input replaces, so that each input takes the path of an outside edit to
/// a file the mirror already knows.
const KNOWN: &str = "---\ntitle: Banjir\n---\nHujan deras sejak pagi.\n";

/// A folder that lives as long as the process; each input gets a fresh in-memory store.
struct Folder {
    _dir: tempfile::TempDir,
    mirror: Mirror,
    file: PathBuf,
}

thread_local! {
    static FOLDER: RefCell<Option<Folder>> = const { RefCell::new(None) };
}

/// The mirror's file reader: any bytes written over a mirrored file either become the
/// article's new text exactly as parsed (the user's text is never dropped or altered) or are
/// reported as a failed file that leaves the article as it was.
pub fn mirror(data: &[u8]) {
    FOLDER.with_borrow_mut(|folder| {
        let folder = folder.get_or_insert_with(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let file = dir.path().join("berita.md");
            Folder {
                mirror: Mirror::new(dir.path()),
                file,
                _dir: dir,
            }
        });
        sync_over_known(folder, data);
    });
}

fn sync_over_known(folder: &Folder, data: &[u8]) {
    let mut store = Store::open_in_memory().expect("an in-memory store");
    std::fs::write(&folder.file, KNOWN).expect("writing the known file");
    let known = match folder
        .mirror
        .file_changed(&mut store, &folder.file)
        .as_deref()
    {
        Ok([SyncEvent::Imported { id, .. }]) => *id,
        other => panic!("the known file did not import: {other:?}"),
    };
    let before = store.get_article(known).expect("the known article");

    std::fs::write(&folder.file, data).expect("writing the input");
    let events = folder
        .mirror
        .file_changed(&mut store, &folder.file)
        .unwrap_or_else(|err| panic!("the mirror failed on a readable file: {err}"));
    let after = store.get_article(known).expect("the known article stays");
    let parsed = if data.len() as u64 > MAX_FILE_BYTES {
        None
    } else {
        front_matter::parse_bytes(data, now()).ok()
    };
    match (parsed, events.as_slice()) {
        (None, [SyncEvent::Failed { .. }]) => assert_eq!(
            after, before,
            "a file that failed to read changed its article"
        ),
        (Some(parsed), [SyncEvent::Updated { id, .. }]) => {
            assert_eq!(*id, known, "the update went to another article");
            assert_eq!(
                after.body, parsed.body,
                "the file's text was not kept as it is"
            );
        }
        // The same bytes as the known file: nothing to do.
        (Some(_), []) if data == KNOWN.as_bytes() => {}
        (parsed, events) => panic!(
            "the file {} but the mirror did {events:?}",
            if parsed.is_some() {
                "parses"
            } else {
                "does not parse"
            }
        ),
    }
}
