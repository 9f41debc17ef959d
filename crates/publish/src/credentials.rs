//! Target passwords and API keys, kept in the OS keyring (Secret Service on Linux, Keychain
//! on macOS, Credential Manager on Windows) and nowhere else: not SQLite, not files, not logs.

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

use crate::PublishError;

/// The keyring service name every Redaksi secret is stored under; the user is the target name.
pub const SERVICE: &str = "redaksi";

/// A secret that never shows itself in `Debug` output or error messages.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Where the worker gets a target's secret from.
pub trait SecretStore: Send + Sync {
    fn get(&self, target: &str) -> Result<Secret, PublishError>;
    fn set(&self, target: &str, secret: &Secret) -> Result<(), PublishError>;
    fn delete(&self, target: &str) -> Result<(), PublishError>;
}

/// The OS keyring.
pub struct Keyring;

fn entry(target: &str) -> Result<keyring::Entry, PublishError> {
    keyring::Entry::new(SERVICE, target).map_err(|e| PublishError::Keyring(e.to_string()))
}

impl SecretStore for Keyring {
    fn get(&self, target: &str) -> Result<Secret, PublishError> {
        entry(target)?
            .get_password()
            .map(Secret)
            .map_err(|e| PublishError::NoCredentials {
                target: target.to_owned(),
                message: e.to_string(),
            })
    }

    fn set(&self, target: &str, secret: &Secret) -> Result<(), PublishError> {
        entry(target)?
            .set_password(secret.expose())
            .map_err(|e| PublishError::Keyring(e.to_string()))
    }

    fn delete(&self, target: &str) -> Result<(), PublishError> {
        match entry(target)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(PublishError::Keyring(e.to_string())),
        }
    }
}

/// Secrets held in memory for one process (tests and benchmarks that exercise the network
/// paths; the keyring itself is tested on its own).
#[derive(Default)]
pub struct MemorySecrets(Mutex<HashMap<String, Secret>>);

impl SecretStore for MemorySecrets {
    fn get(&self, target: &str) -> Result<Secret, PublishError> {
        self.0
            .lock()
            .expect("secret map lock")
            .get(target)
            .cloned()
            .ok_or_else(|| PublishError::NoCredentials {
                target: target.to_owned(),
                message: "not set".into(),
            })
    }

    fn set(&self, target: &str, secret: &Secret) -> Result<(), PublishError> {
        self.0
            .lock()
            .expect("secret map lock")
            .insert(target.to_owned(), secret.clone());
        Ok(())
    }

    fn delete(&self, target: &str) -> Result<(), PublishError> {
        self.0.lock().expect("secret map lock").remove(target);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_never_prints_itself() {
        let s = Secret::new("hunter2-very-secret");
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
