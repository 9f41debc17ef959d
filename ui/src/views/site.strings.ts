// The Site view: a WordPress site's audit and the write-back of Rank Math scores.
import type { Messages } from "../lib/i18n";

export const SITE_STRINGS = {
  siteOpen: { id: "Situs", en: "Site" },
  siteTitle: { id: "Audit situs", en: "Site audit" },
  siteHint: {
    id: "Menilai setiap tulisan terbit di situs WordPress dengan kedua profil, seperti meja redaksi menilai artikel.",
    en: "Scores every published post of a WordPress site with both profiles, as the desk scores an article.",
  },
  siteTarget: { id: "Situs", en: "Site" },
  siteNoTargets: { id: "Belum ada akun WordPress. Tambahkan di Pengaturan.", en: "No WordPress account yet. Add one in Settings." },
  siteRun: { id: "Audit sekarang", en: "Audit now" },
  siteFull: { id: "Baca ulang semua tulisan", en: "Read every post again" },
  siteRunning: { id: "Mengaudit… {n} tulisan dibaca", en: "Auditing… {n} posts read" },
  siteNever: { id: "Situs ini belum pernah diaudit.", en: "This site has not been audited yet." },
  siteSummary: {
    id: { one: "{n} tulisan ({read} dibaca kali ini)", other: "{n} tulisan ({read} dibaca kali ini)" },
    en: { one: "{n} post ({read} read in this run)", other: "{n} posts ({read} read in this run)" },
  },
  siteBands: { id: "Sebaran skor Rank Math", en: "Rank Math scores by band" },
  siteBandGood: { id: "Baik", en: "Good" },
  siteBandOk: { id: "Cukup", en: "OK" },
  siteBandBad: { id: "Buruk", en: "Bad" },
  siteWorst: { id: "Skor terendah dulu", en: "Worst first" },
  siteNoKeyword: { id: "Tanpa kata kunci fokus ({n})", en: "No focus keyword ({n})" },
  siteStale: { id: "Skor tersimpan berbeda ({n})", en: "Stored score differs ({n})" },
  siteStaleRow: { id: "tersimpan {stored}, sekarang {now}", en: "stored {stored}, now {now}" },
  siteNone: { id: "tidak ada", en: "none" },
  siteNotComparable: {
    id: "{n} tulisan tidak dibandingkan: situs tidak membuka kata kunci fokusnya.",
    en: "{n} posts not compared: the site does not expose their focus keywords.",
  },
  siteChecks: { id: "Pemeriksaan yang paling sering gagal", en: "Checks failed most often" },
  siteEmpty: { id: "Tidak ada.", en: "None." },
  siteWriteBack: { id: "Simpan skor baru ke situs", en: "Store the new scores on the site" },
  siteConfirmWriteBack: {
    id: { one: "Skor Rank Math {n} tulisan akan diubah di situs. Lanjutkan?", other: "Skor Rank Math {n} tulisan akan diubah di situs. Lanjutkan?" },
    en: { one: "The Rank Math score of {n} post will change on the site. Go on?", other: "The Rank Math scores of {n} posts will change on the site. Go on?" },
  },
  siteWriteBackYes: { id: "Ya, simpan", en: "Yes, store them" },
  siteWriteBackNo: { id: "Batal", en: "Cancel" },
  siteWritten: {
    id: "{n} skor disimpan; {skipped} tulisan dilewati karena diubah di WordPress sejak diaudit.",
    en: "{n} scores stored; {skipped} posts skipped because they changed in WordPress since the audit.",
  },
} as const satisfies Messages;
