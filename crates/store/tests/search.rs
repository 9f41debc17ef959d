//! Full-text search, filters and sorts.

mod common;

use chrono::Duration;
use common::{at, memory_store_at};
use redaksi_article::{Article, Band, Status};
use redaksi_store::{ListQuery, SortBy, Store};
use rstest::{fixture, rstest};
use uuid::Uuid;

struct Corpus {
    store: Store,
    banjir: Uuid,
    kafe: Uuid,
    pemilu: Uuid,
    trashed: Uuid,
}

#[fixture]
fn corpus() -> Corpus {
    let (mut store, clock) = memory_store_at("2026-03-01T08:00:00Z");
    let mut add = |title: &str, body: &str, edit: &dyn Fn(&mut Article)| {
        clock.advance(Duration::hours(1));
        let mut article = Article::new(title, body, at("2026-03-01T08:00:00Z"));
        edit(&mut article);
        store.save_article(&article).unwrap().id
    };
    let banjir = add(
        "Banjir merendam Jakarta Utara",
        "Hujan deras sejak pagi membuat ratusan rumah terendam banjir.",
        &|a| {
            a.meta.tags = vec!["cuaca".into(), "jakarta".into()];
            a.meta.category = Some("Metro".into());
            a.meta.byline = Some("Siti Rahayu".into());
        },
    );
    let kafe = add(
        "Kafé baru di Bandung",
        "Sebuah café dengan crème brûlée terkenal dibuka di Dago.",
        &|a| {
            a.meta.tags = vec!["kuliner".into()];
            a.meta.category = Some("Gaya Hidup".into());
            a.meta.status = Status::Ready;
        },
    );
    let pemilu = add(
        "Election results",
        "The count continued overnight as floods closed roads in Jakarta.",
        &|a| {
            a.meta.tags = vec!["politik".into(), "jakarta".into()];
            a.meta.status = Status::Published;
        },
    );
    let trashed = add("Banjir lama", "Banjir tahun lalu.", &|_| {});
    store.delete_article(trashed).unwrap();
    store.set_score(banjir, Some(85)).unwrap();
    store.set_score(kafe, Some(60)).unwrap();
    store.set_score(pemilu, Some(30)).unwrap();
    Corpus {
        store,
        banjir,
        kafe,
        pemilu,
        trashed,
    }
}

fn ids(hits: &[redaksi_store::SearchHit]) -> Vec<Uuid> {
    hits.iter().map(|h| h.article.id).collect()
}

#[rstest]
#[case::whole_word("banjir", &["banjir"])]
#[case::prefix("banj", &["banjir"])]
#[case::diacritics_folded_in_query("kafe", &["kafe"])]
#[case::diacritics_folded_in_text("creme brulee", &["kafe"])]
#[case::accented_query_matches_plain("Jakartá", &["pemilu", "banjir"])]
#[case::tags_are_searched("kuliner", &["kafe"])]
#[case::byline_is_searched("rahayu", &["banjir"])]
#[case::english("flood", &["pemilu"])]
#[case::all_words_must_match("banjir bandung", &[])]
#[case::syntax_is_not_injected("\"banjir\" OR -kafe", &[])]
fn search_finds_what_a_reader_expects(
    corpus: Corpus,
    #[case] query: &str,
    #[case] expected: &[&str],
) {
    let by_name = |name: &str| match name {
        "banjir" => corpus.banjir,
        "kafe" => corpus.kafe,
        "pemilu" => corpus.pemilu,
        _ => unreachable!(),
    };
    let hits = corpus.store.search(query, &ListQuery::default()).unwrap();
    let expected: Vec<Uuid> = expected.iter().map(|n| by_name(n)).collect();
    assert_eq!(ids(&hits), expected, "query {query:?}");
    assert!(!ids(&hits).contains(&corpus.trashed));
}

#[rstest]
fn snippets_mark_the_matching_words(corpus: Corpus) {
    let hits = corpus
        .store
        .search("terendam", &ListQuery::default())
        .unwrap();
    let marked: Vec<_> = hits[0]
        .snippet
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, ["terendam"]);
    let text: String = hits[0].snippet.iter().map(|p| p.text.as_str()).collect();
    assert!(text.contains("ratusan rumah terendam banjir"), "{text}");
}

#[rstest]
fn an_empty_query_is_a_clear_error(corpus: Corpus) {
    let err = corpus
        .store
        .search("  !! ", &ListQuery::default())
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
}

