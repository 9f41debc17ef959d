//! The OS keyring for real (Secret Service on Linux). Run under tests/keyring/session.sh, which
//! provides a D-Bus session with an unlocked keyring; without one these tests fail and say so.

use redaksi_publish::credentials::{Keyring, Secret, SecretStore};

fn require_session() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "no D-Bus session: run these tests under tests/keyring/session.sh (real OS keyring required)"
    );
}

#[test]
fn a_secret_round_trips_through_the_os_keyring_and_is_deleted() {
    require_session();
    let name = format!("test-target-{}", std::process::id());
    let secret = Secret::new("abcd EFGH 1234 ijkl");
    Keyring.set(&name, &secret).unwrap();
    assert_eq!(Keyring.get(&name).unwrap(), secret);
    Keyring.delete(&name).unwrap();
    let err = Keyring.get(&name).unwrap_err();
    assert!(err.needs_auth(), "{err}");
    assert!(!err.to_string().contains("EFGH"), "{err}");
}
