//! The round trip against the real loopback WordPress: a corpus of posts shaped as WordPress
//! 6.1's block editor and classic editor save them is created through the REST API, pulled with
//! `context=edit`, read into Markdown, written back and pushed as an update; WordPress must then
//! hold exactly the content it had. Redaksi's own Markdown goes the other way: out as blocks that
//! WordPress's own parser reads as native blocks, and back to the same Markdown.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use redaksi_blocks::{Carried, Form, to_content, to_markdown};
use redaksi_test_wordpress::Account;
use serde_json::{Value, json};

/// Pieces of block markup as the block editor saves them.
const BLOCKS: &[&str] = &[
    "<!-- wp:paragraph -->\n<p>Hujan deras sejak Sabtu malam membuat <strong>Kali Ciliwung</strong> meluap. Warga di <em>Kampung Melayu</em> mengungsi ke <a href=\"https://example.com/posko?kota=jakarta&amp;id=3\">posko terdekat</a>.</p>\n<!-- /wp:paragraph -->",
    "<!-- wp:heading -->\n<h2>Ribuan warga mengungsi</h2>\n<!-- /wp:heading -->",
    "<!-- wp:paragraph -->\n<p>“Air naik cepat sekali,” kata Siti&nbsp;(45), warga RT&nbsp;05. Ia menyelamatkan dokumen&#8230; dan <s>kulkas</s> televisi.<br>Keluarganya selamat.</p>\n<!-- /wp:paragraph -->",
    "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Kampung Melayu: 1.200 jiwa</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Bidara Cina: 800 jiwa</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Cawang: <strong>450</strong> jiwa</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->",
    "<!-- wp:heading {\"level\":3} -->\n<h3>Langkah pemerintah</h3>\n<!-- /wp:heading -->",
    "<!-- wp:list {\"ordered\":true} -->\n<ol><!-- wp:list-item -->\n<li>Membuka posko<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>GOR Jatinegara</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Masjid Al-Ikhlas<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>lantai dua</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list --></li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list --></li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Menyiagakan pompa</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->",
    "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>Kami sudah menyiapkan 40 perahu karet dan dapur umum.</p>\n<!-- /wp:paragraph --><cite>Kepala BPBD DKI</cite></blockquote>\n<!-- /wp:quote -->",
    "<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"https://images.example.com/2026/12/banjir-kampung-melayu.jpg\" alt=\"Warga menyeberangi banjir dengan perahu karet\"/><figcaption class=\"wp-element-caption\">Warga dievakuasi, Minggu (6/12). <em>Foto: Antara</em></figcaption></figure>\n<!-- /wp:image -->",
    "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n<figure class=\"wp-block-gallery has-nested-images columns-default is-cropped\"><!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"https://images.example.com/g/1.jpg\" alt=\"Posko\"/></figure>\n<!-- /wp:image -->\n\n<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"https://images.example.com/g/2.jpg\" alt=\"Dapur umum\"/><figcaption class=\"wp-element-caption\">Dapur umum</figcaption></figure>\n<!-- /wp:image --></figure>\n<!-- /wp:gallery -->",
    "<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=aqz-KE-bpKQ\",\"type\":\"video\",\"providerNameSlug\":\"youtube\",\"responsive\":true,\"className\":\"wp-embed-aspect-16-9 wp-has-aspect-ratio\"} -->\n<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio\"><div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=aqz-KE-bpKQ\n</div></figure>\n<!-- /wp:embed -->",
    "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><thead><tr><th>Wilayah</th><th class=\"has-text-align-right\" data-align=\"right\">Pengungsi</th></tr></thead><tbody><tr><td>Jakarta Timur</td><td class=\"has-text-align-right\" data-align=\"right\">2.450</td></tr><tr><td>Jakarta Selatan</td><td class=\"has-text-align-right\" data-align=\"right\">310</td></tr></tbody></table></figure>\n<!-- /wp:table -->",
    "<!-- wp:separator -->\n<hr class=\"wp-block-separator has-alpha-channel-opacity\"/>\n<!-- /wp:separator -->",
    "<!-- wp:buttons -->\n<div class=\"wp-block-buttons\"><!-- wp:button -->\n<div class=\"wp-block-button\"><a class=\"wp-block-button__link wp-element-button\" href=\"https://example.com/donasi\">Salurkan bantuan</a></div>\n<!-- /wp:button --></div>\n<!-- /wp:buttons -->",
    "<!-- wp:columns -->\n<div class=\"wp-block-columns\"><!-- wp:column -->\n<div class=\"wp-block-column\"><!-- wp:paragraph -->\n<p>Nomor darurat: <strong>112</strong></p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column -->\n\n<!-- wp:column -->\n<div class=\"wp-block-column\"><!-- wp:paragraph -->\n<p>BPBD: 021-164</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column --></div>\n<!-- /wp:columns -->",
    "<!-- wp:image {\"id\":41,\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->\n<figure class=\"wp-block-image size-large\"><img src=\"https://news.example.com/wp-content/uploads/2026/12/peta-banjir-1024x683.jpg\" alt=\"Peta genangan\" class=\"wp-image-41\"/><figcaption class=\"wp-element-caption\">Peta genangan BPBD</figcaption></figure>\n<!-- /wp:image -->",
    "<!-- wp:paragraph {\"align\":\"center\",\"fontSize\":\"small\"} -->\n<p class=\"has-text-align-center has-small-font-size\">Baca juga: <a href=\"https://example.com/banjir-2020\" target=\"_blank\" rel=\"noreferrer noopener\">Banjir 2020</a></p>\n<!-- /wp:paragraph -->",
    "<!-- wp:pullquote -->\n<figure class=\"wp-block-pullquote\"><blockquote><p>Banjir ini yang terbesar sejak 2020.</p><cite>Warga</cite></blockquote></figure>\n<!-- /wp:pullquote -->",
    "<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->",
    "<!-- wp:embed {\"url\":\"https://twitter.com/BNPB_Indonesia/status/1\",\"type\":\"rich\",\"providerNameSlug\":\"twitter\",\"responsive\":true} -->\n<figure class=\"wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter\"><div class=\"wp-block-embed__wrapper\">\nhttps://twitter.com/BNPB_Indonesia/status/1\n</div></figure>\n<!-- /wp:embed -->",
    "<!-- wp:code -->\n<pre class=\"wp-block-code\"><code>curl -s \"https://api.example.com/tma?pos=manggarai&amp;jam=06\" | jq '.tinggi &lt; 750'</code></pre>\n<!-- /wp:code -->",
    "<!-- wp:html -->\n<div class=\"infografis\" data-src=\"https://example.com/data.json\"></div>\n<script src=\"https://example.com/grafik.js\"></script>\n<!-- /wp:html -->",
    "<!-- wp:shortcode -->\n[contact-form-7 id=\"12\" title=\"Laporan warga\"]\n<!-- /wp:shortcode -->",
    "<!-- wp:spacer {\"height\":\"40px\"} -->\n<div style=\"height:40px\" aria-hidden=\"true\" class=\"wp-block-spacer\"></div>\n<!-- /wp:spacer -->",
    "<!-- wp:group {\"layout\":{\"type\":\"constrained\"}} -->\n<div class=\"wp-block-group\"><!-- wp:heading {\"level\":4} -->\n<h4>Catatan redaksi</h4>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>Artikel ini diperbarui pukul 09.00 WIB.</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:group -->",
    "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>Tanpa kepala</td><td>tabel</td></tr></tbody></table></figure>\n<!-- /wp:table -->",
    "<!-- wp:paragraph -->\n<p>Sumber: <code>bpbd.jakarta.go.id</code>, *data sementara* 2+2=4 &lt;belum final&gt; #banjir</p>\n<!-- /wp:paragraph -->",
    "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>Paragraf pertama kutipan.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Paragraf kedua, dengan <a href=\"https://example.com/\">tautan</a>.</p>\n<!-- /wp:paragraph --></blockquote>\n<!-- /wp:quote -->",
    "<!-- wp:separator {\"className\":\"is-style-wide\"} -->\n<hr class=\"wp-block-separator has-alpha-channel-opacity is-style-wide\"/>\n<!-- /wp:separator -->",
];

