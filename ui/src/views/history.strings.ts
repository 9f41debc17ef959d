// The version history.
import type { Messages } from "../lib/i18n";

export const HISTORY_STRINGS = {
  historyTitle: { id: "Riwayat versi", en: "Version history" },
  kind_snapshot: { id: "Cuplikan otomatis", en: "Automatic snapshot" },
  kind_save: { id: "Disimpan", en: "Saved" },
  kind_before_restore: { id: "Sebelum pemulihan", en: "Before restore" },
  kind_restore: { id: "Dipulihkan", en: "Restored" },
  kind_before_publish: { id: "Sebelum terbit", en: "Before publishing" },
  kind_named: { id: "Versi bernama", en: "Named version" },
  compare: { id: "Bandingkan dengan versi sekarang", en: "Compare with the current version" },
  restore: { id: "Pulihkan versi ini", en: "Restore this version" },
  confirmRestore: {
    id: "Pulihkan versi ini? Teks sekarang tetap disimpan di riwayat.",
    en: "Restore this version? The current text stays in the history.",
  },
  confirm: { id: "Ya, pulihkan", en: "Yes, restore" },
  nameVersion: { id: "Beri nama versi ini", en: "Name this version" },
  versionName: { id: "Nama versi", en: "Version name" },
  saveName: { id: "Simpan nama", en: "Save name" },
  noRevisions: { id: "Belum ada riwayat.", en: "No history yet." },
  metaChanged: { id: "Metadata juga berubah.", en: "Metadata changed too." },
  restored: { id: "Versi dipulihkan.", en: "Version restored." },
  restoredFrom: { id: "Dipulihkan dari revisi {n}", en: "Restored from revision {n}" },
} as const satisfies Messages;
