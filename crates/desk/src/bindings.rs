//! The TypeScript the UI is written against, generated from the Rust types that cross IPC, into
//! `ui/src/lib/bindings/`, one file per type (ts-rs derives each declaration; the types carry
//! the derive only in test builds, so the app's binary holds none of it). The test below fails
//! when the committed files are stale; run it with `REDAKSI_BLESS_BINDINGS=1` to write them again.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use ts_rs::{Config, TS, TypeVisitor};

use crate::Code;

const HEADER: &str = "// Generated from the Rust types by `cargo test -p redaksi-desk bindings`; do not edit.\n\
// Run it with REDAKSI_BLESS_BINDINGS=1 after changing a type that crosses IPC.\n";

/// Besides its type, `Code.ts` lists every code, for the UI's test that each has its words.
fn code_list() -> String {
    let mut out = String::from("\n/** Every [`Code`], in the Rust declaration order. */\n");
    let _ = writeln!(out, "export const CODES: readonly Code[] = [");
    for code in Code::ALL {
        let _ = writeln!(out, "  \"{code}\",");
    }
    out.push_str("];\n");
    out
}

/// Collects a type's file and, through its fields, the files of every type it names.
struct Collect {
    config: Config,
    files: BTreeMap<String, String>,
}

impl TypeVisitor for Collect {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        let Some(path) = T::output_path() else {
            return;
        };
        let name = path.to_string_lossy().into_owned();
        if self.files.contains_key(&name) {
            return;
        }
        let text = T::export_to_string(&self.config)
            .unwrap_or_else(|e| panic!("{}: {e}", std::any::type_name::<T>()));
        self.files.insert(name, format!("{HEADER}{text}"));
        T::visit_dependencies(self);
    }
}

/// Every generated file, by name: the types the commands take and answer, the events' payloads,
/// and everything those name.
pub(crate) fn files() -> BTreeMap<String, String> {
    use redaksi_publish::outbox::Progress;
    use redaksi_store::outbox::{OutboxItem, Target};
    use redaksi_store::{RevisionDiff, RevisionInfo};

    // Rust's 64-bit integers are counts and ids far below 2^53: plain numbers in the UI.
    let mut collect = Collect {
        config: Config::new().with_large_int("number"),
        files: BTreeMap::new(),
    };
    collect.visit::<crate::Code>();
    collect.visit::<crate::Error>();
    collect.visit::<redaksi_article::Article>();
    collect.visit::<crate::editing::Saved>();
    collect.visit::<crate::score::ReportView>();
    collect.visit::<crate::score::Site>();
    collect.visit::<crate::rules::RulesCheck>();
    collect.visit::<crate::dashboard::DashboardFilter>();
    collect.visit::<crate::dashboard::DashboardRow>();
    collect.visit::<crate::workflow::StatusChange>();
    collect.visit::<RevisionInfo>();
    collect.visit::<RevisionDiff>();
    collect.visit::<OutboxItem>();
    collect.visit::<Progress>();
    collect.visit::<Target>();
    collect.visit::<redaksi_publish::RemoteStatus>();
    collect.visit::<crate::export::PayloadView>();
    collect.visit::<crate::site::AuditRequest>();
    collect.visit::<crate::site::Audited>();
    collect.visit::<crate::site::Progress>();
    collect.visit::<redaksi_publish::Format>();
    collect.visit::<crate::export::Exported>();
    collect.visit::<crate::conflict::ConflictView>();
    collect.visit::<crate::data::StoreStatus>();
    collect.visit::<crate::data::RestoreResult>();
    collect.visit::<crate::data::MoveResult>();
    collect.visit::<crate::archive::TrashItem>();
    collect.visit::<crate::archive::ImportResult>();
    collect.visit::<redaksi_store::Maintenance>();
    collect.visit::<redaksi_store::MediaRef>();
    collect.visit::<crate::mirror::MirrorStatus>();
    collect.visit::<crate::mirror::ConflictNotice>();
    let mut files = collect.files;
    let mut index = String::from(HEADER);
    for name in files.keys() {
        let module = name.trim_end_matches(".ts");
        let _ = writeln!(index, "export type {{ {module} }} from \"./{module}\";");
    }
    index.push_str("export { CODES } from \"./Code\";\n");
    files
        .get_mut("Code.ts")
        .expect("Code is collected")
        .push_str(&code_list());
    files.insert("index.ts".into(), index);
    files
}

fn bindings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings")
}

#[test]
fn the_committed_bindings_match_the_rust_types() {
    let dir = bindings_dir();
    let bless = std::env::var_os("REDAKSI_BLESS_BINDINGS").is_some();
    let mut stale = Vec::new();
    let files = files();
    for (name, text) in &files {
        let path = dir.join(name);
        if bless {
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (the UI's bindings must be in the repo)",
                path.display()
            )
        });
        if committed != *text {
            stale.push(name.clone());
        }
    }
    // A type that no longer crosses IPC must not leave its file behind.
    for entry in std::fs::read_dir(&dir).expect("the bindings folder exists") {
        let name = entry.expect("a readable entry").file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".ts") && !name.ends_with(".test.ts") && !files.contains_key(&*name) {
            if bless {
                let _ = std::fs::remove_file(dir.join(name.as_ref()));
            } else {
                stale.push(name.into_owned());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale bindings in ui/src/lib/bindings: {stale:?}; run \
         `REDAKSI_BLESS_BINDINGS=1 cargo test -p redaksi-desk bindings` and commit them"
    );
}
