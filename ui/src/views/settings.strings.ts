// The settings overlay.
import type { Messages } from "../lib/i18n";

export const SETTINGS_STRINGS = {
  language: { id: "Bahasa", en: "Language" },
  languageAuto: { id: "Ikuti sistem", en: "Follow the system" },
  settingsTitle: { id: "Pengaturan", en: "Settings" },
  siteUrl: { id: "URL situs", en: "Site URL" },
  siteName: { id: "Nama situs", en: "Site name" },
  titleTemplate: { id: "Templat judul SEO", en: "SEO title template" },
  titleTemplateHint: { id: "WordPress: %title% - %sitename%", en: "WordPress: %title% - %sitename%" },
  theme: { id: "Tema", en: "Theme" },
  theme_system: { id: "Ikuti sistem", en: "Follow the system" },
  theme_light: { id: "Terang", en: "Light" },
  theme_dark: { id: "Gelap", en: "Dark" },
  rulesFile: { id: "Berkas aturan penilaian (profil Redaksi)", en: "Scoring rules file (newsroom profile)" },
  rulesFilePlaceholder: { id: "Kosong: aturan bawaan", en: "Empty: the built-in rules" },
  rulesFileHint: {
    id: "Path lengkap ke berkas JSON aturan redaksi; diperiksa sebelum dipakai.",
    en: "Full path of the newsroom's JSON rules file; checked before it is used.",
  },
  rulesValid: { id: "Aturan valid; penilaian memakai berkas ini.", en: "The rules are valid; scoring uses this file." },
  rulesBuiltin: { id: "Penilaian memakai aturan bawaan.", en: "Scoring uses the built-in rules." },
  rulesInvalidAt: {
    id: "Berkas aturan tidak valid di baris {line}, kolom {column}: {message}",
    en: "The rules file is not valid at line {line}, column {column}: {message}",
  },
  rulesInvalid: { id: "Berkas aturan tidak valid: {message}", en: "The rules file is not valid: {message}" },
  rulesKept: { id: "Aturan sebelumnya tetap dipakai.", en: "The previous rules stay in use." },
} as const satisfies Messages;
