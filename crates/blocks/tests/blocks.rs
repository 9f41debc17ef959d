//! Each construct of the dialect as the block editor saves it, and back: Markdown → blocks is
//! the exact markup of WordPress 6.1's core blocks, and that markup reads back into the same
//! Markdown with nothing carried as HTML.

use redaksi_blocks::{Carried, Form, to_content, to_markdown};
use rstest::rstest;

#[rstest]
#[case::paragraph(
    "Halo **dunia**, *miring*, ~~coret~~, `kode <b>` dan [tautan](https://voaindonesia.com/?a=1&b=2).",
    "<!-- wp:paragraph -->\n<p>Halo <strong>dunia</strong>, <em>miring</em>, <s>coret</s>, <code>kode &lt;b></code> dan <a href=\"https://voaindonesia.com/?a=1&amp;b=2\">tautan</a>.</p>\n<!-- /wp:paragraph -->"
)]
#[case::paragraph_with_references_and_a_break(
    "Tom &amp; Jerry&nbsp;&#8220;lucu&#8221;\\\nbaris dua",
    "<!-- wp:paragraph -->\n<p>Tom &amp; Jerry&nbsp;&#8220;lucu&#8221;<br>baris dua</p>\n<!-- /wp:paragraph -->"
)]
#[case::heading_2(
    "## Banjir di Jakarta",
    "<!-- wp:heading -->\n<h2>Banjir di Jakarta</h2>\n<!-- /wp:heading -->"
)]
#[case::heading_3_with_anchor(
    "### Korban {#korban}",
    "<!-- wp:heading {\"level\":3} -->\n<h3 id=\"korban\">Korban</h3>\n<!-- /wp:heading -->"
)]
#[case::list(
    "- satu\n- dua",
    "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>satu</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>dua</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->"
)]
#[case::nested_list(
    "1. satu\n   - a\n     - dalam\n2. dua",
    "<!-- wp:list {\"ordered\":true} -->\n<ol><!-- wp:list-item -->\n<li>satu<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>a<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>dalam</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list --></li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list --></li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>dua</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->"
)]
#[case::quote_with_citation(
    "> Kami siap.\n>\n> <cite>Gubernur</cite>",
    "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>Kami siap.</p>\n<!-- /wp:paragraph --><cite>Gubernur</cite></blockquote>\n<!-- /wp:quote -->"
)]
#[case::image_with_caption(
    "![Air setinggi lutut](https://example.com/banjir.jpg \"Foto: <em>Antara</em> \\& AP\")",
    "<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"https://example.com/banjir.jpg\" alt=\"Air setinggi lutut\"/><figcaption class=\"wp-element-caption\">Foto: <em>Antara</em> &amp; AP</figcaption></figure>\n<!-- /wp:image -->"
)]
#[case::gallery(
    "![a](https://example.com/1.jpg)\n![b](https://example.com/2.jpg)",
    "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n<figure class=\"wp-block-gallery has-nested-images columns-default is-cropped\"><!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"https://example.com/1.jpg\" alt=\"a\"/></figure>\n<!-- /wp:image -->\n\n<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"https://example.com/2.jpg\" alt=\"b\"/></figure>\n<!-- /wp:image --></figure>\n<!-- /wp:gallery -->"
)]
#[case::youtube(
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10",
    "<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\\u0026t=10\",\"type\":\"video\",\"providerNameSlug\":\"youtube\",\"responsive\":true,\"className\":\"wp-embed-aspect-16-9 wp-has-aspect-ratio\"} -->\n<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio\"><div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=10\n</div></figure>\n<!-- /wp:embed -->"
)]
#[case::table(
    "| Kota | Korban |\n| --- | ---: |\n| Bekasi \\| Timur | 12 |",
    "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><thead><tr><th>Kota</th><th class=\"has-text-align-right\" data-align=\"right\">Korban</th></tr></thead><tbody><tr><td>Bekasi | Timur</td><td class=\"has-text-align-right\" data-align=\"right\">12</td></tr></tbody></table></figure>\n<!-- /wp:table -->"
)]
#[case::separator(
    "---",
    "<!-- wp:separator -->\n<hr class=\"wp-block-separator has-alpha-channel-opacity\"/>\n<!-- /wp:separator -->"
)]
#[case::code(
    "```\nif a < b && [c] {}\n```",
    "<!-- wp:code -->\n<pre class=\"wp-block-code\"><code>if a &lt; b &amp;&amp; &#91;c] {}</code></pre>\n<!-- /wp:code -->"
)]
#[case::custom_html(
    "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>",
    "<!-- wp:html -->\n<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n<!-- /wp:html -->"
)]
fn markdown_becomes_core_blocks_and_reads_back(#[case] markdown: &str, #[case] blocks: &str) {
    assert_eq!(to_content(markdown, Form::Blocks), blocks);
    let pulled = to_markdown(blocks).expect("lossless");
    assert_eq!(pulled.markdown, markdown);
    assert_eq!(pulled.form, Form::Blocks);
    assert_eq!(
        pulled.carried,
        Carried {
            markdown: 1,
            html: 0,
            verbatim: 0
        }
    );
}

