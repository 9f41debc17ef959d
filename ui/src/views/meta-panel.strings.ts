// The metadata panel and its SERP preview.
import type { Messages } from "../lib/i18n";

export const META_PANEL_STRINGS = {
  seoTitle: { id: "Judul SEO", en: "SEO title" },
  slug: { id: "Slug", en: "Slug" },
  slugFromTitle: { id: "Buat dari judul", en: "From the title" },
  description: { id: "Deskripsi meta", en: "Meta description" },
  chars: { id: "{n} karakter", en: { one: "{n} character", other: "{n} characters" } },
  pixels: { id: "{n} / {max} piksel", en: "{n} / {max} pixels" },
  articleLang: { id: "Bahasa artikel", en: "Article language" },
  byline: { id: "Penulis", en: "Byline" },
  dateline: { id: "Dateline", en: "Dateline" },
  category: { id: "Kategori", en: "Category" },
  tags: { id: "Tag (pisahkan dengan koma)", en: "Tags (comma-separated)" },
  featuredImage: { id: "Gambar utama (URL)", en: "Featured image (URL)" },
  featuredAlt: { id: "Teks alternatif gambar", en: "Image alt text" },
  status: { id: "Status", en: "Status" },
  embargo: { id: "Embargo sampai", en: "Embargo until" },
  publishAt: { id: "Terbit pada", en: "Publish at" },
  editorNote: { id: "Catatan redaktur (tidak diekspor)", en: "Editor's note (never exported)" },
  serp: { id: "Pratinjau hasil pencarian", en: "Search result preview" },
  serpDesktop: { id: "Desktop", en: "Desktop" },
  serpMobile: { id: "Ponsel", en: "Mobile" },
} as const satisfies Messages;