#[rstest]
#[case::status(ListQuery { status: Some(Status::Ready), ..Default::default() }, &["kafe"])]
#[case::tag(ListQuery { tag: Some("JAKARTA".into()), ..Default::default() }, &["pemilu", "banjir"])]
#[case::category(ListQuery { category: Some("metro".into()), ..Default::default() }, &["banjir"])]
#[case::byline(ListQuery { byline: Some("RAHAYU".into()), ..Default::default() }, &["banjir"])]
#[case::byline_no_pattern(ListQuery { byline: Some("%".into()), ..Default::default() }, &[])]
#[case::band_high(ListQuery { score_band: Some(Band::Good), ..Default::default() }, &["banjir"])]
#[case::band_medium(ListQuery { score_band: Some(Band::Ok), ..Default::default() }, &["kafe"])]
#[case::band_low(ListQuery { score_band: Some(Band::Bad), ..Default::default() }, &["pemilu"])]
#[case::date_range(ListQuery {
    updated_from: Some(at("2026-03-01T09:30:00Z")),
    updated_to: Some(at("2026-03-01T10:30:00Z")),
    ..Default::default()
}, &["kafe"])]
#[case::sort_score(ListQuery { sort: SortBy::Score, ..Default::default() }, &["banjir", "kafe", "pemilu"])]
#[case::sort_title(ListQuery { sort: SortBy::Title, ..Default::default() }, &["banjir", "pemilu", "kafe"])]
#[case::sort_updated(ListQuery::default(), &["pemilu", "kafe", "banjir"])]
#[case::page(ListQuery { limit: 1, offset: 1, ..Default::default() }, &["kafe"])]
fn list_filters_and_sorts(corpus: Corpus, #[case] query: ListQuery, #[case] expected: &[&str]) {
    let by_name = |name: &str| match name {
        "banjir" => corpus.banjir,
        "kafe" => corpus.kafe,
        "pemilu" => corpus.pemilu,
        _ => unreachable!(),
    };
    let listed: Vec<Uuid> = corpus
        .store
        .list(&query)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    let expected: Vec<Uuid> = expected.iter().map(|n| by_name(n)).collect();
    assert_eq!(listed, expected, "{query:?}");
}

#[rstest]
fn search_takes_the_same_filters(corpus: Corpus) {
    let query = ListQuery {
        tag: Some("politik".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(&corpus.store.search("jakarta", &query).unwrap()),
        [corpus.pemilu]
    );
}

#[rstest]
fn edits_and_deletes_reach_the_index(mut corpus: Corpus) {
    let mut article = corpus.store.get_article(corpus.kafe).unwrap();
    article.body = "Tutup permanen.".into();
    corpus.store.save_article(&article).unwrap();
    assert!(
        corpus
            .store
            .search("brulee", &ListQuery::default())
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        ids(&corpus
            .store
            .search("permanen", &ListQuery::default())
            .unwrap()),
        [corpus.kafe]
    );
    corpus.store.restore_from_trash(corpus.trashed).unwrap();
    assert_eq!(
        ids(&corpus.store.search("lalu", &ListQuery::default()).unwrap()),
        [corpus.trashed]
    );
    corpus
        .store
        .connection()
        .execute(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap_or_else(|err| panic!("search index out of step: {err}"));
}

#[rstest]
fn the_deferred_index_stays_consistent_through_edits_and_purges(mut corpus: Corpus) {
    // Several autosaves before any search: the index catches up once, from the parked values.
    for body in ["satu", "dua", "tiga kata akhir"] {
        let mut article = corpus.store.get_article(corpus.banjir).unwrap();
        article.body = body.into();
        corpus.store.save_article(&article).unwrap();
    }
    let mut kafe = corpus.store.get_article(corpus.kafe).unwrap();
    kafe.title = "Kedai".into();
    corpus.store.save_article(&kafe).unwrap();
    // Purged while its index update is still parked.
    corpus
        .store
        .connection()
        .execute(
            "DELETE FROM articles WHERE id = ?1",
            [corpus.kafe.to_string()],
        )
        .unwrap();
    assert_eq!(corpus.store.flush_search_index().unwrap(), 1);
    assert!(
        corpus
            .store
            .search("terendam", &ListQuery::default())
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        ids(&corpus.store.search("akhir", &ListQuery::default()).unwrap()),
        [corpus.banjir]
    );
    assert!(
        corpus
            .store
            .search("kedai", &ListQuery::default())
            .unwrap()
            .is_empty()
    );
    corpus
        .store
        .connection()
        .execute(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap_or_else(|err| panic!("search index out of step: {err}"));
}

#[test]
fn the_index_check_used_above_does_catch_a_stale_index() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .connection()
        .execute_batch("DROP TRIGGER articles_fts_insert")
        .unwrap();
    store
        .create_article("Tanpa indeks", "tidak terindeks")
        .unwrap();
    let err = store
        .connection()
        .execute(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap_err();
    assert!(err.to_string().contains("malformed"), "{err}");
}