/// Block markup Redaksi does not write (buttons, columns, a plugin's block, a paragraph with a
/// colour) is carried as raw HTML and written back byte for byte.
#[rstest]
#[case::buttons(
    "<!-- wp:buttons -->\n<div class=\"wp-block-buttons\"><!-- wp:button -->\n<div class=\"wp-block-button\"><a class=\"wp-block-button__link wp-element-button\" href=\"https://example.com/donasi\">Donasi</a></div>\n<!-- /wp:button --></div>\n<!-- /wp:buttons -->"
)]
#[case::columns(
    "<!-- wp:columns -->\n<div class=\"wp-block-columns\"><!-- wp:column -->\n<div class=\"wp-block-column\"><!-- wp:paragraph -->\n<p>Kiri</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column -->\n\n<!-- wp:column -->\n<div class=\"wp-block-column\"><!-- wp:paragraph -->\n<p>Kanan</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column --></div>\n<!-- /wp:columns -->"
)]
#[case::plugin_block("<!-- wp:acme/poll {\"id\":7,\"options\":[\"ya\",\"tidak\"]} /-->")]
#[case::styled_paragraph(
    "<!-- wp:paragraph {\"align\":\"center\",\"textColor\":\"vivid-red\"} -->\n<p class=\"has-text-align-center has-vivid-red-color has-text-color\">Merah</p>\n<!-- /wp:paragraph -->"
)]
#[case::uploaded_image(
    "<!-- wp:image {\"id\":12,\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->\n<figure class=\"wp-block-image size-large\"><img src=\"http://127.0.0.1/wp-content/uploads/a.jpg\" alt=\"\" class=\"wp-image-12\"/></figure>\n<!-- /wp:image -->"
)]
fn unknown_blocks_survive_as_html(#[case] blocks: &str) {
    let pulled = to_markdown(blocks).expect("lossless");
    assert_eq!(pulled.markdown, blocks);
    assert_eq!(pulled.carried.html, 1, "{pulled:?}");
    assert_eq!(to_content(&pulled.markdown, pulled.form), blocks);
}

#[test]
fn a_paragraph_markdown_cannot_say_keeps_its_tags_and_its_markdown_text() {
    // `**Jakarta **` would not be bold in Markdown: the tags stay, the text is still Markdown.
    let blocks = "<!-- wp:paragraph -->\n<p><strong>Jakarta </strong>— banjir <a href=\"https://x.id/\" target=\"_blank\" rel=\"noreferrer noopener\">lagi</a> *</p>\n<!-- /wp:paragraph -->";
    let pulled = to_markdown(blocks).expect("lossless");
    assert_eq!(
        pulled.markdown,
        "<strong>Jakarta </strong>— banjir <a href=\"https://x.id/\" target=\"_blank\" rel=\"noreferrer noopener\">lagi</a> \\*"
    );
    assert_eq!(pulled.carried.markdown, 1);
    assert_eq!(to_content(&pulled.markdown, Form::Blocks), blocks);
}

