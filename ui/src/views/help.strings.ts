// The keyboard shortcut list.
import type { Messages } from "../lib/i18n";

export const HELP_STRINGS = {
  kbNew: { id: "Artikel baru", en: "New article" },
  kbSave: { id: "Simpan sekarang", en: "Save now" },
  kbFind: { id: "Cari & ganti di teks", en: "Find & replace in the text" },
  kbSearch: { id: "Cari artikel (dasbor)", en: "Search articles (dashboard)" },
  kbPublish: { id: "Terbitkan", en: "Publish" },
  kbPanes: { id: "Fokus ke daftar / editor / panel", en: "Focus the list / editor / panel" },
  kbHelp: { id: "Tampilkan bantuan ini", en: "Show this help" },
  kbUndo: { id: "Urungkan / ulangi", en: "Undo / redo" },
  shortcuts: { id: "Pintasan keyboard", en: "Keyboard shortcuts" },
} as const satisfies Messages;
