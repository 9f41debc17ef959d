//! Links (§6): the site's parent domain, which anchors count, and how each is classified.

use std::ops::Range;

/// How one anchor counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Internal,
    External,
    /// `mailto:`, `tel:` and any other non-HTTP scheme.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub kind: LinkKind,
    pub nofollow: bool,
    pub url: String,
    /// Byte range of the opening tag in TEXT.
    pub tag: Range<usize>,
}

fn domain_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{c0}'..='\u{17e}').contains(&c)
}

/// The parent domain of `site_url` (§6.1), lower-case; `None` when no suffix qualifies.
pub fn parent_domain(site_url: &str) -> Option<String> {
    let host = hostname(site_url.trim())?.to_lowercase();
    if host.contains("localhost") {
        return Some("localhost".to_owned());
    }
    let chars: Vec<char> = host.chars().collect();
    for start in 0..chars.len() {
        let Some(dot) = chars[start..]
            .iter()
            .position(|&c| c == '.')
            .map(|p| start + p)
        else {
            break;
        };
        let label = &chars[start..dot];
        let rest = &chars[dot + 1..];
        let label_ok = (2..=64).contains(&label.len())
            && (domain_letter(label[0]) || label[0].is_ascii_digit())
            && label[1..]
                .iter()
                .all(|&c| domain_letter(c) || c.is_ascii_digit() || c == '-');
        let rest_ok =
            (2..=15).contains(&rest.len()) && rest.iter().all(|&c| domain_letter(c) || c == '.');
        if label_ok && rest_ok {
            return Some(chars[start..].iter().collect());
        }
    }
    None
}

/// The host name of a URL (no user info, no port).
fn hostname(url: &str) -> Option<&str> {
    let after_scheme = match url.find("://") {
        Some(i) => &url[i + 3..],
        None => url.strip_prefix("//").unwrap_or(url),
    };
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// The scheme of a URL (the leading `[A-Za-z0-9.+-]+` before `:`), lower-cased.
fn scheme(url: &str) -> Option<String> {
    let end = url
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-')))
        .unwrap_or(url.len());
    (end > 0 && url[end..].starts_with(':')).then(|| url[..end].to_ascii_lowercase())
}

/// The host (with port) a URL names, if it names one: after a leading `//` or `scheme://`.
fn url_host(url: &str) -> Option<&str> {
    let rest = if let Some(r) = url.strip_prefix("//") {
        r
    } else {
        let s = scheme(url)?;
        url[s.len() + 1..].strip_prefix("//")?
    };
    Some(rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

/// Classifies one URL against the parent domain (§6.3 steps 1–3).
pub fn classify(url: &str, parent: Option<&str>) -> LinkKind {
    let url = url.trim_matches(super::text::is_ws);
    if let Some(s) = scheme(url)
        && s != "http"
        && s != "https"
    {
        return LinkKind::Other;
    }
    if url.starts_with('/') && !url.contains("//") {
        return LinkKind::Internal;
    }
    let Some(host) = url_host(url) else {
        return LinkKind::Internal;
    };
    match parent {
        Some(parent) if host.to_lowercase().contains(parent) => LinkKind::Internal,
        _ => LinkKind::External,
    }
}

/// Every anchor of TEXT that counts as a link (§6.2), classified.
pub fn anchors(text: &str, parent: Option<&str>) -> Vec<Anchor> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = super::text::memchr(b'<', &bytes[i..]) {
        let at = i + p;
        i = at + 1;
        if !(bytes.get(at + 1).is_some_and(|&b| b == b'a' || b == b'A')
            && bytes.get(at + 2) == Some(&b' '))
        {
            continue;
        }
        let Some(end) = super::text::memchr(b'>', &bytes[at..]).map(|q| at + q + 1) else {
            break;
        };
        let tag = &text[at..end];
        i = end;
        let Some(url) = href(tag) else {
            continue;
        };
        let lower = tag.to_lowercase();
        let nofollow =
            !lower.contains("dofollow") && lower.contains("rel=") && lower.contains("nofollow");
        out.push(Anchor {
            kind: classify(url, parent),
            nofollow,
            url: url.to_owned(),
            tag: at..end,
        });
    }
    out
}

/// The first quoted `href=` value of a tag, if it starts with a letter or `/` and has ≥ 2 chars.
fn href(tag: &str) -> Option<&str> {
    let at = super::text::find_ci(tag, "href=", 0)?;
    let rest = &tag[at + 5..];
    let quote = rest.chars().next().filter(|&q| q == '"' || q == '\'')?;
    let value = &rest[1..];
    let value = &value[..value.find(quote)?];
    let first = value.chars().next()?;
    ((first.is_ascii_alphabetic() || first == '/') && value.chars().count() >= 2).then_some(value)
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("https://example.com", Some("example.com"))]
    #[case("https://www.example.com/", Some("www.example.com"))]
    #[case("https://www.kompas.co.id", Some("www.kompas.co.id"))]
    #[case("https://www.tribunnews.com", Some("www.tribunnews.com"))]
    #[case("https://www.cnnindonesia.com", Some("cnnindonesia.com"))]
    #[case("https://www.my-site.com", Some("my-site.com"))]
    #[case("http://localhost:8080/wp", Some("localhost"))]
    #[case("http://127.0.0.1", None)]
    fn parent_domains(#[case] site: &str, #[case] parent: Option<&str>) {
        assert_eq!(parent_domain(site).as_deref(), parent);
    }

    #[rstest]
    #[case("/berita/x", LinkKind::Internal)]
    #[case("page.html", LinkKind::Internal)]
    #[case("www.bps.go.id", LinkKind::Internal)]
    #[case("https://news.example.com/a", LinkKind::Internal)]
    #[case("https://notexample.com/a", LinkKind::Internal)]
    #[case("https://EXAMPLE.com/a", LinkKind::Internal)]
    #[case("//bps.go.id/x", LinkKind::External)]
    #[case("/x//y", LinkKind::Internal)]
    #[case("https://bps.go.id/", LinkKind::External)]
    #[case("mailto:r@example.com", LinkKind::Other)]
    #[case("tel:+62", LinkKind::Other)]
    #[case("localhost:8080/x", LinkKind::Other)]
    fn classification(#[case] url: &str, #[case] kind: LinkKind) {
        assert_eq!(classify(url, Some("example.com")), kind);
    }

    #[test]
    fn which_anchors_count_and_nofollow() {
        let text = r##"<a href="#top">a</a> <a href="?p=1">b</a> <a href="./x">c</a> <a href=x>d</a> <a href = "x">e</a> <a href="/">f</a> <a href="https://bps.go.id" rel="nofollow">g</a> <a class="x" href='https://x.org/nofollow-guide' rel="ugc">h</a> <a href="https://y.org" rel="nofollow dofollow">i</a> <a href="https://z.org" rel="sponsored">j</a> <A href="/ok">k</A>"##;
        let found: Vec<(String, bool)> = anchors(text, Some("example.com"))
            .into_iter()
            .map(|a| (a.url, a.nofollow))
            .collect();
        assert_eq!(
            found,
            [
                ("https://bps.go.id".to_owned(), true),
                ("https://x.org/nofollow-guide".to_owned(), true),
                ("https://y.org".to_owned(), false),
                ("https://z.org".to_owned(), false),
                ("/ok".to_owned(), false),
            ]
        );
    }
}
