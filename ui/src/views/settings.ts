// The settings overlay: UI language, scoring profile and the newsroom's rules file, the site the
// SEO title and URL are built for, and the theme.
import type { RulesCheck } from "../lib/backend";
import { type I18n, LANGS, type Lang, type MessageKey, storedLang, translated } from "../lib/i18n";
import { type DeskSettings, PROFILES, THEMES } from "../lib/settings";
import { type AccountsApi, AccountsSection } from "./accounts";
import { el, field } from "./dom";
import { Overlay } from "./overlay";

/** A section mounted below the settings (the Data one), refreshed whenever they open. */
export interface SettingsSection {
  root: HTMLElement;
  refresh(): unknown;
}

export interface SettingsDeps {
  api: AccountsApi & {
    /** Checks a rules file before it is kept (the backend's `check_rules_file`). */
    checkRulesFile(path: string): Promise<RulesCheck>;
  };
  storage: Storage;
  settings(): DeskSettings;
  onChange(settings: DeskSettings): void;
  onLang(lang: Lang | undefined): void;
  sections: SettingsSection[];
}

export class SettingsPanel {
  private readonly overlay: Overlay;
  readonly lang = el(
    "select",
    { "data-testid": "language-select" },
    el("option", { value: "auto", ...translated("languageAuto") }),
    ...LANGS.map((lang) => el("option", { value: lang, ...translated(`langName_${lang}`) })),
  );
  private readonly profile = el("select", { "data-testid": "settings-profile" }, ...PROFILES.map((p) => el("option", { value: p, ...translated(`profile_${p}`) })));
  private readonly siteUrl = el("input", { type: "url", "data-testid": "settings-site-url" });
  private readonly siteName = el("input", { type: "text", "data-testid": "settings-site-name" });
  private readonly template = el("input", { type: "text", "data-testid": "settings-title-template" });
  private readonly templateHint = el("p", { class: "muted small", ...translated("titleTemplateHint") });
  private readonly theme = el("select", { "data-testid": "settings-theme" }, ...THEMES.map((th) => el("option", { value: th, ...translated(`theme_${th}`) })));
  private readonly rulesFile = el("input", {
    type: "text",
    "data-testid": "settings-rules-file",
    spellcheck: "false",
    autocomplete: "off",
    ...translated(undefined, { placeholder: "rulesFilePlaceholder" }),
  });
  private readonly rulesHint = el("p", { class: "muted small", ...translated("rulesFileHint") });
  private readonly rulesStatus = el("p", { class: "small", role: "status", "data-testid": "rules-status" });
  private rulesSeq = 0;

  constructor(
    private readonly i18n: I18n,
    private readonly events: SettingsDeps,
  ) {
    this.overlay = new Overlay("settings", "settingsTitle");
    const row = (key: MessageKey, control: HTMLElement, ...extra: Node[]) => field(el("label", translated(key)), control, ...extra);
    this.overlay.body.append(
      row("language", this.lang),
      row("profile", this.profile),
      row("rulesFile", this.rulesFile, this.rulesHint, this.rulesStatus),
      row("siteUrl", this.siteUrl),
      row("siteName", this.siteName),
      row("titleTemplate", this.template, this.templateHint),
      row("theme", this.theme),
    );
    this.overlay.body.append(new AccountsSection(i18n, events.api, events.storage).root, ...events.sections.map((s) => s.root));
    // The rules file's verdict was in the language it was given in.
    i18n.onChange(() => (this.rulesStatus.textContent = ""));
    this.lang.addEventListener("change", () => events.onLang(LANGS.find((l) => l === this.lang.value)));
    for (const control of [this.profile, this.theme]) control.addEventListener("change", () => this.changed());
    for (const control of [this.siteUrl, this.siteName, this.template]) control.addEventListener("change", () => this.changed());
    this.rulesFile.addEventListener("change", () => void this.chooseRules());
  }

  /** Keeps a rules file only once the backend has checked it; a bad one names its line. */
  private async chooseRules(): Promise<void> {
    const t = this.i18n;
    const path = this.rulesFile.value.trim();
    const seq = ++this.rulesSeq;
    const show = (text: string, valid: boolean) => {
      this.rulesStatus.textContent = text;
      this.rulesStatus.dataset.valid = String(valid);
      this.rulesFile.setAttribute("aria-invalid", String(!valid));
    };
    if (!path) {
      this.changed("");
      show(t.t("rulesBuiltin"), true);
      return;
    }
    let check: RulesCheck;
    try {
      check = await this.events.api.checkRulesFile(path);
    } catch (error) {
      if (seq !== this.rulesSeq) return;
      show(`${t.failure(error)} ${t.t("rulesKept")}`, false);
      return;
    }
    if (seq !== this.rulesSeq) return;
    if (check.valid) {
      this.changed(path);
      show(t.t("rulesValid"), true);
      return;
    }
    const where =
      check.line !== null
        ? t.t("rulesInvalidAt", { line: check.line, column: check.column ?? 1, message: check.message })
        : t.t("rulesInvalid", { message: check.message });
    show(`${where} ${t.t("rulesKept")}`, false);
  }

  get root(): HTMLElement {
    return this.overlay.root;
  }

  open(): void {
    this.fill();
    for (const section of this.events.sections) void section.refresh();
    this.overlay.show();
  }

  private changed(rulesFile?: string): void {
    const current = this.events.settings();
    this.events.onChange({
      rulesFile: rulesFile ?? current.rulesFile,
      profile: PROFILES.find((p) => p === this.profile.value) ?? current.profile,
      theme: THEMES.find((t) => t === this.theme.value) ?? current.theme,
      site: { url: this.siteUrl.value.trim(), name: this.siteName.value.trim(), title_template: this.template.value },
    });
  }

  private fill(): void {
    const settings = this.events.settings();
    this.lang.value = storedLang(this.events.storage) ?? "auto";
    this.profile.value = settings.profile;
    this.theme.value = settings.theme;
    this.siteUrl.value = settings.site.url;
    this.siteName.value = settings.site.name;
    this.template.value = settings.site.title_template;
    this.rulesFile.value = settings.rulesFile;
  }
}
