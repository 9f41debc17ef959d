// UI text in Indonesian and English. The OS locale picks the language unless the reporter chose
// one in the settings; every string lives in this table so a screen never mixes languages.

export type Lang = "id" | "en";

export const LANGS: readonly Lang[] = ["id", "en"];

const STRINGS = {
  appName: { id: "Redaksi", en: "Redaksi" },
  articles: { id: "Artikel", en: "Articles" },
  newArticle: { id: "Artikel baru", en: "New article" },
  untitled: { id: "Tanpa judul", en: "Untitled" },
  emptyList: { id: "Belum ada artikel.", en: "No articles yet." },
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
  loadError: { id: "Gagal memuat", en: "Could not load" },
  closeBlocked: {
    id: "Jendela tidak ditutup karena teks belum tersimpan. Tutup sekali lagi untuk tetap keluar.",
    en: "The window stayed open because the text is not saved. Close again to quit anyway.",
  },
  language: { id: "Bahasa", en: "Language" },
  languageAuto: { id: "Ikuti sistem", en: "Follow the system" },
  langName_id: { id: "Bahasa Indonesia", en: "Indonesian" },
  langName_en: { id: "Bahasa Inggris", en: "English" },
  settings: { id: "Pengaturan", en: "Settings" },
  close: { id: "Tutup", en: "Close" },
  theme: { id: "Tema", en: "Theme" },
  themeSystem: { id: "Ikuti sistem", en: "Follow the system" },
  themeLight: { id: "Terang", en: "Light" },
  themeDark: { id: "Gelap", en: "Dark" },
  preview: { id: "Pratinjau", en: "Preview" },
  showPreview: { id: "Tampilkan pratinjau", en: "Show preview" },
  hidePreview: { id: "Sembunyikan pratinjau", en: "Hide preview" },
  words: { id: "kata", en: "words" },
  characters: { id: "karakter", en: "characters" },
  minutesRead: { id: "menit baca", en: "min read" },
  shortcuts: { id: "Pintasan papan ketik", en: "Keyboard shortcuts" },
  shortcutNew: { id: "Artikel baru", en: "New article" },
  shortcutSave: { id: "Simpan sekarang", en: "Save now" },
  shortcutFind: { id: "Cari dan ganti di teks", en: "Find and replace in the text" },
  shortcutFocusList: { id: "Fokus ke daftar artikel", en: "Focus the article list" },
  shortcutFocusEditor: { id: "Fokus ke editor", en: "Focus the editor" },
  shortcutFocusPreview: { id: "Fokus ke pratinjau", en: "Focus the preview" },
  shortcutTogglePreview: { id: "Tampilkan/sembunyikan pratinjau", en: "Show or hide the preview" },
  shortcutHelp: { id: "Daftar pintasan ini", en: "This list of shortcuts" },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof STRINGS;

/** Error codes from the backend, in words a reporter understands. */
const ERROR_CODES: Record<string, Record<Lang, string>> = {
  not_found: { id: "Artikel tidak ditemukan.", en: "The article was not found." },
  newer_database: {
    id: "Basis data dibuat oleh Redaksi versi yang lebih baru; perbarui Redaksi.",
    en: "The database was written by a newer version of Redaksi; update Redaksi.",
  },
  corrupt: {
    id: "Basis data rusak; pulihkan dari cadangan.",
    en: "The database is damaged; restore a backup.",
  },
  disk_full: { id: "Disk penuh; teks belum tersimpan.", en: "The disk is full; the text is not saved." },
  busy: {
    id: "Basis data sedang dipakai proses lain; coba lagi.",
    en: "The database is busy in another process; try again.",
  },
  io: { id: "Gagal membaca atau menulis berkas.", en: "A file could not be read or written." },
  store_closed: { id: "Penyimpanan berhenti bekerja.", en: "The draft store stopped working." },
};

const SETTING_KEY = "redaksi.lang";

/** The language the OS asks for, when it is one we speak; English otherwise. */
export function detectLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    // "in" is the old ISO 639 code for Indonesian that some systems still report.
    if (primary === "id" || primary === "in") return "id";
    if (primary === "en") return "en";
  }
  return "en";
}

/** The reporter's explicit choice, or undefined to follow the OS. */
export function storedLang(storage: Storage): Lang | undefined {
  const value = storage.getItem(SETTING_KEY);
  return value === "id" || value === "en" ? value : undefined;
}

export function storeLang(storage: Storage, lang: Lang | undefined): void {
  if (lang) storage.setItem(SETTING_KEY, lang);
  else storage.removeItem(SETTING_KEY);
}

export class I18n {
  constructor(public lang: Lang) {}

  t(key: MessageKey): string {
    return STRINGS[key][this.lang];
  }

  /** A backend error as one line: the explanation for its code, then the detail. */
  error(code: string, message: string): string {
    const known = ERROR_CODES[code]?.[this.lang];
    return known ? `${known} (${message})` : message;
  }
}
