// The article metadata the UI makes itself (tests, and a panel before an article is open).
import type { Meta } from "./bindings";

/** An article's metadata before anything is set, as Rust's `Meta::default()` sends it. */
export function emptyMeta(): Meta {
  return {
    seo_title: null,
    slug: null,
    description: null,
    keywords: [],
    lang: null,
    featured_image: null,
    url: null,
    byline: null,
    dateline: null,
    category: null,
    tags: [],
    editor_note: null,
    status: "draft",
    embargo: null,
    publish_at: null,
    muted_checks: [],
  };
}
