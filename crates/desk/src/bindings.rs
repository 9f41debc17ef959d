//! The TypeScript the UI is written against, generated from the Rust types that cross IPC, into
//! `ui/src/lib/bindings/`. The test below fails when the committed files are stale; run it with
//! `REDAKSI_BLESS_BINDINGS=1` to write them again.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::Code;

const HEADER: &str = "// Generated from the Rust types by `cargo test -p redaksi-desk bindings`; do not edit.\n\
// Run it with REDAKSI_BLESS_BINDINGS=1 after changing a type that crosses IPC.\n";

/// `Code.ts`: the error codes as a union type and as a list the UI's tests walk.
fn codes() -> String {
    let mut out = String::from(HEADER);
    let names: Vec<String> = Code::ALL.iter().map(|c| format!("\"{c}\"")).collect();
    let _ = writeln!(
        out,
        "\n/** A stable identifier for a kind of failure (`redaksi_desk::Code`). */"
    );
    let _ = writeln!(out, "export type Code =");
    for name in &names {
        let _ = writeln!(out, "  | {name}");
    }
    out.pop();
    out.push_str(";\n\n/** Every [`Code`], in the Rust declaration order. */\n");
    let _ = writeln!(out, "export const CODES: readonly Code[] = [");
    for name in &names {
        let _ = writeln!(out, "  {name},");
    }
    out.push_str("];\n");
    out
}

/// Every generated file, by name.
pub(crate) fn files() -> Vec<(&'static str, String)> {
    vec![("Code.ts", codes())]
}

fn bindings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings")
}

#[test]
fn the_committed_bindings_match_the_rust_types() {
    let dir = bindings_dir();
    let bless = std::env::var_os("REDAKSI_BLESS_BINDINGS").is_some();
    let mut stale = Vec::new();
    for (name, text) in files() {
        let path = dir.join(name);
        if bless {
            std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (the UI's bindings must be in the repo)",
                path.display()
            )
        });
        if committed != text {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "stale bindings in ui/src/lib/bindings: {stale:?}; run \
         `REDAKSI_BLESS_BINDINGS=1 cargo test -p redaksi-desk bindings` and commit them"
    );
}
