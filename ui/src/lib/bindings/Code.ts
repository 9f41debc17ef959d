// Generated from the Rust types by `cargo test -p redaksi-desk bindings`; do not edit.
// Run it with REDAKSI_BLESS_BINDINGS=1 after changing a type that crosses IPC.

/** A stable identifier for a kind of failure (`redaksi_desk::Code`). */
export type Code =
  | "not_found"
  | "stale"
  | "revision_not_found"
  | "newer_database"
  | "corrupt"
  | "disk_full"
  | "busy"
  | "io"
  | "invalid_data"
  | "invalid_input"
  | "database"
  | "store_closed"
  | "target_not_absolute"
  | "target_inside_data_dir"
  | "target_not_empty"
  | "data_dir_from_env"
  | "data_moved"
  | "already_open"
  | "malformed_file"
  | "file_too_large"
  | "watch_failed"
  | "network"
  | "conflict"
  | "too_long"
  | "image"
  | "no_credentials"
  | "keyring"
  | "remote"
  | "workflow"
  | "unknown_profile"
  | "rules_invalid"
  | "internal";

/** Every [`Code`], in the Rust declaration order. */
export const CODES: readonly Code[] = [
  "not_found",
  "stale",
  "revision_not_found",
  "newer_database",
  "corrupt",
  "disk_full",
  "busy",
  "io",
  "invalid_data",
  "invalid_input",
  "database",
  "store_closed",
  "target_not_absolute",
  "target_inside_data_dir",
  "target_not_empty",
  "data_dir_from_env",
  "data_moved",
  "already_open",
  "malformed_file",
  "file_too_large",
  "watch_failed",
  "network",
  "conflict",
  "too_long",
  "image",
  "no_credentials",
  "keyring",
  "remote",
  "workflow",
  "unknown_profile",
  "rules_invalid",
  "internal",
];
