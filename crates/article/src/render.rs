//! HTML that a person or a CMS will see. Everything goes through [`sanitize`]: no `<script>`,
//! no event-handler attributes, no `javascript:` URLs, whatever the reporter pasted.

use std::sync::LazyLock;

use ammonia::Builder;

/// Video embeds a newsroom pastes are kept; they are the only frames allowed.
const EMBED_HOSTS: [&str; 4] = [
    "https://www.youtube.com/embed/",
    "https://www.youtube-nocookie.com/embed/",
    "https://player.vimeo.com/video/",
    "https://www.instagram.com/p/",
];

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::default();
    builder
        .add_tags(["iframe", "figure", "figcaption", "input"])
        .add_tag_attributes(
            "iframe",
            ["src", "width", "height", "title", "allowfullscreen"],
        )
        .add_tag_attributes("img", ["loading"])
        // A task list's `[x]`: an input is only ever a checkbox nobody can tick, so a pasted
        // form field cannot ask a reader for anything. (One attribute is set rather than
        // two: ammonia adds set attributes in hash order, and the output must not vary.)
        .add_tag_attributes("input", ["type", "checked"])
        .set_tag_attribute_value("input", "disabled", "")
        .add_generic_attributes(["id"])
        .attribute_filter(|element, attribute, value| {
            if element == "input" && attribute == "type" {
                return Some("checkbox".into());
            }
            if element == "iframe" && attribute == "src" {
                return EMBED_HOSTS
                    .iter()
                    .any(|host| value.starts_with(host))
                    .then(|| value.into());
            }
            Some(value.into())
        });
    builder
});

/// Removes everything that could run code or load from places a news page should not.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// Markdown to sanitised HTML: the preview pane and every export use this.
pub fn to_safe_html(markdown: &str) -> String {
    sanitize(&crate::markdown::to_html(markdown))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::script("<p>a</p><script>alert(1)</script>", "script")]
    #[case::event_handler("<img src=\"x.png\" onerror=\"alert(1)\">", "onerror")]
    #[case::javascript_url("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    #[case::javascript_url_mixed_case("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "alert")]
    #[case::style_tag("<style>body{}</style>", "<style")]
    #[case::foreign_iframe("<iframe src=\"https://evil.example/\"></iframe>", "evil")]
    #[case::object("<object data=\"x.swf\"></object>", "<object")]
    fn dangerous_markup_never_survives(#[case] html: &str, #[case] forbidden: &str) {
        let clean = sanitize(html);
        assert!(!clean.to_lowercase().contains(forbidden), "{clean}");
    }

    #[test]
    fn markdown_with_pasted_script_is_rendered_safely() {
        let clean =
            to_safe_html("Halo <script>alert(1)</script> **dunia** [x](javascript:alert(1))");
        assert!(
            !clean.contains("script") && !clean.contains("javascript"),
            "{clean}"
        );
        assert!(clean.contains("<strong>dunia</strong>"), "{clean}");
    }

    /// The preview pane shows exactly this for a body that uses the whole dialect and pastes
    /// what must never run.
    #[test]
    fn the_preview_of_a_full_article() {
        insta::assert_snapshot!(to_safe_html(
            "\
# Banjir Rob {#banjir .besar}

Hujan **deras** dan *angin* di [Muara Baru](https://jakarta.go.id/ \"judul\"), `kode`, ~~lama~~.

| Kelurahan | Pengungsi |
|---|---:|
| Penjaringan | 1.204 |

1. satu
2. dua
   - [x] selesai

> kutipan dengan <span style=\"color:red\" onclick=\"x()\">warna</span>

![foto](media/3f9a.jpg \"Foto\") <img src=x onerror=alert(1)>

<script>alert(1)</script><style>p{}</style>
<iframe src=\"https://www.youtube.com/embed/abc\" onload=\"x()\" allowfullscreen></iframe>
<iframe src=\"https://evil.example/\"></iframe>
<a href=\"javascript:alert(1)\">klik</a> <a href=\"data:text/html,x\">data</a>
<form action=\"https://evil.example/\"><input name=p></form>

```html
<b>kode tetap apa adanya</b>
```

Catatan[^1].

[^1]: BPBD DKI.
"
        ));
    }

    #[test]
    fn a_task_list_keeps_its_ticks_and_no_input_takes_text() {
        let clean = to_safe_html("- [x] selesai\n- [ ] belum\n");
        assert_eq!(clean.matches("type=\"checkbox\"").count(), 2, "{clean}");
        assert_eq!(clean.matches("checked").count(), 1, "{clean}");
        let pasted = sanitize("<input name=\"p\" type=\"password\" value=\"x\" onfocus=\"y()\">");
        assert!(
            !pasted.contains("password") && !pasted.contains("name=") && !pasted.contains("y()"),
            "{pasted}"
        );
        assert!(
            pasted.contains("type=\"checkbox\"") && pasted.contains("disabled"),
            "{pasted}"
        );
        assert_eq!(sanitize("<input>"), "<input disabled=\"\">");
    }

    #[test]
    fn youtube_embeds_and_links_are_kept() {
        let clean = sanitize(
            "<iframe src=\"https://www.youtube.com/embed/abc\"></iframe><a href=\"https://voaindonesia.com/\">VOA</a>",
        );
        assert!(
            clean.contains("src=\"https://www.youtube.com/embed/abc\""),
            "{clean}"
        );
        assert!(
            clean.contains("href=\"https://voaindonesia.com/\""),
            "{clean}"
        );
    }
}
