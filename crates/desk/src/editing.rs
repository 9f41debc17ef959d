//! Saving what an editor typed without overwriting what it never saw. Every save from a front
//! door says which version it was based on (the article's `updated_at` as it was loaded). When
//! the stored article changed since (the folder mirror imported an outside edit, a bulk status
//! change, the CLI, another window), the save is merged instead of written over it:
//!
//! - each field (title, body, every metadata key) that only one side changed takes that side;
//! - when both sides changed the same field differently, the editor's text wins in the working
//!   copy and the other side's whole article is kept as a named version first, and the answer
//!   says so ([`Saved::kept`]), so the user can be told; nothing is lost either way.
//!
//! The merge needs the text the editor started from (`base`); a caller without it (the CLI)
//! gets [`Code::Stale`] and nothing is written.

use redaksi_article::Article;
use redaksi_store::{SaveKind, Store, StoreError};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{Code, Error, Result};

/// The name of the version that keeps the other side's text after a conflicting save.
pub const KEPT_NAME: &str = "Diubah di tempat lain / Changed elsewhere";

/// What a save stored.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Saved {
    /// The article as stored; differs from what was sent when changes made elsewhere were
    /// merged in.
    #[serde(flatten)]
    pub article: Article,
    /// Whether changes made elsewhere were merged into this save.
    pub merged: bool,
    /// When both sides changed the same field: the revision that keeps the other side's text.
    pub kept: Option<i64>,
}

/// How often a merge is retried when the article keeps changing underneath it.
const ATTEMPTS: usize = 3;

/// Saves `article` (based on its `updated_at`), merging changes made elsewhere since `base`.
pub fn save(
    store: &mut Store,
    article: &Article,
    base: Option<&Article>,
    kind: SaveKind,
) -> Result<Saved> {
    let mut mine = article.clone();
    let mut merged = false;
    let mut kept = None;
    for _ in 0..ATTEMPTS {
        match store.save_edit(&mine, kind.clone()) {
            Ok(article) => {
                return Ok(Saved {
                    article,
                    merged,
                    kept,
                });
            }
            Err(StoreError::Stale(id)) => {
                let Some(base) = base else {
                    return Err(StoreError::Stale(id).into());
                };
                let current = store.get_article(id)?;
                let merge = three_way(base, article, &current)?;
                if merge.conflict && kept.is_none() {
                    kept = Some(store.name_version(id, KEPT_NAME)?.id);
                }
                mine = merge.article;
                merged = true;
            }
            Err(err) => return Err(err.into()),
        }
    }
    Err(Error::new(
        Code::Stale,
        format!(
            "article {} kept changing while it was saved; try again",
            article.id
        ),
    ))
}

struct Merge {
    article: Article,
    conflict: bool,
}

