// The settings overlay: UI language, scoring profile and the newsroom's rules file, the site the
// SEO title and URL are built for, and the theme.
import { type RulesCheck, toBackendError } from "../lib/backend";
import { type I18n, LANGS, type Lang, type MessageKey, storedLang } from "../lib/i18n";
import { type DeskSettings, PROFILES, THEMES } from "../lib/settings";
import { AccountsSection } from "./accounts";
import { el, field } from "./dom";
import { Overlay } from "./overlay";

export interface SettingsEvents {
  settings(): DeskSettings;
  onChange(settings: DeskSettings): void;
  onLang(lang: Lang | undefined): void;
  /** Checks a rules file before it is kept (the backend's `check_rules_file`). */
  checkRules(path: string): Promise<RulesCheck>;
}

export class SettingsPanel {
  private readonly overlay: Overlay;
  private readonly labels: [HTMLLabelElement, MessageKey][] = [];
  readonly lang = el("select", { "data-testid": "language-select" });
  private readonly profile = el("select", { "data-testid": "settings-profile" });
  private readonly siteUrl = el("input", { type: "url", "data-testid": "settings-site-url" });
  private readonly siteName = el("input", { type: "text", "data-testid": "settings-site-name" });
  private readonly template = el("input", { type: "text", "data-testid": "settings-title-template" });
  private readonly templateHint = el("p", { class: "muted small" });
  private readonly theme = el("select", { "data-testid": "settings-theme" });
  private readonly rulesFile = el("input", { type: "text", "data-testid": "settings-rules-file", spellcheck: "false", autocomplete: "off" });
  private readonly rulesHint = el("p", { class: "muted small" });
  private readonly rulesStatus = el("p", { class: "small", role: "status", "data-testid": "rules-status" });
  private rulesSeq = 0;
  private readonly sections: { refresh(): unknown }[] = [];

  constructor(
    private readonly i18n: I18n,
    private readonly storage: Storage,
    private readonly events: SettingsEvents,
  ) {
    this.overlay = new Overlay("settings", () => i18n.t("close"));
    const row = (key: MessageKey, control: HTMLElement, ...extra: Node[]) => {
      const label = el("label");
      this.labels.push([label, key]);
      return field(label, control, ...extra);
    };
    this.overlay.body.append(
      row("language", this.lang),
      row("profile", this.profile),
      row("rulesFile", this.rulesFile, this.rulesHint, this.rulesStatus),
      row("siteUrl", this.siteUrl),
      row("siteName", this.siteName),
      row("titleTemplate", this.template, this.templateHint),
      row("theme", this.theme),
    );
    this.overlay.body.append(new AccountsSection(i18n, storage).root);
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
      check = await this.events.checkRules(path);
    } catch (error) {
      if (seq !== this.rulesSeq) return;
      const e = toBackendError(error);
      show(`${t.error(e.code, e.message)} ${t.t("rulesKept")}`, false);
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

  /** Mounts another section (the Data one) below these; it is refreshed whenever they open. */
  addSection(section: { root: HTMLElement; refresh(): unknown }): void {
    this.sections.push(section);
    this.overlay.body.append(section.root);
  }

  open(): void {
    this.fill();
    for (const section of this.sections) void section.refresh();
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
    this.lang.value = storedLang(this.storage) ?? "auto";
    this.profile.value = settings.profile;
    this.theme.value = settings.theme;
    this.siteUrl.value = settings.site.url;
    this.siteName.value = settings.site.name;
    this.template.value = settings.site.title_template;
    this.rulesFile.value = settings.rulesFile;
  }

  applyLanguage(): void {
    const t = this.i18n;
    this.overlay.title.textContent = t.t("settingsTitle");
    for (const [label, key] of this.labels) label.textContent = t.t(key);
    this.lang.replaceChildren(
      el("option", { value: "auto" }, t.t("languageAuto")),
      ...LANGS.map((lang) => el("option", { value: lang }, t.t(`langName_${lang}` as MessageKey))),
    );
    this.profile.replaceChildren(...PROFILES.map((p) => el("option", { value: p }, t.t(`profile_${p}` as MessageKey))));
    this.theme.replaceChildren(...THEMES.map((th) => el("option", { value: th }, t.t(`theme_${th}` as MessageKey))));
    this.templateHint.textContent = t.t("titleTemplateHint");
    this.rulesHint.textContent = t.t("rulesFileHint");
    this.rulesFile.placeholder = t.t("rulesFilePlaceholder");
    this.rulesStatus.textContent = "";
    this.fill();
  }
}
