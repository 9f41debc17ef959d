use redaksi_article::render;

/// Elements that run code, restyle the app or submit somewhere; none may come out.
const FORBIDDEN_TAGS: [&str; 8] = [
    "script", "style", "object", "embed", "form", "link", "meta", "base",
];
/// URL schemes that run code or carry a document of their own.
const FORBIDDEN_SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:"];

/// The preview renderer: any text renders, and the HTML it gives holds no element, event
/// handler or URL that runs code. The output is read the way a browser would: text `<` is
/// always `&lt;` in it, so every `<` starts a tag, and attribute values are double-quoted.
pub fn preview(data: &[u8]) {
    runs_nothing(&render::to_safe_html(&String::from_utf8_lossy(data)));
}

fn runs_nothing(html: &str) {
    for tag in tags(html) {
        assert!(
            !FORBIDDEN_TAGS.contains(&tag.name.as_str()),
            "<{}> survived sanitising:\n{html}",
            tag.name
        );
        for (name, value) in &tag.attributes {
            assert!(
                !name.starts_with("on"),
                "the event handler `{name}` survived sanitising:\n{html}"
            );
            // Browsers ignore ASCII whitespace and control characters inside a scheme.
            let url: String = value
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                .collect::<String>()
                .to_ascii_lowercase();
            assert!(
                !FORBIDDEN_SCHEMES
                    .iter()
                    .any(|scheme| url.starts_with(scheme)),
                "`{name}=\"{value}\"` on <{}> survived sanitising:\n{html}",
                tag.name
            );
        }
    }
}

struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// The opening tags of serialised HTML, with their attributes (entities `&amp;`, `&quot;`
/// decoded, as a browser would).
fn tags(html: &str) -> Vec<Tag> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        if rest.starts_with('/') || rest.starts_with('!') {
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = &rest[name_end..];
        let mut attributes = Vec::new();
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            if rest.is_empty() || rest.starts_with('>') {
                break;
            }
            let attr_end = rest
                .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>')
                .unwrap_or(rest.len());
            let attr = rest[..attr_end].to_ascii_lowercase();
            rest = &rest[attr_end..];
            let mut value = String::new();
            if let Some(assigned) = rest.strip_prefix('=') {
                // Serialised values are double-quoted; anything else is read up to a space.
                let (raw, after) = match assigned.strip_prefix('"') {
                    Some(quoted) => {
                        let end = quoted.find('"').unwrap_or(quoted.len());
                        (&quoted[..end], quoted.get(end + 1..).unwrap_or(""))
                    }
                    None => {
                        let end = assigned
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .unwrap_or(assigned.len());
                        (&assigned[..end], &assigned[end..])
                    }
                };
                value = raw.replace("&quot;", "\"").replace("&amp;", "&");
                rest = after;
            }
            attributes.push((attr, value));
        }
        // A browser reads what these hold as text, whatever it looks like.
        if RAW_TEXT.contains(&name.as_str()) {
            let rest_lower = rest.to_ascii_lowercase();
            rest = rest_lower
                .find(&format!("</{name}"))
                .map_or("", |end| &rest[end..]);
        }
        found.push(Tag { name, attributes });
    }
    found
}

/// Elements whose content is text to a browser's parser.
const RAW_TEXT: [&str; 5] = ["iframe", "textarea", "title", "xmp", "noembed"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tags_and_attributes_as_a_browser_would() {
        let found = tags(
            "<p>a &lt;b href=\"javascript:x\"</p><a href=\"/x?a=1&amp;b=&quot;2\" title=\"a>b\"><!-- <script> --><br/>",
        );
        let names: Vec<&str> = found.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["p", "a", "br"]);
        assert_eq!(
            found[1].attributes,
            [
                ("href".to_owned(), "/x?a=1&b=\"2".to_owned()),
                ("title".to_owned(), "a>b".to_owned())
            ]
        );
    }

    #[test]
    fn a_stray_equals_sign_in_a_tag_ends() {
        // Found by the campaign: `<iframe>< =` once made this scanner loop for ever.
        assert_eq!(tags("<b>< =</b>").len(), 2);
        // Inside a frame it is text, so only the frame is a tag.
        assert_eq!(tags("<iframe>< =</iframe>").len(), 1);
    }

    #[test]
    fn what_an_iframe_holds_is_text() {
        let found = tags("<iframe src=\"x\"><script>a</script></iframe><b>");
        let names: Vec<&str> = found.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["iframe", "b"]);
    }

    #[test]
    fn text_that_looks_like_code_is_not_code() {
        runs_nothing("<p>&lt;script&gt; onclick=x href=\"javascript:x\"</p>");
    }

    #[test]
    #[should_panic(expected = "<script> survived")]
    fn a_script_is_caught() {
        runs_nothing("<p>x</p><SCRIPT>alert(1)</SCRIPT>");
    }

    #[test]
    #[should_panic(expected = "event handler")]
    fn an_event_handler_is_caught() {
        runs_nothing("<img src=\"a.png\" onerror=\"x\">");
    }

    #[test]
    #[should_panic(expected = "survived sanitising")]
    fn a_javascript_url_with_a_tab_in_its_scheme_is_caught() {
        runs_nothing("<a href=\" Java\tscript:alert(1)\">x</a>");
    }
}
