// Words more than one view shows: workflow states, languages, profiles.
import type { Messages } from "../lib/i18n";

export const COMMON_STRINGS = {
  untitled: { id: "Tanpa judul", en: "Untitled" },
  langName_id: { id: "Bahasa Indonesia", en: "Indonesian" },
  langName_en: { id: "Bahasa Inggris", en: "English" },
  close: { id: "Tutup", en: "Close" },
  profile: { id: "Profil penilaian", en: "Scoring profile" },
  profile_rankmath: { id: "Rank Math", en: "Rank Math" },
  profile_newsroom: { id: "Redaksi (newsroom)", en: "Newsroom" },
  wf_draft: { id: "Draf", en: "Draft" },
  wf_in_review: { id: "Ditinjau", en: "In review" },
  wf_ready: { id: "Siap", en: "Ready" },
  wf_scheduled: { id: "Terjadwal", en: "Scheduled" },
  wf_published: { id: "Terbit", en: "Published" },
  cancel: { id: "Batal", en: "Cancel" },
  wordCount: { id: "{n} kata", en: { one: "{n} word", other: "{n} words" } },
  loadError: { id: "Gagal memuat", en: "Could not load" },
} as const satisfies Messages;
