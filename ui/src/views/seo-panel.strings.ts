// The SEO panel: check groups, statuses, points, mutes.
import type { Messages } from "../lib/i18n";

export const SEO_PANEL_STRINGS = {
  secondaryScores: { id: "Skor kata kunci sekunder", en: "Secondary keyword scores" },
  group_basic_seo: { id: "SEO Dasar", en: "Basic SEO" },
  group_additional: { id: "Tambahan", en: "Additional" },
  group_title_readability: { id: "Keterbacaan Judul", en: "Title Readability" },
  group_content_readability: { id: "Keterbacaan Konten", en: "Content Readability" },
  group_language: { id: "Bahasa", en: "Language" },
  group_news: { id: "Berita", en: "News" },
  status_pass: { id: "Lulus", en: "Pass" },
  status_warning: { id: "Peringatan", en: "Warning" },
  status_fail: { id: "Gagal", en: "Fail" },
  status_not_applicable: { id: "Tidak berlaku", en: "Not applicable" },
  status_muted: { id: "Dibisukan", en: "Muted" },
  points: { id: "{p}/{max} poin", en: "{p}/{max} points" },
  noChecks: { id: "Belum ada pemeriksaan untuk ditampilkan.", en: "No checks to show yet." },
  mute: { id: "Bisukan", en: "Mute" },
  unmute: { id: "Aktifkan lagi", en: "Unmute" },
  muteReason: { id: "Alasan membisukan", en: "Reason for muting" },
  muteConfirm: { id: "Bisukan pemeriksaan", en: "Mute check" },
  mutedBecause: { id: "Dibisukan: {reason}", en: "Muted: {reason}" },
  pointsNotApplicable: { id: "tidak berlaku", en: "does not apply" },
  pointsMuted: { id: "tidak dihitung", en: "not counted" },
} as const satisfies Messages;