/// Classic-editor posts, and two odd ones (free HTML between blocks, broken tags).
const WHOLE_POSTS: &[&str] = &[
    "Jakarta — Hujan deras sejak Sabtu malam membuat Kali Ciliwung meluap.\n\nWarga di <strong>Kampung Melayu</strong> mengungsi ke <a href=\"https://example.com/posko\">posko terdekat</a>.\nMereka membawa dokumen penting.\n\n<h2>Ribuan mengungsi</h2>\n\n<ul>\n \t<li>Kampung Melayu</li>\n \t<li>Bidara Cina</li>\n</ul>",
    "<h3>Kronologi</h3>\n\n<ol>\n \t<li>Pukul 02.00 air mulai naik</li>\n \t<li>Pukul 04.00 warga dievakuasi</li>\n</ol>\n\n<blockquote>Kami siaga penuh.</blockquote>\n\n<hr />\n\nTom & Jerry tetap tayang.",
    "[caption id=\"attachment_12\" align=\"aligncenter\" width=\"640\"]<img class=\"size-large wp-image-12\" src=\"https://news.example.com/wp-content/uploads/2019/01/banjir.jpg\" alt=\"Banjir\" width=\"640\" height=\"427\" /> Banjir di Kampung Melayu[/caption]\n\nWarga mengungsi sejak dini hari.\n\nhttps://www.youtube.com/watch?v=aqz-KE-bpKQ\n\n<!--more-->\n\nSelengkapnya di halaman berikut.",
    "<p style=\"text-align: center;\">Teks rata tengah dari editor lama.</p>\n<table>\n<tbody>\n<tr>\n<td>A</td>\n<td>B</td>\n</tr>\n</tbody>\n</table>\n\n&nbsp;\n\n<em>Laporan: Tim Redaksi</em>",
    "Satu baris saja, tanpa HTML sama sekali.",
    "<div class=\"box\">\n\nIsi kotak dengan baris kosong di dalamnya.\n\n</div>\n\n[gallery ids=\"4,5,6\" columns=\"3\"]\n\n<pre>kode\n\n  dengan spasi</pre>",
    "<p>HTML bebas sebelum blok</p>\n\n<!-- wp:paragraph -->\n<p>Blok biasa.</p>\n<!-- /wp:paragraph -->\n<!-- wp:paragraph -->\n<p>Blok tanpa baris kosong di antaranya.</p>\n<!-- /wp:paragraph -->\n\nTeks bebas di akhir.",
    "<!-- wp:paragraph -->\n<p>Tag <strong>tidak <em>ditutup</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:list -->\n<ul><li>daftar lama tanpa list-item</li><li>gaya WordPress 6.0</li></ul>\n<!-- /wp:list -->",
];

