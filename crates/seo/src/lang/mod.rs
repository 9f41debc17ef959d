//! Indonesian and English language analysis for the newsroom profile.
