// UI text in Indonesian and English. The OS locale picks the language unless the reporter chose
// one in the settings. Each view keeps its strings next to it (views/*.strings.ts, merged in
// strings.ts); elements name their text with `data-i18n` attributes, and one `translate(root)`
// pass relabels the whole window when the language changes, so a screen never mixes languages.
import { STRINGS } from "../strings";
import { toBackendError } from "./backend";
import type { Code } from "./bindings/Code";

export type Lang = "id" | "en";

export const LANGS: readonly Lang[] = ["id", "en"];

/** A text, or its plural forms (chosen by the `n` argument through `Intl.PluralRules`). */
export type Text = string | ({ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>);

/** A view's strings: each key in both languages. */
export type Messages = Record<string, Record<Lang, Text>>;

export type MessageKey = keyof typeof STRINGS;

/**
 * Error codes from the backend, in words a reporter understands. Keyed by the Rust `Code` enum
 * (lib/bindings/Code.ts): a code without Indonesian and English text fails type checking and
 * lib/bindings/codes.test.ts. Extra keys are codes the outbox records (`invalid`, `needs_auth`).
 */
export const ERROR_CODES: Record<Code | OutboxCode, Record<Lang, string>> = {
  workflow: {
    id: "Perubahan status ini tidak sesuai alur kerja.",
    en: "The workflow does not allow this status change.",
  },
  unknown_profile: { id: "Profil penilaian ini tidak dikenal.", en: "This scoring profile is not known." },
  invalid_input: { id: "Isian tidak valid.", en: "The input is not valid." },
  invalid_data: {
    id: "Data tersimpan tidak bisa dibaca.",
    en: "Stored data could not be read.",
  },
  database: { id: "Basis data gagal bekerja.", en: "The database failed." },
  internal: {
    id: "Terjadi kesalahan di Redaksi; coba lagi.",
    en: "Something went wrong inside Redaksi; try again.",
  },
  not_found: { id: "Artikel tidak ditemukan.", en: "The article was not found." },
  stale: {
    id: "Artikel ini diubah di tempat lain; teks Anda tidak menimpanya. Buka lagi artikelnya.",
    en: "This article changed elsewhere; your text did not overwrite it. Open the article again.",
  },
  already_open: {
    id: "Redaksi sudah terbuka pada folder data ini; pakai jendela itu.",
    en: "Redaksi is already open on this data folder; use that window.",
  },
  revision_not_found: { id: "Versi ini tidak ditemukan.", en: "This version was not found." },
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
  database_in_use: {
    id: "Redaksi lain (aplikasi atau perintah) sedang membuka basis data; tutup dulu lalu coba lagi. Tidak ada yang diubah.",
    en: "Another Redaksi (the app or a command) has the database open; close it and try again. Nothing was changed.",
  },
  io: { id: "Gagal membaca atau menulis berkas.", en: "A file could not be read or written." },
  store_closed: { id: "Penyimpanan berhenti bekerja.", en: "The draft store stopped working." },

  // --- Publishing errors (outboxui): crates/publish PublishError::code ---
  network: { id: "CMS tidak terjangkau; dicoba lagi otomatis.", en: "The CMS cannot be reached; it is retried automatically." },
  conflict: { id: "Tulisan diubah di CMS; tidak ada yang ditimpa.", en: "The post changed in the CMS; nothing was overwritten." },
  too_long: { id: "Ada isian yang terlalu panjang untuk CMS ini.", en: "A field is too long for this CMS." },
  invalid: { id: "Permintaan terbit tidak valid.", en: "The publish request is not valid." },
  image: { id: "Gambar tidak bisa dibaca atau diunggah.", en: "An image could not be read or uploaded." },
  no_credentials: {
    id: "Rahasia akun tidak ada di keyring; simpan akun lagi di Pengaturan.",
    en: "The account's secret is not in the keyring; save the account again in Settings.",
  },
  keyring: { id: "Keyring sistem operasi tidak bisa dipakai.", en: "The operating system's keyring is not available." },
  needs_auth: {
    id: "CMS menolak akun ini; periksa pengguna dan kata sandi aplikasi di Pengaturan.",
    en: "The CMS refused this account; check the user and application password in Settings.",
  },
  needs_confirmation: {
    id: "Waktu jadwal lewat saat menunggu; WordPress akan langsung menerbitkannya. Konfirmasi dulu.",
    en: "The scheduled time passed while waiting; WordPress would publish at once. Confirm first.",
  },
  remote: { id: "CMS menolak tulisan ini.", en: "The CMS refused the post." },
  // --- end of publishing errors ---
  // --- Data (store helper) ---
  malformed_file: { id: "Berkas Markdown tidak valid.", en: "The Markdown file is not valid." },
  file_too_large: { id: "Berkas terlalu besar.", en: "The file is too large." },
  not_a_file: { id: "Itu bukan berkas biasa.", en: "That is not a regular file." },
  watch_failed: { id: "Folder tidak bisa dipantau.", en: "The folder cannot be watched." },
  rules_invalid: {
    id: "Berkas aturan penilaian tidak valid; perbaiki atau kosongkan di Pengaturan.",
    en: "The scoring rules file is not valid; fix it or clear it in the Settings.",
  },
  // --- Moving the data folder (datadir helper): crates/store MoveRefusal, src-tauri/data_folder.rs ---
  target_not_absolute: {
    id: "Tulis jalur lengkap folder baru (mis. /home/nama/redaksi).",
    en: "Give the new folder's full path (e.g. /home/name/redaksi).",
  },
  target_inside_data_dir: {
    id: "Folder baru tidak boleh berada di dalam folder data sekarang.",
    en: "The new folder cannot be inside the current data folder.",
  },
  target_not_empty: {
    id: "Folder itu sudah berisi; pilih folder kosong atau yang belum ada.",
    en: "That folder already holds files; choose an empty or new folder.",
  },
  data_dir_from_env: {
    id: "Folder data ditentukan oleh REDAKSI_DATA_DIR; ubah variabel itu.",
    en: "REDAKSI_DATA_DIR chooses the data folder; change that variable instead.",
  },
  data_moved: { id: "Folder data sudah dipindah; mulai ulang Redaksi.", en: "The data folder has moved; restart Redaksi." },
  // --- end of moving the data folder ---
};

/** Codes the outbox worker records in a row's report (crates/publish), beside the `Code`s. */
type OutboxCode = "invalid" | "needs_auth" | "needs_confirmation";

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
  private readonly listeners = new Set<() => void>();
  private plurals: Intl.PluralRules;

  constructor(private current: Lang) {
    this.plurals = new Intl.PluralRules(current);
  }

  get lang(): Lang {
    return this.current;
  }

  /** The locale for dates: Indonesian, or British English (day before month, 24 hours). */
  get locale(): string {
    return this.current === "id" ? "id-ID" : "en-GB";
  }

  /** Switches the language and tells every listener (the window's `translate`, the views' lists). */
  setLang(lang: Lang): void {
    if (lang === this.current) return;
    this.current = lang;
    this.plurals = new Intl.PluralRules(lang);
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after each language change; returns the way to stop. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The text for `key`, with each `{name}` replaced by `args[name]`; plural forms follow `args.n`. */
  t(key: MessageKey, args: Record<string, string | number> = {}): string {
    const text: Text | undefined = (STRINGS as Messages)[key]?.[this.current];
    if (text === undefined) throw new Error(`no UI text for "${key}"`);
    const chosen = typeof text === "string" ? text : (text[this.plurals.select(Number(args.n))] ?? text.other);
    return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
  }

  /** For keys built from data (`group_${id}`): the text, or `fallback` for an unknown key. */
  maybe(key: string, fallback: string): string {
    return key in STRINGS ? this.t(key as MessageKey) : fallback;
  }

  /** A backend error as one line: the explanation for its code, then the detail. */
  error(code: string, message: string): string {
    const known = (ERROR_CODES as Record<string, Record<Lang, string> | undefined>)[code]?.[this.current];
    return known ? `${known} (${message})` : message;
  }

  /** Anything a backend call threw, as one line for the user. */
  failure(error: unknown): string {
    const e = toBackendError(error);
    return this.error(e.code, e.message);
  }
}

/** The attributes `translate` fills besides the text: `data-i18n-<name>="key"`. */
const TRANSLATED_ATTRIBUTES = ["placeholder", "title", "aria-label", "label"] as const;
type TranslatedAttribute = (typeof TRANSLATED_ATTRIBUTES)[number];

/** The `data-i18n` attributes for `el()`: the element's text and attributes by message key. */
export function translated(
  text: MessageKey | undefined,
  attributes: Partial<Record<TranslatedAttribute, MessageKey>> = {},
): Record<string, string> {
  const marks: Record<string, string> = text ? { "data-i18n": text } : {};
  for (const [name, key] of Object.entries(attributes)) marks[`data-i18n-${name}`] = key;
  return marks;
}

/** Labels every marked element under `root` in the current language. */
export function translate(root: ParentNode, i18n: I18n): void {
  for (const node of root.querySelectorAll<HTMLElement>("[data-i18n]")) {
    node.textContent = i18n.t(node.dataset.i18n as MessageKey);
  }
  for (const name of TRANSLATED_ATTRIBUTES) {
    for (const node of root.querySelectorAll(`[data-i18n-${name}]`)) {
      node.setAttribute(name, i18n.t(node.getAttribute(`data-i18n-${name}`) as MessageKey));
    }
  }
}
