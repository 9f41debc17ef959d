//! Fuzzing over everything Redaksi reads from outside: `.md` files with front matter, text to
//! score in both profiles (as Markdown and as HTML), the preview's sanitised HTML, and the
//! folder mirror's file reader.
//!
//! Each target in [`targets`] is a plain function over bytes that panics when a property it
//! checks fails. Two drivers share them: `libfuzzer/` (cargo-fuzz, needs a nightly toolchain)
//! for long campaigns, and this crate's `redaksi-fuzz` binary, on stable Rust, which replays
//! the corpus in `corpus/`, runs inputs made by [`generate`], and times each input against its
//! size ([`timing`]) so that an input slower than linear is found, not only a panic.

pub mod generate;
pub mod targets;
pub mod timing;