#[test]
fn two_lists_side_by_side_stay_two_lists() {
    let markdown_list = |item: &str| {
        format!(
            "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>{item}</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->"
        )
    };
    let blocks = format!("{}\n\n{}", markdown_list("a"), markdown_list("b"));
    let pulled = to_markdown(&blocks).expect("lossless");
    assert_eq!(to_content(&pulled.markdown, Form::Blocks), blocks);
    assert_eq!(pulled.carried.markdown, 1, "{pulled:?}");
}

/// Classic posts come back classic: paragraphs separated by blank lines, no `<p>`.
#[test]
fn classic_posts_read_as_markdown_and_stay_classic() {
    let classic = "Paragraf pertama dengan <strong>tebal</strong> &amp; <a href=\"https://x.id/\">tautan</a>.\nBaris baru.\n\n<h2>Subjudul</h2>\n\n<ul>\n \t<li>satu</li>\n \t<li>dua</li>\n</ul>\n\n<blockquote>Kutipan.</blockquote>\n\n<hr />\n\nTom & Jerry\n\n[caption id=\"attachment_5\" align=\"alignnone\" width=\"300\"]<img class=\"size-medium wp-image-5\" src=\"https://x.id/a.jpg\" alt=\"\" width=\"300\" height=\"200\" /> Keterangan[/caption]";
    let pulled = to_markdown(classic).expect("lossless");
    assert_eq!(pulled.form, Form::Classic);
    assert_eq!(to_content(&pulled.markdown, Form::Classic), classic);
    assert!(
        pulled.markdown.starts_with("Paragraf pertama dengan **tebal** &amp; [tautan](https://x.id/).\\\nBaris baru.\n\n## Subjudul\n\n- satu\n- dua\n\n> Kutipan.\n\n---\n\nTom & Jerry"),
        "{}",
        pulled.markdown
    );
    assert_eq!(pulled.carried.verbatim, 0, "{pulled:?}");
}

/// Broken or odd markup never loses a character: whatever cannot be read is carried verbatim.
#[rstest]
#[case::unclosed_block("<!-- wp:paragraph -->\n<p>Tanpa penutup</p>")]
#[case::stray_closer("<p>teks</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:separator /-->")]
#[case::unclosed_tags("<!-- wp:paragraph -->\n<p>a <strong>b <em>c</p>\n<!-- /wp:paragraph -->")]
#[case::crossed_tags(
    "<!-- wp:paragraph -->\n<p>a <strong>b <em>c</strong> d</em></p>\n<!-- /wp:paragraph -->"
)]
#[case::blank_lines_and_spaces(
    "\n\n  <!-- wp:paragraph -->\n<p> a</p>\n<!-- /wp:paragraph -->\n\n\n\n<p>x</p>   \n\n"
)]
#[case::fence_inside("```wordpress\n````\n\n<pre>```</pre>")]
#[case::crlf("<p>a</p>\r\n\r\n<p>b</p>\r\n")]
#[case::lone_brackets(
    "a < b > c & d [e] *f* _g_ \\h\\ `i`\n\n# not a heading\n\n1. not a list\n\n- nor this"
)]
#[case::empty("")]
#[case::only_whitespace("\n \n\t\n")]
#[case::html_comment_open(
    "<!-- wp:paragraph -->\n<p>a <!-- never closed</p>\n<!-- /wp:paragraph -->"
)]
fn malformed_markup_never_loses_text(#[case] content: &str) {
    let pulled = to_markdown(content).expect("lossless");
    assert_eq!(to_content(&pulled.markdown, pulled.form), content);
}

/// Raw HTML that Markdown reads until a closing marker (`<pre>` until `</pre>`) must not swallow
/// the pieces after it.
#[test]
fn a_pre_split_by_blank_lines_is_carried_whole() {
    let classic = "<div class=\"box\">\n\nIsi kotak.\n\n</div>\n\n<pre>kode\n\n  dengan spasi</pre>\n\nSesudahnya.";
    let pulled = to_markdown(classic).expect("lossless");
    assert_eq!(to_content(&pulled.markdown, Form::Classic), classic);
    assert!(
        pulled.markdown.ends_with("\n\nSesudahnya."),
        "{}",
        pulled.markdown
    );
}
