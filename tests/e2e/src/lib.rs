//! Drives the real Redaksi release window for end-to-end tests.
//!
//! Mocked IPC cannot show that the window really opens, that WebKitGTK runs the bundled UI under
//! the app's CSP, or that text survives a restart. These tests launch the release binary through
//! `tauri-driver` (which bridges WebDriver to WebKitWebDriver) and use it like a reporter would.
//!
//! `cargo xtask test` runs them under `xvfb-run -a` and sets:
//! - `REDAKSI_E2E_APP`: the release binary to launch;
//! - `TAURI_DRIVER`: the tauri-driver executable (default: `tauri-driver` on PATH);
//! - `REDAKSI_TEST_OUTPUT`: where screenshots go (default: `test-output/` at the workspace root).

use std::error::Error;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

pub type Result<T, E = Box<dyn Error + Send + Sync>> = std::result::Result<T, E>;

/// How long to wait for the window and for the UI to reach a state (a cold WebKit start under
/// Xvfb on a busy machine can take several seconds).
const PATIENCE: Duration = Duration::from_secs(30);

fn required_env(name: &str) -> Result<String> {
    std::env::var(name).map_err(|_| {
        format!(
            "{name} is not set. The end-to-end tests need the release app, tauri-driver and a \
             display; run them through `cargo xtask test`."
        )
        .into()
    })
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port())
}

/// A tauri-driver process. Every app it launches sees the same `REDAKSI_DATA_DIR`, so a test can
/// quit the app and start it again on the same data. Killed when dropped.
pub struct Driver {
    child: Child,
    port: u16,
    app: PathBuf,
}

