//! The files a user gets from an export, byte for byte: a change to any of them shows up as a
//! reviewed snapshot diff (`cargo insta review`), never silently.

use chrono::{TimeZone, Utc};
use redaksi_article::{Article, FeaturedImage, Keyword, Lang, MutedCheck, Status};
use redaksi_publish::{ExportContext, Format, export};
use uuid::Uuid;

/// One article with every field set and a body that uses the whole dialect, plus what must
/// never come out (a script, an event handler, a `javascript:` link, a foreign frame).
fn article() -> Article {
    let created = Utc.with_ymd_and_hms(2026, 11, 26, 1, 0, 0).unwrap();
    let mut a = Article::new(
        "Banjir Rob di Jakarta Utara & \"Bekasi\"",
        "\
Hujan deras sejak **Selasa** pagi membuat air naik *dua meter* di [Muara Baru](https://jakarta.go.id/banjir).

## Warga mengungsi {#ungsi}

| Kelurahan | Pengungsi |
|---|---:|
| Penjaringan | 1.204 |
| Pluit | 872 |

- [x] posko dibuka
- [ ] bantuan logistik

> \"Kami belum pernah melihat air setinggi ini,\" kata Rina.

Data BPBD[^1] ~~sementara~~ diperbarui tiap jam.

![Warga menyeberang](media/3f9a.jpg \"Foto: Dok\")

<script>alert(1)</script>
<iframe src=\"https://www.youtube.com/embed/abc\" onload=\"x()\"></iframe>
<iframe src=\"https://evil.example/\"></iframe>
<a href=\"javascript:alert(1)\" onclick=\"y()\">klik</a>

```
kode tetap apa adanya <b>
```

[^1]: Badan Penanggulangan Bencana Daerah.
",
        created,
    );
    a.id = Uuid::from_u128(0x0193_6d2a_4b1c_7e00_8a5f_1234_5678_9abc);
    a.updated_at = Utc.with_ymd_and_hms(2026, 11, 26, 3, 30, 0).unwrap();
    let m = &mut a.meta;
    m.seo_title = Some("Banjir Rob Jakarta Utara: 2.000 Warga Mengungsi".into());
    m.slug = Some("banjir-rob-jakarta-utara".into());
    m.description =
        Some("Air setinggi dua meter merendam Muara Baru; <b>BPBD</b> membuka posko.".into());
    m.keywords = vec![
        Keyword::new("banjir rob"),
        Keyword {
            phrase: "jakarta utara".into(),
            synonyms: vec!["jakut".into()],
        },
    ];
    m.lang = Some(Lang::Id);
    m.featured_image = Some(FeaturedImage {
        src: "https://cdn.example.id/banjir.jpg".into(),
        alt: Some("Air di Muara Baru".into()),
    });
    m.url = Some("https://berita.example.id/metro/banjir-rob-jakarta-utara".into());
    m.byline = Some("Rina Wulandari".into());
    m.dateline = Some("JAKARTA".into());
    m.category = Some("Metro".into());
    m.tags = vec!["banjir".into(), "jakarta".into()];
    m.editor_note = Some("cek angka pengungsi dengan BPBD".into());
    m.status = Status::Ready;
    m.embargo = Some(Utc.with_ymd_and_hms(2026, 11, 26, 6, 0, 0).unwrap());
    m.muted_checks = vec![MutedCheck {
        id: "title_length".into(),
        reason: "judul rubrik".into(),
    }];
    a
}

fn exported(format: Format) -> String {
    let done = export(&article(), format, &ExportContext { revision: Some(7) });
    let dropped: Vec<String> = done
        .dropped
        .iter()
        .map(|d| format!("{}: {}", d.field, d.reason))
        .collect();
    format!(
        "{}\n--- dropped ---\n{}\n",
        done.content,
        dropped.join("\n")
    )
}

#[test]
fn html_export() {
    insta::assert_snapshot!(exported(Format::Html));
}

#[test]
fn markdown_export() {
    insta::assert_snapshot!(exported(Format::Md));
}

#[test]
fn ninjs_export() {
    insta::assert_snapshot!(exported(Format::Ninjs));
}
