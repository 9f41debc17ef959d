//! System packages and tools that cargo and npm cannot install.
//!
//! Only Debian-family Linux is automated (through apt-get, via sudo when not root); the project's
//! CI is a fresh Debian 12. macOS and Windows bring their webview with the OS, so nothing is
//! installed there.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Outcome, StepResult, run};

/// A Debian package and the reason Redaksi needs it (printed when it gets installed).
pub struct Package {
    name: &'static str,
    why: &'static str,
}

const fn pkg(name: &'static str, why: &'static str) -> Package {
    Package { name, why }
}

pub const BUILD_PACKAGES: &[Package] = &[
    pkg(
        "build-essential",
        "C compiler and linker for the native parts of the build",
    ),
    pkg(
        "pkg-config",
        "lets the build find the GTK and WebKit libraries",
    ),
    pkg(
        "libwebkit2gtk-4.1-dev",
        "WebKitGTK, the webview that shows the app on Linux",
    ),
    pkg(
        "libxdo-dev",
        "the window menu's standard items (tauri/muda link libxdo)",
    ),
    pkg("libssl-dev", "TLS for the crates that talk to a CMS"),
];

pub const E2E_PACKAGES: &[Package] = &[
    pkg(
        "webkit2gtk-driver",
        "WebKitWebDriver, which drives the real window in end-to-end tests",
    ),
    pkg(
        "xvfb",
        "a virtual display (xvfb-run) so the window can open without a screen",
    ),
];

/// What the publishing and keyring tests meet for real: a WordPress on loopback and the
/// Secret Service. Their scripts (tests/wordpress, tests/keyring) would install these too;
/// listing them here names each one and its reason before the run starts.
pub const PUBLISH_TEST_PACKAGES: &[Package] = &[
    pkg(
        "wordpress",
        "the real WordPress that publishing is tested against",
    ),
    pkg(
        "mariadb-server",
        "WordPress's database, started on loopback without systemd",
    ),
    pkg(
        "php-cli",
        "PHP's built-in web server that serves the test WordPress",
    ),
    pkg("php-mysql", "lets WordPress reach MariaDB"),
    pkg("curl", "the WordPress script checks the site is up with it"),
    pkg("dbus", "a private session bus for the OS keyring tests"),
    pkg(
        "gnome-keyring",
        "the Secret Service that holds CMS passwords in tests",
    ),
    pkg(
        "libglib2.0-bin",
        "gdbus, to wait until the test keyring is ready",
    ),
];

fn is_debian() -> bool {
    Path::new("/etc/debian_version").exists()
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${db:Status-Status}", package])
        .output()
        .is_ok_and(|out| out.status.success() && out.stdout == b"installed")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0")
}

/// An apt-get command, through sudo unless we are root already.
fn apt_get(args: &[&str]) -> Command {
    let mut command = if is_root() {
        Command::new("apt-get")
    } else {
        let mut sudo = Command::new("sudo");
        sudo.arg("apt-get");
        sudo
    };
    // Another apt process (an unattended upgrade) may hold the lock for a while: wait for it.
    command
        .args(["-o", "DPkg::Lock::Timeout=600"])
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive");
    command
}

pub fn ensure_packages(packages: &[Package]) -> StepResult {
    if !cfg!(target_os = "linux") {
        println!("    nothing to install: this OS ships its own webview");
        return Ok(());
    }
    if !is_debian() {
        let names: Vec<_> = packages.iter().map(|p| p.name).collect();
        return Err(Outcome::Skipped(format!(
            "not a Debian system; install the equivalents of {} yourself",
            names.join(" ")
        )));
    }
    let missing: Vec<&Package> = packages.iter().filter(|p| !installed(p.name)).collect();
    if missing.is_empty() {
        println!("    all installed");
        return Ok(());
    }
    println!("    installing missing Debian packages:");
    for package in &missing {
        println!("      {:<24} {}", package.name, package.why);
    }
    if !is_root() {
        println!("    (apt-get needs root: running it through sudo)");
    }
    run(&mut apt_get(&["update"]))?;
    let mut install = apt_get(&["install", "-y"]);
    install.args(missing.iter().map(|p| p.name));
    run(&mut install)?;
    Ok(())
}

/// Where tauri-driver is: on PATH or in cargo's bin dir (which a fresh shell may not have on
/// PATH yet right after `cargo install`).
pub fn tauri_driver() -> Option<PathBuf> {
    let exe = format!("tauri-driver{}", env::consts::EXE_SUFFIX);
    let cargo_bin = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .map(|home| home.join("bin"));
    env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| env::split_paths(&paths).collect::<Vec<_>>())
        .chain(cargo_bin)
        .map(|dir| dir.join(&exe))
        .find(|candidate| candidate.is_file())
}