/// Takes, field by field, the side that changed since `base`; `mine` where both did.
fn three_way(base: &Article, mine: &Article, theirs: &Article) -> Result<Merge> {
    let mut conflict = false;
    let mut pick = |base: &Value, mine: &Value, theirs: &Value| -> Value {
        if mine == base {
            theirs.clone()
        } else {
            if theirs != base && theirs != mine {
                conflict = true;
            }
            mine.clone()
        }
    };
    let json = |article: &Article| serde_json::to_value(article).map_err(Error::internal);
    let (base_json, mine_json, theirs_json) = (json(base)?, json(mine)?, json(theirs)?);
    let field = |value: &Value, key: &str| value.get(key).cloned().unwrap_or(Value::Null);
    let mut out = mine_json.clone();
    for key in ["title", "body"] {
        out[key] = pick(
            &field(&base_json, key),
            &field(&mine_json, key),
            &field(&theirs_json, key),
        );
    }
    let meta = |value: &Value| {
        value
            .get("meta")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    let (base_meta, mine_meta, theirs_meta) =
        (meta(&base_json), meta(&mine_json), meta(&theirs_json));
    let mut keys: Vec<&String> = base_meta
        .keys()
        .chain(mine_meta.keys())
        .chain(theirs_meta.keys())
        .collect();
    keys.sort();
    keys.dedup();
    let mut merged_meta = Map::new();
    for key in keys {
        let get = |m: &Map<String, Value>| m.get(key).cloned().unwrap_or(Value::Null);
        let value = pick(&get(&base_meta), &get(&mine_meta), &get(&theirs_meta));
        if !value.is_null() {
            merged_meta.insert(key.clone(), value);
        }
    }
    out["meta"] = Value::Object(merged_meta);
    // The merge is based on the stored version now.
    out["updated_at"] = field(&theirs_json, "updated_at");
    let article = serde_json::from_value(out).map_err(Error::internal)?;
    Ok(Merge { article, conflict })
}

#[cfg(test)]
mod tests {
    use redaksi_article::Status;

    use super::*;

    fn store_with(body: &str) -> (Store, Article) {
        let mut store = Store::open_in_memory().unwrap();
        let article = store.create_article("Banjir", body).unwrap();
        (store, article)
    }

    /// Something else saves the article after the editor loaded it.
    fn change_elsewhere(store: &mut Store, id: uuid::Uuid, edit: impl FnOnce(&mut Article)) {
        let mut other = store.get_article(id).unwrap();
        edit(&mut other);
        store.save_article(&other).unwrap();
    }

    #[test]
    fn a_save_based_on_an_old_version_never_overwrites_without_a_base() {
        let (mut store, loaded) = store_with("versi awal");
        change_elsewhere(&mut store, loaded.id, |a| a.body = "versi luar".into());
        let mut typed = loaded.clone();
        typed.body = "versi editor".into();
        let err = save(&mut store, &typed, None, SaveKind::Autosave).unwrap_err();
        assert_eq!(err.code, Code::Stale);
        assert_eq!(store.get_article(loaded.id).unwrap().body, "versi luar");
    }

    #[test]
    fn a_change_elsewhere_to_another_field_is_merged_with_the_typing() {
        let (mut store, loaded) = store_with("versi awal");
        change_elsewhere(&mut store, loaded.id, |a| {
            a.meta.status = Status::InReview;
        });
        let mut typed = loaded.clone();
        typed.body = "versi awal, lalu diketik".into();
        let saved = save(&mut store, &typed, Some(&loaded), SaveKind::Autosave).unwrap();
        assert!(saved.merged);
        assert_eq!(saved.kept, None);
        let stored = store.get_article(loaded.id).unwrap();
        assert_eq!(stored.body, "versi awal, lalu diketik");
        assert_eq!(
            stored.meta.status,
            Status::InReview,
            "the status change stays"
        );
    }

    #[test]
    fn when_both_sides_changed_the_text_both_are_kept_and_the_answer_says_so() {
        let (mut store, loaded) = store_with("versi awal");
        change_elsewhere(&mut store, loaded.id, |a| a.body = "versi luar".into());
        let mut typed = loaded.clone();
        typed.body = "versi editor".into();
        let saved = save(&mut store, &typed, Some(&loaded), SaveKind::Autosave).unwrap();
        assert_eq!(saved.article.body, "versi editor");
        let kept = saved.kept.expect("the other side's text is kept");
        let other = store.get_revision(loaded.id, kept).unwrap();
        assert_eq!(other.body, "versi luar");
        let named = store.list_revisions(loaded.id).unwrap();
        assert!(
            named
                .iter()
                .any(|r| r.id == kept && r.name.as_deref() == Some(KEPT_NAME))
        );
    }

    #[test]
    fn an_unchanged_article_saves_as_before() {
        let (mut store, loaded) = store_with("versi awal");
        let mut typed = loaded.clone();
        typed.body = "versi baru".into();
        let saved = save(&mut store, &typed, Some(&loaded), SaveKind::Autosave).unwrap();
        assert!(!saved.merged);
        // Its answer is the next base: saving again from it is not stale.
        let mut again = saved.article.clone();
        again.body = "versi ketiga".into();
        save(&mut store, &again, None, SaveKind::Autosave).unwrap();
    }
}
