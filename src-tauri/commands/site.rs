//! The Site view: a WordPress site's audit and write-back (`redaksi_desk::site`). The audit
//! reads the whole site, so it runs on the async runtime, never on the store's thread (the
//! store only names the account); its progress reaches the UI as `site-audit-progress`.

use redaksi_desk::Error;
use redaksi_desk::site::{self, AuditRequest, Audited, Report};
use redaksi_publish::credentials::{Keyring, SecretStore};
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::error::blocking;
use crate::state::AppState;

/// The event each [`site::Progress`] is emitted as.
pub const PROGRESS_EVENT: &str = "site-audit-progress";

fn data_dir(state: &AppState) -> Result<std::path::PathBuf, Error> {
    state
        .data_dir
        .clone()
        .ok_or_else(|| Error::invalid("there is no data folder to keep the audit in"))
}

/// Audits the site of the WordPress account `target` (and writes scores back when asked).
#[tauri::command]
pub async fn site_audit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    target: String,
    request: AuditRequest,
) -> Result<Audited, Error> {
    let dir = data_dir(&state)?;
    let name = target.clone();
    let account = state.call(move |s| site::account(s, &name)).await?;
    let secret = Keyring.get(&target)?;
    site::audit(&account, secret, &dir, request, None, |progress| {
        // No window listening is not the audit's problem.
        let _ = app.emit(PROGRESS_EVENT, progress);
    })
    .await
}

/// The last audit's report of `target`, from the ledger; `None` when it was never audited.
#[tauri::command]
pub async fn site_report(
    state: State<'_, AppState>,
    target: String,
) -> Result<Option<Report>, Error> {
    let dir = data_dir(&state)?;
    blocking(move || site::last_report(&dir, &target)).await
}

#[cfg(test)]
mod tests {
    use redaksi_store::Store;
    use redaksi_store::outbox::Target;
    use serde_json::json;

    use crate::ipc_test::{app_with, invoke};
    use crate::state::AppState;

    #[test]
    fn a_site_never_audited_has_no_report_and_only_wordpress_sites_are_audited() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        for (name, kind) in [("situs", "wordpress"), ("blog", "ghost")] {
            store
                .put_target(&Target {
                    name: name.into(),
                    kind: kind.into(),
                    url: "http://127.0.0.1:1".into(),
                    username: Some("admin".into()),
                })
                .unwrap();
        }
        drop(store);
        let (_app, window) = app_with(AppState::open(Ok(dir.path())));
        let report = invoke(&window, "site_report", json!({ "target": "situs" })).unwrap();
        assert!(report.is_null(), "{report}");
        let err = invoke(
            &window,
            "site_audit",
            json!({ "target": "blog", "request": { "write_back": true } }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "invalid_input");
        assert!(err["message"].as_str().unwrap().contains("ghost"), "{err}");
        let err = invoke(
            &window,
            "site_audit",
            json!({ "target": "nope", "request": {} }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "not_found");
    }
}
