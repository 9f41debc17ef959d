//! Certificates are checked against the OS trust store: a newsroom's intranet CMS signed by a
//! company CA that the OS trusts must work. The CA is made here with the `openssl` command and
//! handed to the trust store the way the OS's own is found (`SSL_CERT_FILE`); the site is
//! `openssl s_server` on loopback. This binary holds one test, because it sets the variable
//! for the whole process.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the openssl command is needed to make a test CA");
    assert!(
        out.status.success(),
        "openssl {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_site_signed_by_a_ca_the_os_trusts_is_reached() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    openssl(
        d,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=Redaksi test company CA",
        ],
    );
    openssl(
        d,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "site.key",
            "-out",
            "site.csr",
            "-subj",
            "/CN=127.0.0.1",
        ],
    );
    std::fs::write(d.join("san.ext"), "subjectAltName=IP:127.0.0.1\n").unwrap();
    openssl(
        d,
        &[
            "x509",
            "-req",
            "-in",
            "site.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "site.pem",
            "-days",
            "2",
            "-extfile",
            "san.ext",
        ],
    );

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let _server = Server(
        Command::new("openssl")
            .args([
                "s_server",
                "-accept",
                &format!("127.0.0.1:{port}"),
                "-cert",
                "site.pem",
                "-key",
                "site.key",
                "-www",
                "-quiet",
            ])
            .current_dir(d)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let url = format!("https://127.0.0.1:{port}/");

    // The trust store is read when a client is built.
    let untrusted = redaksi_publish::http::client(Duration::from_secs(5), 1).unwrap();
    let mut refused = None;
    for _ in 0..50 {
        match untrusted.get(&url).send().await {
            Err(err) if err.is_connect() && format!("{err:?}").contains("Connection refused") => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            other => {
                refused = Some(other);
                break;
            }
        }
    }
    assert!(
        refused.expect("openssl s_server did not start").is_err(),
        "a certificate from an unknown CA was accepted"
    );

    // SAFETY: this test binary runs this one test; no other thread reads the environment.
    unsafe { std::env::set_var("SSL_CERT_FILE", d.join("ca.pem")) };
    let trusting = redaksi_publish::http::client(Duration::from_secs(5), 1).unwrap();
    let answer = trusting
        .get(&url)
        .send()
        .await
        .expect("the company CA is trusted");
    assert!(answer.status().is_success(), "{}", answer.status());
}
