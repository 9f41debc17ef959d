//! CMS accounts: what makes one usable before its secret goes to the OS keyring.

use redaksi_store::outbox::Target;

use crate::error::{Error, Result};

/// Checks a new or changed account (before its secret is asked for or stored).
pub fn check(target: &Target) -> Result<()> {
    if target.name.trim().is_empty() || target.url.trim().is_empty() {
        return Err(Error::invalid("a target needs a name and a URL"));
    }
    let no_user = target
        .username
        .as_deref()
        .is_none_or(|u| u.trim().is_empty());
    match target.kind.as_str() {
        "wordpress" if no_user => {
            return Err(Error::invalid("a WordPress target needs a user name"));
        }
        "wordpress" | "ghost" => {}
        _ => return Err(Error::invalid("the kind must be wordpress or ghost")),
    }
    // Before the secret is kept anywhere: a refused address must leave nothing behind.
    redaksi_store::outbox::check_target_url(&target.url)?;
    Ok(())
}

/// An account's password or key: never empty.
pub fn check_secret(secret: &str) -> Result<()> {
    if secret.is_empty() {
        return Err(Error::invalid("the password or key is empty"));
    }
    Ok(())
}

/// The answer when removing an account that was not there.
pub fn not_found(name: &str) -> Error {
    Error::new(crate::Code::NotFound, format!("no target named {name:?}"))
}
