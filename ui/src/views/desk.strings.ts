// The editor's desk: title, editor, tools, preview, counts, save state, score badge.
import type { Messages } from "../lib/i18n";

export const DESK_STRINGS = {
  noSelection: {
    id: "Pilih artikel di kiri atau buat artikel baru.",
    en: "Pick an article on the left or create a new one.",
  },
  titleLabel: { id: "Judul", en: "Title" },
  titlePlaceholder: { id: "Judul artikel", en: "Article title" },
  editorLabel: { id: "Isi artikel (Markdown)", en: "Article body (Markdown)" },
  bodyPlaceholder: { id: "Tulis beritanya di sini…", en: "Write the story here…" },
  deleteArticle: { id: "Hapus", en: "Delete" },
  confirmDelete: {
    id: "Hapus artikel ini? Tindakan ini tidak bisa dibatalkan.",
    en: "Delete this article? This cannot be undone.",
  },
  saved: { id: "Tersimpan", en: "Saved" },
  dirty: { id: "Belum disimpan", en: "Unsaved changes" },
  saving: { id: "Menyimpan…", en: "Saving…" },
  saveError: { id: "Gagal menyimpan", en: "Save failed" },
  undo: { id: "Urungkan", en: "Undo" },
  redo: { id: "Ulangi", en: "Redo" },
  find: { id: "Cari & ganti", en: "Find & replace" },
  focusMode: { id: "Mode fokus", en: "Focus mode" },
  preview: { id: "Pratinjau", en: "Preview" },
  previewLabel: { id: "Pratinjau artikel", en: "Article preview" },
  history: { id: "Riwayat", en: "History" },
  tabSeo: { id: "SEO", en: "SEO" },
  sidePanel: { id: "SEO / Metadata", en: "SEO / Metadata" },
  tabMeta: { id: "Metadata", en: "Metadata" },
  scoreLabel: { id: "Skor SEO", en: "SEO score" },
  scoreError: { id: "Penilaian gagal", en: "Scoring failed" },
  readingTime: { id: "{n} menit baca", en: "{n} min read" },
  closeBlocked: {
    id: "Jendela tidak ditutup karena teks belum tersimpan. Tutup sekali lagi untuk tetap keluar.",
    en: "The window stayed open because the text is not saved. Close again to quit anyway.",
  },
} as const satisfies Messages;