/// Redaksi's own Markdown, as a reporter writes it.
const AUTHORED: &[&str] = &[
    "Hujan deras membuat **Kali Ciliwung** meluap. Warga [mengungsi](https://example.com/posko).\n\n## Ribuan mengungsi\n\n- Kampung Melayu\n- Bidara Cina\n  - RW 01\n  - RW 02\n\n> Kami siap membantu.\n>\n> <cite>Kepala BPBD</cite>",
    "![Banjir di Jakarta](https://images.example.com/banjir.jpg \"Foto: Antara\")\n\nhttps://www.youtube.com/watch?v=aqz-KE-bpKQ\n\n---\n\n| Wilayah | Pengungsi |\n| --- | ---: |\n| Jakarta Timur | 2.450 |",
    "![a](https://images.example.com/1.jpg)\n![b](https://images.example.com/2.jpg)\n![c](https://images.example.com/3.jpg)\n\n### Data\n\n1. pertama\n2. kedua\n\n```\nif tinggi > 750 { siaga(1) }\n```",
    "Tautan <a href=\"https://example.com/\" target=\"_blank\" rel=\"noreferrer noopener\">buka di tab baru</a> dan *miring*.\n\n<!-- wp:buttons -->\n<div class=\"wp-block-buttons\"><!-- wp:button -->\n<div class=\"wp-block-button\"><a class=\"wp-block-button__link wp-element-button\" href=\"https://example.com/donasi\">Donasi</a></div>\n<!-- /wp:button --></div>\n<!-- /wp:buttons -->",
    "Kutipan panjang:\n\n> Paragraf satu.\n>\n> Paragraf dua dengan `kode`.\n\n<iframe src=\"https://www.youtube.com/embed/aqz-KE-bpKQ\" width=\"560\" height=\"315\"></iframe>",
];

