// Preferences of this desk that are not part of any article: the scoring profile, the site the
// SEO title and URL are built for, and the theme. They live in the webview's local storage,
// like the UI language; nothing secret is kept here (CMS passwords go to the OS keyring).
import type { Site } from "./backend";

export type Theme = "system" | "light" | "dark";
export type ProfileName = "rankmath" | "newsroom";
export const PROFILES: readonly ProfileName[] = ["newsroom", "rankmath"];
export const THEMES: readonly Theme[] = ["system", "light", "dark"];

export interface DeskSettings {
  profile: ProfileName;
  site: Site;
  theme: Theme;
  /** A newsroom rules file for the newsroom profile; empty for the shipped rules. */
  rulesFile: string;
}

const KEY = "redaksi.desk";

export const DEFAULTS: DeskSettings = {
  profile: "newsroom",
  site: { url: "https://example.com", name: "Redaksi", title_template: "%title% - %sitename%" },
  theme: "system",
  rulesFile: "",
};

/** The stored settings; anything missing or malformed falls back to its default. */
export function loadSettings(storage: Storage): DeskSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(KEY) ?? "{}");
  } catch {
    raw = {};
  }
  const value = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<DeskSettings>;
  const site = (typeof value.site === "object" && value.site !== null ? value.site : {}) as Partial<Site>;
  const text = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback);
  return {
    profile: PROFILES.find((p) => p === value.profile) ?? DEFAULTS.profile,
    theme: THEMES.find((t) => t === value.theme) ?? DEFAULTS.theme,
    rulesFile: text(value.rulesFile, DEFAULTS.rulesFile),
    site: {
      url: text(site.url, DEFAULTS.site.url),
      name: text(site.name, DEFAULTS.site.name),
      title_template: text(site.title_template, DEFAULTS.site.title_template),
    },
  };
}

export function saveSettings(storage: Storage, settings: DeskSettings): void {
  storage.setItem(KEY, JSON.stringify(settings));
}

/** The OS's dark-mode query, where the webview has one (jsdom has none). */
function darkQuery(): MediaQueryList | undefined {
  return typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : undefined;
}

/**
 * Applies the theme to the document: `data-theme` keeps the choice (absent for `system`) and
 * `data-scheme` the palette in use, the only attribute styles.css reads, so the dark palette
 * is written once.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement, osDark = darkQuery()?.matches ?? false): void {
  if (theme === "system") delete root.dataset.theme;
  else root.dataset.theme = theme;
  root.dataset.scheme = theme === "dark" || (theme === "system" && osDark) ? "dark" : "light";
}

/** Calls `onChange` when the OS switches between light and dark; returns the unsubscribe. */
export function watchOsTheme(onChange: () => void): () => void {
  const query = darkQuery();
  if (!query) return () => undefined;
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
