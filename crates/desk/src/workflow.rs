//! Workflow status changes (one article or many at once) and naming a version.

use redaksi_article::Status;
use redaksi_store::{RevisionInfo, Store};
use serde::Serialize;
use uuid::Uuid;

use crate::error::{Code, Error, Result};

/// The outcome for one article of a bulk status change.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StatusChange {
    pub id: Uuid,
    /// `None` when the change was made; otherwise why not ([`Code::Workflow`], …).
    pub error: Option<Error>,
}

/// Moves one article to `status` if the workflow allows it.
pub fn set_status(store: &mut Store, id: Uuid, status: Status) -> Result<()> {
    let mut article = store.get_article(id)?;
    if !article.meta.status.can_move_to(status) {
        return Err(Error::new(
            Code::Workflow,
            format!("{} cannot move to {status}", article.meta.status),
        ));
    }
    article.meta.status = status;
    store.save_article(&article)?;
    Ok(())
}

/// Moves each article to `status` where the workflow allows it; the others stay as they are.
pub fn change_status(store: &mut Store, ids: &[Uuid], status: Status) -> Vec<StatusChange> {
    ids.iter()
        .map(|&id| StatusChange {
            id,
            error: set_status(store, id, status).err(),
        })
        .collect()
}

/// The ids of the changes that were made.
pub fn changed(changes: &[StatusChange]) -> Vec<Uuid> {
    changes
        .iter()
        .filter(|change| change.error.is_none())
        .map(|change| change.id)
        .collect()
}

/// Names the article's current text as a version.
pub fn name_version(store: &mut Store, id: Uuid, name: &str) -> Result<RevisionInfo> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("a version needs a name"));
    }
    Ok(store.name_version(id, name)?)
}
