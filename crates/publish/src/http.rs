//! What every CMS client does with HTTP the same way: one client for the worker (the OS trust
//! store for certificates), answers read with a size cap, errors that keep only an excerpt of
//! an answer, and `Retry-After`.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::{Response, header};

use crate::PublishError;

/// The largest answer a CMS client reads. A post list of 100 posts with their content fits
/// easily; anything larger is refused rather than held in memory.
pub const MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// How much of an answer an error message keeps.
pub const EXCERPT_CHARS: usize = 300;

/// The HTTP client the worker sends with. Certificates are checked against the OS trust store,
/// so an intranet CMS signed by a company CA that the OS trusts works.
pub fn client(timeout: Duration, idle_per_host: usize) -> Result<reqwest::Client, PublishError> {
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(Duration::from_secs(10))
        .pool_max_idle_per_host(idle_per_host)
        .user_agent(concat!("Redaksi/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| PublishError::Invalid(format!("the HTTP client cannot start: {e}")))
}

/// An answer's status, `Retry-After`, page count and body, the body read up to `cap` bytes.
pub(crate) struct Answer {
    pub status: reqwest::StatusCode,
    pub retry_after: Option<Duration>,
    /// WordPress's `X-WP-TotalPages` on a list.
    pub total_pages: Option<u32>,
    pub body: Vec<u8>,
}

/// Reads `response` without holding more than `cap` bytes: a longer answer is an error.
pub(crate) async fn read_capped(
    target: &str,
    mut response: Response,
    cap: usize,
) -> Result<Answer, PublishError> {
    let status = response.status();
    let retry_after = retry_after(response.headers());
    let total_pages = response
        .headers()
        .get("x-wp-totalpages")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok());
    let too_long = || PublishError::Invalid(format!("{target} answered more than {cap} bytes"));
    if response
        .content_length()
        .is_some_and(|len| len > cap as u64)
    {
        return Err(too_long());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| network_error(target, e))?
    {
        if body.len() + chunk.len() > cap {
            return Err(too_long());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Answer {
        status,
        retry_after,
        total_pages,
        body,
    })
}

/// A request that failed before an answer. A refused connection never carried the request;
/// anything later might have.
pub(crate) fn network_error(target: &str, err: reqwest::Error) -> PublishError {
    PublishError::Network {
        target: target.to_owned(),
        maybe_applied: !err.is_connect(),
        message: network_message(err),
    }
}

/// reqwest's messages include the URL; keeping messages free of query strings keeps logs clean.
fn network_message(err: reqwest::Error) -> String {
    let err = err.without_url();
    let mut message = err.to_string();
    let mut source = std::error::Error::source(&err);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

/// At most [`EXCERPT_CHARS`] characters of `text`, marked when cut.
pub fn excerpt(text: &str) -> String {
    let mut chars = text.chars();
    let kept: String = chars.by_ref().take(EXCERPT_CHARS).collect();
    if chars.next().is_some() {
        format!("{kept}…")
    } else {
        kept
    }
}

/// `Retry-After` as seconds or an HTTP date.
pub fn retry_after(headers: &header::HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = DateTime::parse_from_rfc2822(value)
        .ok()?
        .with_timezone(&Utc);
    Some((at - Utc::now()).to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    #[rstest::rstest]
    #[case("5", Some(5))]
    #[case(" 120 ", Some(120))]
    #[case("10000000000000", Some(10_000_000_000_000))]
    #[case("soon", None)]
    fn retry_after_seconds(#[case] value: &str, #[case] secs: Option<u64>) {
        let mut h = HeaderMap::new();
        h.insert(header::RETRY_AFTER, HeaderValue::from_str(value).unwrap());
        assert_eq!(retry_after(&h), secs.map(Duration::from_secs));
    }

    #[test]
    fn retry_after_http_date_in_the_future() {
        let at = Utc::now() + chrono::Duration::seconds(30);
        let mut h = HeaderMap::new();
        h.insert(
            header::RETRY_AFTER,
            HeaderValue::from_str(&at.format("%a, %d %b %Y %H:%M:%S GMT").to_string()).unwrap(),
        );
        let d = retry_after(&h).unwrap();
        assert!(
            d > Duration::from_secs(25) && d <= Duration::from_secs(30),
            "{d:?}"
        );
    }

    #[test]
    fn an_excerpt_is_bounded_and_marked() {
        assert_eq!(excerpt("kurz"), "kurz");
        let long = "é".repeat(10_000);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