/// The block posts: every piece appears, in varied company and order.
fn block_posts() -> Vec<String> {
    let n = BLOCKS.len();
    (0..30)
        .map(|i| {
            let count = 3 + i % 6;
            (0..count)
                .map(|j| BLOCKS[(i * 7 + j * 5) % n])
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .collect()
}

struct Site {
    account: Account,
    http: reqwest::Client,
}

impl Site {
    async fn call(&self, method: reqwest::Method, route: &str, body: Option<Value>) -> Value {
        let mut request = self
            .http
            .request(method, format!("{}/", self.account.url))
            .query(&[("rest_route", route), ("context", "edit")])
            .basic_auth(&self.account.user, Some(&self.account.password));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let answer = request.send().await.expect("WordPress answers");
        let status = answer.status();
        let body: Value = answer.json().await.expect("a JSON answer");
        assert!(status.is_success(), "{route}: {status} {body}");
        body
    }

    async fn create(&self, title: &str, content: &str) -> u64 {
        let post = self
            .call(
                reqwest::Method::POST,
                "/wp/v2/posts",
                Some(json!({"title": title, "content": content, "status": "draft"})),
            )
            .await;
        post["id"].as_u64().expect("a post id")
    }

    /// `content.raw`: what WordPress stores, as the block editor and Redaksi read it.
    async fn raw(&self, id: u64) -> String {
        let post = self
            .call(reqwest::Method::GET, &format!("/wp/v2/posts/{id}"), None)
            .await;
        post["content"]["raw"]
            .as_str()
            .expect("content.raw with context=edit")
            .to_owned()
    }

    /// The corpus leaves no posts behind for other tests to meet.
    async fn delete(&self, ids: &[u64]) {
        for id in ids {
            self.call(
                reqwest::Method::DELETE,
                &format!("/wp/v2/posts/{id}"),
                Some(json!({"force": true})),
            )
            .await;
        }
    }

    async fn update(&self, id: u64, content: &str) {
        self.call(
            reqwest::Method::POST,
            &format!("/wp/v2/posts/{id}"),
            Some(json!({"content": content})),
        )
        .await;
    }
}

/// WordPress's own `parse_blocks()` over the posts: their block names and freeform pieces.
fn parsed_by_wordpress(ids: &[u64]) -> BTreeMap<u64, (Vec<String>, u64)> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parse_blocks.php");
    let mut args = vec!["php".to_owned(), script.display().to_string()];
    args.extend(ids.iter().map(u64::to_string));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let printed = redaksi_test_wordpress::run(&args).expect("parse_blocks.php runs");
    let parsed: BTreeMap<String, Value> = serde_json::from_str(&printed).expect("JSON");
    parsed
        .into_iter()
        .map(|(id, v)| {
            let names = v["blocks"]
                .as_array()
                .expect("names")
                .iter()
                .map(|n| n.as_str().expect("a name").to_owned())
                .collect();
            (
                id.parse().expect("an id"),
                (names, v["freeform"].as_u64().expect("a count")),
            )
        })
        .collect()
}

async fn site() -> Site {
    // The editor pulls and pushes in the review workflow; an editor may post unfiltered HTML.
    let newsroom = redaksi_test_wordpress::start_newsroom().expect("the loopback WordPress starts");
    Site {
        account: newsroom.editor,
        http: reqwest::Client::new(),
    }
}

// One test: every `wp.sh start` replaces the application passwords.
#[tokio::test]
async fn posts_round_trip_through_wordpress_unchanged() {
    let site = site().await;

    // WordPress content → Markdown → content, pushed back: identical.
    let mut posts: Vec<String> = block_posts();
    posts.extend(WHOLE_POSTS.iter().map(|p| (*p).to_owned()));
    let mut ids = Vec::new();
    let mut total = Carried::default();
    let mut forms = BTreeMap::new();
    let mut normalised_on_create = 0;
    for (n, content) in posts.iter().enumerate() {
        let id = site.create(&format!("Korpus {n}"), content).await;
        ids.push(id);
        // The pull starts from what WordPress stored (its own normalisation included).
        let pulled_content = site.raw(id).await;
        if &pulled_content != content {
            normalised_on_create += 1;
        }
        let pulled = to_markdown(&pulled_content)
            .unwrap_or_else(|e| panic!("post {n}: {e}\n{pulled_content}"));
        *forms.entry(format!("{:?}", pulled.form)).or_insert(0) += 1;
        total.markdown += pulled.carried.markdown;
        total.html += pulled.carried.html;
        total.verbatim += pulled.carried.verbatim;
        site.update(id, &to_content(&pulled.markdown, pulled.form))
            .await;
        assert_eq!(
            site.raw(id).await,
            pulled_content,
            "post {n} changed after a round trip through Markdown:\n{}",
            pulled.markdown
        );
    }
    let parsed = parsed_by_wordpress(&ids);
    let types: BTreeSet<&str> = parsed
        .values()
        .flat_map(|(names, _)| names.iter().map(String::as_str))
        .collect();
    for required in [
        "core/paragraph",
        "core/heading",
        "core/list",
        "core/list-item",
        "core/quote",
        "core/image",
        "core/gallery",
        "core/embed",
        "core/table",
        "core/separator",
        "core/buttons",
        "core/button",
        "core/columns",
        "core/column",
    ] {
        assert!(
            types.contains(required),
            "the corpus lacks {required}: {types:?}"
        );
    }
    assert!(
        total.markdown > total.html + total.verbatim,
        "most pieces should read as Markdown: {total:?}"
    );
    println!(
        "round-trip corpus: {} posts ({forms:?}; {normalised_on_create} changed by WordPress when \
         created), all byte-identical after pull → Markdown → push; pieces carried: {total:?}; \
         block types (WordPress's parser): {types:?}",
        posts.len()
    );

    // Redaksi's Markdown → blocks → WordPress → back: the same blocks, native, the same Markdown.
    let mut authored_ids = Vec::new();
    for (n, markdown) in AUTHORED.iter().enumerate() {
        let blocks = to_content(markdown, Form::Blocks);
        let id = site.create(&format!("Redaksi {n}"), &blocks).await;
        authored_ids.push(id);
        let stored = site.raw(id).await;
        assert_eq!(stored, blocks, "WordPress kept Redaksi's blocks {n}");
        let pulled = to_markdown(&stored).expect("lossless");
        assert_eq!(pulled.markdown, *markdown, "Redaksi post {n} read back");
        site.update(id, &to_content(&pulled.markdown, pulled.form))
            .await;
        assert_eq!(site.raw(id).await, stored);
    }
    for (id, (names, freeform)) in parsed_by_wordpress(&authored_ids) {
        assert_eq!(freeform, 0, "post {id} has classic pieces: {names:?}");
        assert!(!names.is_empty());
    }
    site.delete(&ids).await;
    site.delete(&authored_ids).await;
}
