//! The Rank Math conformance examples in ../shared/specs, read the same way by every test that
//! replays them. A missing file fails the test with its path: these tests never pass silently.

use redaksi_seo::{AnalysisRequest, Content};
use serde::Deserialize;
use serde::de::DeserializeOwned;

const EXAMPLES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/specs/rankmath-examples.json"
);

/// An example's input: what Rank Math's analyzer was given.
#[derive(Deserialize)]
pub struct Input {
    title: String,
    description: String,
    slug: String,
    url: String,
    site_url: String,
    locale: String,
    keywords: Vec<String>,
    featured_image_alt: Option<String>,
    html: String,
}

impl Input {
    pub fn request(&self) -> AnalysisRequest {
        AnalysisRequest {
            title: self.title.clone(),
            description: self.description.clone(),
            slug: self.slug.clone(),
            url: self.url.clone(),
            site_url: self.site_url.clone(),
            locale: self.locale.clone(),
            keywords: self.keywords.clone(),
            featured_image_alt: self.featured_image_alt.clone(),
            content: Content::Html(self.html.clone()),
            ..AnalysisRequest::default()
        }
    }
}

/// The examples, each read as `T` (a test takes the parts it needs).
pub fn examples<T: DeserializeOwned>() -> Vec<T> {
    let text = std::fs::read_to_string(EXAMPLES).unwrap_or_else(|err| {
        panic!("the conformance examples are missing: cannot read {EXAMPLES}: {err}")
    });
    serde_json::from_str(&text).expect("rankmath-examples.json parses")
}
