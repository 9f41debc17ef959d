//! The `rankmath` profile's fix hints, in our own words, in Indonesian and English.

use redaksi_article::Lang;

use crate::messages::fill;
use crate::report::Message;

/// `(key without the "rankmath." prefix, Indonesian, English)`.
const TEXTS: &[(&str, &str, &str)] = &[
    (
        "keywordInTitle.pass",
        "Kata kunci utama ada di judul SEO.",
        "The focus keyword is in the SEO title.",
    ),
    (
        "keywordInTitle.fail",
        "Masukkan kata kunci utama ke judul SEO, sebaiknya di awal.",
        "Put the focus keyword in the SEO title, ideally near the start.",
    ),
    (
        "keywordInTitle.missingInput",
        "Isi kata kunci utama dan judul SEO agar judul bisa dinilai.",
        "Set a focus keyword and an SEO title so the title can be checked.",
    ),
    (
        "keywordInMetaDescription.pass",
        "Kata kunci utama ada di deskripsi meta.",
        "The focus keyword is in the meta description.",
    ),
    (
        "keywordInMetaDescription.fail",
        "Sebut kata kunci utama di deskripsi meta.",
        "Mention the focus keyword in the meta description.",
    ),
    (
        "keywordInMetaDescription.missingInput",
        "Tulis deskripsi meta yang memuat kata kunci utama.",
        "Write a meta description that contains the focus keyword.",
    ),
    (
        "keywordInPermalink.pass",
        "Kata kunci utama ada di URL.",
        "The focus keyword is in the URL.",
    ),
    (
        "keywordInPermalink.fail",
        "Pakai kata kunci utama di slug URL.",
        "Use the focus keyword in the URL slug.",
    ),
    (
        "keywordInPermalink.missingInput",
        "Isi slug dan kata kunci utama agar URL bisa dinilai.",
        "Set a slug and a focus keyword so the URL can be checked.",
    ),
    (
        "keywordIn10Percent.pass",
        "Kata kunci utama muncul di awal tulisan.",
        "The focus keyword appears early in the text.",
    ),
    (
        "keywordIn10Percent.fail",
        "Munculkan kata kunci utama di 10% awal tulisan, idealnya di paragraf pertama.",
        "Use the focus keyword in the first 10% of the text, ideally in the opening paragraph.",
    ),
    (
        "keywordIn10Percent.missingInput",
        "Tulis isi artikel dan kata kunci utama dulu.",
        "Write the body and set a focus keyword first.",
    ),
    (
        "keywordInContent.pass",
        "Kata kunci muncul di isi artikel.",
        "The keyword appears in the body.",
    ),
    (
        "keywordInContent.fail",
        "Kata kunci belum muncul di isi artikel; pakai di kalimat yang wajar.",
        "The keyword is not in the body yet; use it in a natural sentence.",
    ),
    (
        "keywordInContent.missingInput",
        "Tulis isi artikel dan kata kunci dulu.",
        "Write the body and set a keyword first.",
    ),
    (
        "lengthContent.pass",
        "Panjang tulisan {words} kata. Bagus.",
        "The text is {words} words long. Well done.",
    ),
    (
        "lengthContent.short",
        "Panjang tulisan {words} kata; di atas 2.500 kata nilainya penuh.",
        "The text is {words} words long; over 2,500 words earns full points.",
    ),
    (
        "lengthContent.fail",
        "Tulisan baru {words} kata; tambah hingga minimal 600 kata.",
        "The text has only {words} words; grow it to at least 600.",
    ),
    (
        "lengthContent.tooLong",
        "Tulisan {words} kata; Rank Math tidak menilai teks sepanjang ini.",
        "The text has {words} words; Rank Math gives no points past this length.",
    ),
    (
        "lengthContent.missingInput",
        "Tulis isi artikel; 600–2.500 kata adalah panjang yang dinilai baik.",
        "Write the body; 600–2,500 words is the length that scores well.",
    ),
    (
        "keywordInSubheadings.pass",
        "Kata kunci ada di subjudul.",
        "The keyword is in a subheading.",
    ),
    (
        "keywordInSubheadings.fail",
        "Pakai kata kunci di salah satu subjudul (H2–H6).",
        "Use the keyword in one of the subheadings (H2–H6).",
    ),
    (
        "keywordInSubheadings.missingInput",
        "Tulis isi artikel dengan subjudul dan kata kunci dulu.",
        "Write the body with subheadings and set a keyword first.",
    ),
    (
        "keywordInImageAlt.pass",
        "Kata kunci utama ada di teks alt gambar.",
        "The focus keyword is in an image's alt text.",
    ),
    (
        "keywordInImageAlt.gallery",
        "Artikel memuat galeri; Rank Math menganggap galeri memuat kata kunci.",
        "The article has a gallery; Rank Math assumes it carries the keyword.",
    ),
    (
        "keywordInImageAlt.fail",
        "Tambahkan gambar yang teks alt-nya memuat kata kunci utama.",
        "Add an image whose alt text contains the focus keyword.",
    ),
    (
        "keywordInImageAlt.missingInput",
        "Tambahkan gambar dengan teks alt yang memuat kata kunci utama.",
        "Add an image with alt text that contains the focus keyword.",
    ),
    (
        "keywordDensity.low",
        "Kepadatan kata kunci {density}% ({count} kali), terlalu rendah; pakai lebih sering.",
        "Keyword density is {density}% ({count} times), which is low; use it more often.",
    ),
    (
        "keywordDensity.fair",
        "Kepadatan kata kunci {density}% ({count} kali); sedikit lagi.",
        "Keyword density is {density}% ({count} times); a little more would help.",
    ),
    (
        "keywordDensity.good",
        "Kepadatan kata kunci {density}% ({count} kali), cukup baik.",
        "Keyword density is {density}% ({count} times), which is good.",
    ),
    (
        "keywordDensity.best",
        "Kepadatan kata kunci {density}% ({count} kali). Pas.",
        "Keyword density is {density}% ({count} times). Just right.",
    ),
    (
        "keywordDensity.high",
        "Kepadatan kata kunci {density}% ({count} kali), terlalu tinggi; kurangi pengulangan.",
        "Keyword density is {density}% ({count} times), which is high; repeat it less.",
    ),
    (
        "keywordDensity.missingInput",
        "Tulis isi artikel dan kata kunci dulu.",
        "Write the body and set a keyword first.",
    ),
    (
        "lengthPermalink.pass",
        "URL {length} karakter. Ringkas.",
        "The URL is {length} characters long. Nicely short.",
    ),
    (
        "lengthPermalink.fail",
        "URL {length} karakter; persingkat slug hingga maksimal 75 karakter.",
        "The URL is {length} characters long; shorten the slug to 75 characters at most.",
    ),
    (
        "lengthPermalink.missingInput",
        "Artikel belum punya URL.",
        "The article has no URL yet.",
    ),
    (
        "linksHasExternals.pass",
        "Artikel menautkan sumber luar.",
        "The article links to outside sources.",
    ),
    (
        "linksHasExternals.fail",
        "Tautkan minimal satu sumber luar yang tepercaya.",
        "Link at least one trustworthy outside source.",
    ),
    (
        "linksHasExternals.missingInput",
        "Tulis isi artikel dulu.",
        "Write the body first.",
    ),
    (
        "linksNotAllExternals.pass",
        "Ada tautan luar yang tidak nofollow.",
        "At least one outside link is followed.",
    ),
    (
        "linksNotAllExternals.fail",
        "Semua {count} tautan luar nofollow (atau belum ada); biarkan minimal satu tanpa nofollow.",
        "All {count} outside links are nofollow (or there are none); leave at least one followed.",
    ),
    (
        "linksNotAllExternals.missingInput",
        "Tulis isi artikel dulu.",
        "Write the body first.",
    ),
    (
        "linksHasInternal.pass",
        "Artikel menautkan halaman lain di situs ini.",
        "The article links to other pages of this site.",
    ),
    (
        "linksHasInternal.fail",
        "Tautkan minimal satu artikel lain di situs ini.",
        "Link at least one other article on this site.",
    ),
    (
        "linksHasInternal.missingInput",
        "Tulis isi artikel dulu.",
        "Write the body first.",
    ),
    (
        "hasContentAI.unavailable",
        "Content AI (layanan berbayar Rank Math) tidak dipakai; poin ini tidak bisa diraih.",
        "Content AI (Rank Math's paid service) is not used; these points cannot be earned.",
    ),
    (
        "titleStartWithKeyword.pass",
        "Judul SEO dibuka dengan kata kunci utama.",
        "The SEO title opens with the focus keyword.",
    ),
    (
        "titleStartWithKeyword.fail",
        "Pindahkan kata kunci utama ke paruh pertama judul SEO.",
        "Move the focus keyword into the first half of the SEO title.",
    ),
    (
        "titleStartWithKeyword.missingInput",
        "Isi judul SEO dan kata kunci utama dulu.",
        "Set an SEO title and a focus keyword first.",
    ),
    (
        "titleSentiment.pass",
        "Judul punya muatan rasa (positif atau negatif).",
        "The title carries a positive or negative sentiment.",
    ),
    (
        "titleSentiment.fail",
        "Judul terasa datar; pakai kata yang bermuatan rasa.",
        "The title feels flat; use a word with some sentiment.",
    ),
    (
        "titleSentiment.missingInput",
        "Tulis judul SEO dulu.",
        "Write an SEO title first.",
    ),
    (
        "titleSentiment.englishOnly",
        "Penilaian rasa judul hanya untuk bahasa Inggris.",
        "Title sentiment is only checked for English.",
    ),
    (
        "titleHasPowerWords.pass",
        "Judul memuat {count} kata bertenaga.",
        "The title contains {count} power word(s).",
    ),
    (
        "titleHasPowerWords.fail",
        "Tambahkan satu kata bertenaga ke judul (mis. rahasia, terbaru, resmi).",
        "Add a power word to the title (e.g. secret, latest, official).",
    ),
    (
        "titleHasPowerWords.missingInput",
        "Tulis judul SEO dulu.",
        "Write an SEO title first.",
    ),
    (
        "titleHasPowerWords.noList",
        "Belum ada daftar kata bertenaga untuk bahasa ini.",
        "There is no power-word list for this language.",
    ),
    (
        "titleHasNumber.pass",
        "Judul memuat angka.",
        "The title contains a number.",
    ),
    (
        "titleHasNumber.fail",
        "Judul dengan angka lebih sering diklik; tambahkan bila relevan.",
        "Titles with a number get more clicks; add one if it fits.",
    ),
    (
        "titleHasNumber.missingInput",
        "Tulis judul SEO dulu.",
        "Write an SEO title first.",
    ),
    (
        "contentHasTOC.pass",
        "Artikel memakai daftar isi.",
        "The article uses a table of contents.",
    ),
    (
        "contentHasTOC.fail",
        "Tambahkan blok daftar isi agar pembaca mudah melompat ke bagian.",
        "Add a table-of-contents block so readers can jump to sections.",
    ),
    (
        "contentHasTOC.missingInput",
        "Tulis isi artikel dulu.",
        "Write the body first.",
    ),
    (
        "contentHasShortParagraphs.pass",
        "Paragraf cukup pendek (terpanjang {longest} kata).",
        "Paragraphs are short (longest: {longest} words).",
    ),
    (
        "contentHasShortParagraphs.fail",
        "Ada paragraf {longest} kata; pecah menjadi paragraf di bawah 120 kata.",
        "A paragraph has {longest} words; split it into paragraphs under 120 words.",
    ),
    (
        "contentHasShortParagraphs.missingInput",
        "Tulis isi artikel dulu.",
        "Write the body first.",
    ),
    (
        "contentHasAssets.pass",
        "Artikel punya cukup gambar dan video ({images} gambar, {videos} video).",
        "The article has enough images and videos ({images} images, {videos} videos).",
    ),
    (
        "contentHasAssets.partial",
        "Artikel punya {images} gambar dan {videos} video; empat gambar memberi nilai penuh.",
        "The article has {images} images and {videos} videos; four images earn full points.",
    ),
    (
        "contentHasAssets.fail",
        "Tambahkan gambar atau video ke artikel.",
        "Add images or videos to the article.",
    ),
    (
        "contentHasAssets.missingInput",
        "Tulis isi artikel atau pasang gambar utama.",
        "Write the body or set a featured image.",
    ),
    (
        "input.keywordWithoutWords",
        "Kata kunci \u{201c}{keyword}\u{201d} tidak memuat kata dan diabaikan.",
        "The keyword \u{201c}{keyword}\u{201d} contains no words and is ignored.",
    ),
];

/// The text of a `rankmath.*` message, or `None` for another profile's key.
pub fn text(message: &Message, lang: Lang) -> Option<String> {
    let key = message.key.strip_prefix("rankmath.")?;
    let (_, id, en) = TEXTS.iter().find(|(k, _, _)| *k == key)?;
    Some(fill(if lang == Lang::En { en } else { id }, message))
}
