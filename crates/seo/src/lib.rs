//! The scoring engine: turns an article into a 0–100 SEO score with a checklist.
//!
//! Pure on purpose (no IO, no clock, no threads, no Tauri) so the desktop app, the CLI and the
//! benchmarks all run the same code, and a keystroke's analysis can run anywhere.

pub mod lang;