impl Driver {
    pub fn start(data_dir: &Path) -> Result<Driver> {
        let app = PathBuf::from(required_env("REDAKSI_E2E_APP")?);
        if !app.is_file() {
            return Err(format!("REDAKSI_E2E_APP={} is not a file", app.display()).into());
        }
        let driver = std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into());
        let port = free_port()?;
        let native_port = free_port()?;
        let child = Command::new(&driver)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("REDAKSI_DATA_DIR", data_dir)
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start {driver}: {e}"))?;
        let driver = Driver { child, port, app };
        let started = Instant::now();
        while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
            if started.elapsed() > PATIENCE {
                return Err(format!("tauri-driver did not listen on port {port}").into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(driver)
    }

    /// Starts the app: one WebDriver session is one app process.
    pub async fn launch(&self) -> Result<App> {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "tauri:options".into(),
            json!({ "application": self.app.to_string_lossy() }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await?;
        Ok(App { client })
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.child.id())])
            // The group may already be gone when the last session ended the app.
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The app's window, found through its stable `data-testid`s.
pub struct App {
    pub client: Client,
}

pub fn by_test_id(id: &str) -> String {
    format!(r#"[data-testid="{id}"]"#)
}

impl App {
    /// Waits for an element to exist (the UI renders after the window opens).
    pub async fn find(&self, css: &str) -> Result<Element> {
        Ok(self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await?)
    }

    pub async fn test_id(&self, id: &str) -> Result<Element> {
        self.find(&by_test_id(id)).await
    }

    /// Makes a new article the way a reporter does: the button, the title, then the body typed
    /// into the editor. Returns the editor's content element.
    pub async fn new_article(&self, title: &str, body: &str) -> Result<Element> {
        self.test_id("new-article").await?.click().await?;
        let input = self.test_id("title-input").await?;
        self.wait_until("the title field", || {
            let input = input.clone();
            async move { Ok(input.is_displayed().await?.then_some(())) }
        })
        .await?;
        input.send_keys(title).await?;
        let editor = self
            .find(&format!("{} .cm-content", by_test_id("editor")))
            .await?;
        editor.click().await?;
        editor.send_keys(body).await?;
        Ok(editor)
    }

    /// Polls until `probe` returns Some, or fails naming `what` it waited for.
    pub async fn wait_until<T, F, Fut>(&self, what: &str, mut probe: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<Option<T>>>,
    {
        let started = Instant::now();
        loop {
            if let Some(value) = probe().await? {
                return Ok(value);
            }
            if started.elapsed() > PATIENCE {
                return Err(format!("timed out after {PATIENCE:?} waiting for {what}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits for the save indicator to reach `state` (saved, dirty, saving, error).
    pub async fn wait_for_save_state(&self, state: &str) -> Result<()> {
        let indicator = self.test_id("save-state").await?;
        self.wait_until(&format!("save-state {state}"), || {
            let indicator = indicator.clone();
            async move {
                let now = indicator.attr("data-state").await?;
                Ok((now.as_deref() == Some(state)).then_some(()))
            }
        })
        .await
    }

    /// The Markdown editor's text, one line per CodeMirror line.
    pub async fn editor_text(&self) -> Result<String> {
        let value = self
            .client
            .execute(
                "const lines = document.querySelectorAll('[data-testid=\"editor\"] .cm-line');\
                 return Array.from(lines, (line) => line.textContent).join('\\n');",
                vec![],
            )
            .await?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// Saves a PNG of the window to the test output folder and returns its path.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let dir = std::env::var_os("REDAKSI_TEST_OUTPUT")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-output"));
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, self.client.screenshot().await?)?;
        Ok(path)
    }

    /// Ends the session; the driver stops the app process.
    pub async fn quit(self) -> Result<()> {
        Ok(self.client.close().await?)
    }
}

/// One process of the running app and its proportional set size (shared pages split between
/// the processes that map them, so the numbers add up).
#[derive(Debug)]
pub struct ProcessMemory {
    pub pid: u32,
    pub name: String,
    pub pss_kib: u64,
}

/// The memory of every running instance of `app` and of the processes it started (WebKitGTK's
/// web and network processes), from /proc/*/smaps_rollup.
#[cfg(target_os = "linux")]
pub fn app_memory(app: &Path) -> Result<Vec<ProcessMemory>> {
    use std::collections::HashMap;
    use std::fs;

    let app = fs::canonicalize(app)?;
    let mut parents: HashMap<u32, u32> = HashMap::new();
    let mut roots = Vec::new();
    for entry in fs::read_dir("/proc")? {
        let Some(pid) = entry?
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        // The command name in /proc/<pid>/stat is in parentheses and may hold spaces.
        let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        if let Some(ppid) = after_name
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse().ok())
        {
            parents.insert(pid, ppid);
        }
        if fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == app) {
            roots.push(pid);
        }
    }
    let descends_from_app = |mut pid: u32| {
        while pid > 1 {
            if roots.contains(&pid) {
                return true;
            }
            pid = parents.get(&pid).copied().unwrap_or(0);
        }
        false
    };
    let mut processes = Vec::new();
    for &pid in parents.keys() {
        if !descends_from_app(pid) {
            continue;
        }
        let Ok(rollup) = fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else {
            continue;
        };
        let pss_kib = rollup
            .lines()
            .find_map(|line| line.strip_prefix("Pss:"))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0);
        let name = fs::read_to_string(format!("/proc/{pid}/comm"))
            .unwrap_or_default()
            .trim()
            .to_owned();
        processes.push(ProcessMemory { pid, name, pss_kib });
    }
    processes.sort_by_key(|p| p.pid);
    Ok(processes)
}

impl Driver {
    /// The release binary this driver launches.
    pub fn app_path(&self) -> &Path {
        &self.app
    }

    /// [`Driver::launch`], tried again a few times: WebKitWebDriver behind tauri-driver may
    /// still be starting on a busy machine.
    pub async fn launch_patiently(&self) -> Result<App> {
        let mut tries = 0;
        loop {
            match self.launch().await {
                Ok(app) => return Ok(app),
                Err(err) if tries < 3 => {
                    eprintln!("launch failed ({err}); trying again");
                    tries += 1;
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                Err(err) => return Err(err),
            }
        }
    }

    /// Starts the app in English with default settings: the webview's local storage outlives
    /// the data dir, so an earlier run's language choice would otherwise carry over.
    pub async fn launch_in_english(&self) -> Result<App> {
        let app = self.launch_patiently().await?;
        app.test_id("article-list").await?;
        // The page before the reload carries a mark; the reloaded one does not, so the test
        // never goes on with the old page (a fixed wait did, on a slow machine).
        app.client
            .execute(
                "localStorage.clear(); localStorage.setItem('redaksi.lang', 'en'); \
                 window.__redaksiBeforeReload = true; setTimeout(() => location.reload(), 50);",
                vec![],
            )
            .await?;
        app.wait_until("the reloaded page in English", || async {
            let probe = app
                .client
                .execute(
                    "return window.__redaksiBeforeReload === undefined \
                     && document.readyState === 'complete' \
                     && document.documentElement.lang === 'en' \
                     && document.querySelector('[data-testid=\"article-list\"]') !== null;",
                    vec![],
                )
                .await;
            // A script sent while the page reloads may fail; the next poll asks again.
            Ok(probe
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
                .then_some(()))
        })
        .await?;
        Ok(app)
    }
}
