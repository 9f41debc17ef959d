// The editor's desk: the article list on the left; the title, the Markdown editor, the live
// preview and the SEO and metadata panels in the middle and right; the editors' dashboard,
// history, settings and the shortcut help on top. Plain DOM; every backend call goes through
// lib/backend.ts.
import { Autosaver, type SaveState } from "./lib/autosave";
import * as backend from "./lib/backend";
import type { Article, ArticleSummary, CheckView, ReportView } from "./lib/backend";
import { countText } from "./lib/counts";
import { createEditor, type MarkdownEditor } from "./lib/editor";
import { I18n, type Lang, type MessageKey, detectLang, storeLang, storedLang } from "./lib/i18n";
import { bytesToUtf16 } from "./lib/offsets";
import { LiveScorer } from "./lib/scorer";
import { displayedTitle } from "./lib/serp";
import { type DeskSettings, type ProfileName, applyTheme, loadSettings, saveSettings, watchOsTheme } from "./lib/settings";
import { Dashboard } from "./views/dashboard";
import { HelpOverlay } from "./views/help";
import { HistoryPanel } from "./views/history";
import { KeywordEditor } from "./views/keywords";
import { MetaPanel } from "./views/meta-panel";
import { Publishing } from "./views/publishing";
import { SeoPanel, badgeOf } from "./views/seo-panel";
import { SettingsPanel } from "./views/settings";
import { DataViews } from "./views/data";
import { InsertImage } from "./views/insert-image";

/** Where the preview's shown/hidden choice is kept. */
const PREVIEW_KEY = "redaksi.preview";

/** How many of the most recently updated articles the sidebar lists. */
const SIDEBAR_LIMIT = 200;

export interface AppOptions {
  /** Milliseconds of quiet before an autosave; about a second keeps saves cheap and timely. */
  autosaveDelayMs?: number;
  /** Milliseconds of quiet before the preview pane is rendered again. */
  previewDelayMs?: number;
  storage?: Storage;
  osLanguages?: readonly string[];
  /** Loads the UI again after a backup replaced the database (tests pass their own). */
  reload?: () => void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export class App {
  private readonly i18n: I18n;
  private readonly storage: Storage;
  private readonly osLanguages: readonly string[];
  private readonly autosaver: Autosaver;
  private readonly editor: MarkdownEditor;

  private articles: ArticleSummary[] = [];
  private current: Article | undefined;
  private lastError: backend.BackendError | undefined;
  private closeWarned = false;

  // Elements that change after start-up.
  private readonly heading = el("h1", { class: "brand" });
  private readonly newButton = el("button", { type: "button", "data-testid": "new-article", class: "primary" });
  private readonly list = el("ul", { "data-testid": "article-list", class: "article-list" });
  private readonly emptyList = el("p", { class: "muted empty" });
  private readonly titleLabel = el("label", { for: "title-input", class: "visually-hidden" });
  private readonly titleInput = el("input", {
    id: "title-input",
    type: "text",
    "data-testid": "title-input",
    class: "title-input",
    autocomplete: "off",
    spellcheck: "true",
  });
  private readonly saveState = el("span", {
    "data-testid": "save-state",
    class: "save-state",
    role: "status",
    "aria-live": "polite",
  });
  private readonly deleteButton = el("button", { type: "button", class: "danger" });
  private readonly notice = el("p", { class: "notice", role: "alert", hidden: "" });
  private readonly placeholderText = el("p", { class: "muted no-selection" });
  private readonly documentPane = el("section", { class: "document", hidden: "" });
  private readonly editorHost = el("div", { "data-testid": "editor", class: "editor-host" });

  private settings: DeskSettings;
  private readonly scorer: LiveScorer<{ article: Article; profile: ProfileName; lang: Lang }, ReportView>;
  private report: { view: ReportView; body: string; id: string } | undefined;
  private recordedScore = new Map<string, number>();
  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  /** Ends the listeners on `window` when the app goes away (tests start many apps). */
  private readonly listeners = new AbortController();
  private previewSeq = 0;
  private readonly previewDelayMs: number;

  private readonly writeTab = el("button", { type: "button", role: "tab", "data-testid": "tab-write", class: "tab" });
  private readonly dashboardTab = el("button", { type: "button", role: "tab", "data-testid": "tab-dashboard", class: "tab" });
  private readonly settingsButton = el("button", { type: "button", "data-testid": "settings-button", class: "icon-button" });
  private readonly helpButton = el("button", { type: "button", "data-testid": "help-button", class: "icon-button" }, "?");
  private readonly writeView = el("section", { class: "write-view", role: "tabpanel" });
  private readonly scoreBadge = el("output", { "data-testid": "score-badge", class: "score-badge", "aria-live": "polite" });
  private readonly undoButton = el("button", { type: "button", class: "tool", "data-testid": "undo" }, "↶");
  private readonly redoButton = el("button", { type: "button", class: "tool", "data-testid": "redo" }, "↷");
  private readonly findButton = el("button", { type: "button", class: "tool", "data-testid": "find" }, "⌕");
  private readonly focusButton = el("button", { type: "button", class: "tool", "data-testid": "focus-mode", "aria-pressed": "false" }, "◎");
  private readonly previewButton = el("button", { type: "button", class: "tool", "data-testid": "preview-toggle", "aria-pressed": "false" });
  private readonly historyButton = el("button", { type: "button", class: "tool", "data-testid": "history-button" });
  private readonly preview = el("article", { class: "preview markdown-body", "data-testid": "preview", hidden: "" });
  private readonly counts = el("p", { class: "counts", "data-testid": "counts", "aria-live": "off" });
  private readonly panelSeoTab = el("button", { type: "button", role: "tab", class: "tab", "data-testid": "panel-tab-seo" });
  private readonly panelMetaTab = el("button", { type: "button", role: "tab", class: "tab", "data-testid": "panel-tab-meta" });
  private readonly sidePanel = el("aside", { class: "side-panel", tabindex: "-1" });
  private readonly seoPanel: SeoPanel;
  private readonly keywords: KeywordEditor;
  private readonly metaPanel: MetaPanel;
  private readonly dashboard: Dashboard;
  private readonly history: HistoryPanel;
  private readonly settingsPanel: SettingsPanel;
  private readonly help: HelpOverlay;
  private readonly publishing: Publishing;
  private readonly data: DataViews;
  private readonly insertImage: InsertImage;

  constructor(root: HTMLElement, options: AppOptions = {}) {
    this.storage = options.storage ?? window.localStorage;
    this.osLanguages = options.osLanguages ?? navigator.languages;
    this.i18n = new I18n(storedLang(this.storage) ?? detectLang(this.osLanguages));
    this.settings = loadSettings(this.storage);
    applyTheme(this.settings.theme);
    this.previewDelayMs = options.previewDelayMs ?? 150;

    this.scorer = new LiveScorer({
      analyze: async ({ article, profile, lang }) => {
        // Where the keystroke-to-badge time goes (tests/e2e/tests/desk_bench.rs reads these):
        // the request leaves, the answer is back (IPC, JSON, the engine), then the DOM work.
        performance.mark("redaksi:analyze-sent");
        const rules = profile === "newsroom" ? this.settings.rulesFile || null : null;
        const view = await backend.analyzeArticle(article, profile, lang, this.settings.site, rules);
        performance.mark("redaksi:analyze-answer");
        return view;
      },
      onResult: (view, { article }) => this.showReport(view, article),
      onError: (error) => {
        const e = backend.toBackendError(error);
        this.seoPanel.showError(`${this.i18n.t("scoreError")}: ${this.i18n.error(e.code, e.message)}`);
      },
    });
    this.seoPanel = new SeoPanel(this.i18n, {
      onProfile: (profile) => {
        this.settings.profile = profile;
        saveSettings(this.storage, this.settings);
        this.rescore();
      },
      onCheck: (check) => this.highlightCheck(check),
      onMute: (id, reason) => this.setMute(id, reason),
      onUnmute: (id) => this.setMute(id, undefined),
    });
    this.keywords = new KeywordEditor(this.i18n, (keywords) => {
      if (!this.current) return;
      this.current.meta.keywords = keywords.map((k) => ({ ...k }));
      this.edited();
    });
    this.metaPanel = new MetaPanel(this.i18n, () => {
      // The SEO title decides the title the SERP preview and the pixel meter show.
      if (this.current) this.metaPanel.updateContext(this.metaContext(this.current));
      this.edited();
    });
    this.dashboard = new Dashboard(this.i18n, {
      load: (filter) => backend.dashboardRows(filter),
      setStatus: (ids, status) => backend.setStatus(ids, status),
      open: (id) => {
        this.showView("write");
        void this.open(id);
      },
    });
    this.history = new HistoryPanel(this.i18n, {
      list: (id) => backend.listRevisions(id),
      diff: (id, from, to) => backend.diffRevisions(id, from, to),
      restore: (id, rev) => this.restoreRevision(id, rev),
      name: (id, name) => backend.nameVersion(id, name),
    });
    this.settingsPanel = new SettingsPanel(this.i18n, this.storage, {
      settings: () => this.settings,
      onChange: (settings) => {
        this.settings = settings;
        saveSettings(this.storage, settings);
        applyTheme(settings.theme);
        this.seoPanel.setProfile(settings.profile);
        this.refreshMetaContext();
        this.rescore();
      },
      onLang: (lang) => this.setLanguage(lang),
      checkRules: (path) => backend.checkRulesFile(path),
    });
    this.help = new HelpOverlay(this.i18n);
    this.publishing = new Publishing(this.i18n, this.storage, {
      article: async () => ((await this.autosaver.flush()) ? this.current?.id : undefined),
      copied: (copy) => {
        this.articles.unshift({ id: copy.id, title: copy.title, updated_at: copy.updated_at });
        this.renderList();
      },
      titleOf: (id) => (id === this.current?.id ? this.current.title : this.articles.find((a) => a.id === id)?.title),
    });
    this.data = new DataViews(this.i18n, {
      beforeRestore: () => this.autosaver.flush(),
      // The database was replaced under the UI: everything it shows must load again.
      onRestored: () => (options.reload ?? (() => window.location.reload()))(),
      onArticlesChanged: () => void this.reloadArticles(),
    });
    this.settingsPanel.addSection(this.data.settings);
    this.insertImage = new InsertImage(this.i18n, {
      articleId: () => this.current?.id,
      insert: (markdown) => this.editor.insert(markdown),
    });

    this.autosaver = new Autosaver({
      delayMs: options.autosaveDelayMs ?? 1000,
      retryMs: 5000,
      save: () => this.saveCurrent(),
      onState: (state, error) => this.showSaveState(state, error),
    });

    root.replaceChildren(this.layout());
    this.editor = createEditor(this.editorHost, (text) => {
      if (!this.current) return;
      // When the editor has the keystroke (tests/e2e/tests/desk_bench.rs reads the marks).
      performance.mark("redaksi:keystroke");
      this.current.body = text;
      this.edited();
    });
    this.wireEvents();
    this.seoPanel.setProfile(this.settings.profile);
    this.applyLanguage();
    this.showView("write");
    this.showPanel("seo");
    this.showSaveState("saved");
    // Hidden unless the reporter turned it on: the SEO panel already shares the width.
    if (this.storage.getItem(PREVIEW_KEY) === "on") this.setPreviewShown(true);
  }

  /** Articles came in from outside the editor (import, trash, the mirrored folder). */
  private async reloadArticles(): Promise<void> {
    try {
      this.articles = await backend.listArticles();
      this.renderList();
      if (!this.dashboard.root.hidden) await this.dashboard.refresh();
    } catch (error) {
      this.showNotice("loadError", error);
    }
  }

  /** Loads the article list and opens the most recently updated article. */
  async start(): Promise<void> {
    await backend.onWindowClose(() => this.beforeClose());
    void this.publishing.start().catch(() => undefined);
    void this.data.start();
    try {
      this.articles = await backend.listArticles();
      this.renderList();
      const first = this.articles[0];
      if (first) await this.open(first.id);
    } catch (error) {
      this.showNotice("loadError", error);
    }
  }

  private layout(): HTMLElement {
    const sidebar = el(
      "aside",
      { class: "sidebar" },
      el("header", { class: "sidebar-head" }, this.heading, this.newButton),
      // The UI language is chosen in the settings only: one menu, one place.
      el("nav", { class: "list-scroll" }, this.list, this.emptyList),
    );
    const toolbar = el(
      "div",
      { class: "toolbar" },
      this.titleLabel,
      this.titleInput,
      this.scoreBadge,
      this.saveState,
    );
    const tools = el(
      "div",
      { class: "tools", role: "toolbar" },
      this.undoButton,
      this.redoButton,
      this.findButton,
      this.focusButton,
      this.previewButton,
      this.historyButton,
      this.publishing.publishButton,
      this.insertImage.openButton,
      el("span", { class: "spacer" }),
      this.deleteButton,
    );
    const panelTabs = el("div", { class: "tabs panel-tabs", role: "tablist" }, this.panelSeoTab, this.panelMetaTab);
    const seoTab = el("div", { class: "panel-body", "data-panel": "seo" }, this.keywords.root, this.seoPanel.root);
    const metaTab = el("div", { class: "panel-body", "data-panel": "meta", hidden: "" }, this.metaPanel.root);
    this.sidePanel.append(panelTabs, seoTab, metaTab);
    const desk = el("div", { class: "desk" }, el("div", { class: "editor-column" }, this.editorHost, this.counts), this.preview, this.sidePanel);
    this.documentPane.append(toolbar, tools, desk);
    this.writeView.append(this.placeholderText, this.documentPane);
    const viewbar = el(
      "nav",
      { class: "viewbar" },
      el("div", { class: "tabs", role: "tablist" }, this.writeTab, this.dashboardTab),
      el("span", { class: "spacer" }),
      this.publishing.outboxButton,
      this.helpButton,
      this.settingsButton,
    );
    const main = el("main", { class: "workspace" }, viewbar, this.notice, this.data.notices, this.writeView, this.dashboard.root);
    (this.dashboard.root.querySelector(".bulk") ?? this.dashboard.root).prepend(this.data.trash.openButton);
    return el("div", { class: "app" }, sidebar, main, this.history.root, this.settingsPanel.root, this.help.root, this.data.trash.root, this.insertImage.root, ...this.publishing.overlays);
  }

  private wireEvents(): void {
    this.newButton.addEventListener("click", () => void this.newArticle());
    this.deleteButton.addEventListener("click", () => void this.deleteCurrent());
    this.titleInput.addEventListener("input", () => {
      if (!this.current) return;
      this.current.title = this.titleInput.value;
      this.updateListTitle(this.current.id, this.current.title);
      this.refreshMetaContext();
      this.edited();
    });
    this.writeTab.addEventListener("click", () => this.showView("write"));
    this.dashboardTab.addEventListener("click", () => this.showView("dashboard"));
    this.settingsButton.addEventListener("click", () => this.settingsPanel.open());
    this.helpButton.addEventListener("click", () => this.help.open());
    this.undoButton.addEventListener("click", () => this.editor.undo());
    this.redoButton.addEventListener("click", () => this.editor.redo());
    this.findButton.addEventListener("click", () => this.editor.openFind());
    this.focusButton.addEventListener("click", () => this.toggleFocusMode());
    this.previewButton.addEventListener("click", () => this.setPreviewShown(this.preview.hidden));
    this.historyButton.addEventListener("click", () => {
      if (this.current) void this.autosaver.flush().then(() => this.current && this.history.open(this.current.id));
    });
    this.panelSeoTab.addEventListener("click", () => this.showPanel("seo"));
    this.panelMetaTab.addEventListener("click", () => this.showPanel("meta"));
    // "Follow the system" follows it live, not only at start-up.
    const unwatch = watchOsTheme(() => applyTheme(this.settings.theme));
    this.listeners.signal.addEventListener("abort", unwatch);
    // Capture phase, so the shortcuts work wherever the focus is, the editor included.
    window.addEventListener("keydown", (event) => this.shortcut(event), {
      capture: true,
      signal: this.listeners.signal,
    });
  }

  /** Stops listening and drops pending timers; unsaved text is the close hook's job. */
  dispose(): void {
    this.listeners.abort();
    this.publishing.dispose();
    this.data.dispose();
    this.autosaver.reset();
    if (this.previewTimer !== undefined) clearTimeout(this.previewTimer);
  }

  /** The preview's visibility is remembered across restarts, like the language. */
  private setPreviewShown(shown: boolean): void {
    this.preview.hidden = !shown;
    this.previewButton.setAttribute("aria-pressed", String(shown));
    this.storage.setItem(PREVIEW_KEY, shown ? "on" : "off");
    if (shown) this.schedulePreview(0);
    else if (this.previewTimer !== undefined) {
      clearTimeout(this.previewTimer);
      this.previewTimer = undefined;
    }
  }

  private shortcut(event: KeyboardEvent): void {
    // The start of the keystroke-to-badge measurement (the latency benchmark reads it).
    performance.mark("redaksi:keydown");
    const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
    const key = event.key.toLowerCase();
    const handled = (action: () => void) => {
      event.preventDefault();
      event.stopPropagation();
      action();
    };
    if (event.key === "Escape") {
      if (this.help.isOpen) return handled(() => this.help.close());
      if (document.querySelector(".app.focus-mode")) return handled(() => this.toggleFocusMode());
      return;
    }
    if (event.key === "F1") return handled(() => this.help.open());
    if (!mod) return;
    if (key === "p" && event.shiftKey) return handled(() => void this.publishing.open());
    if (key === "s" && !event.shiftKey) return handled(() => void this.saveRevision());
    if (key === "n" && !event.shiftKey) return handled(() => void this.newArticle());
    if (key === "k") return handled(() => {
      this.showView("dashboard");
      this.dashboard.focusSearch();
    });
    if (key === "/" || key === "?") return handled(() => this.help.open());
    if (key === "f" && !event.shiftKey && this.current && !this.writeView.hidden) {
      return handled(() => this.editor.openFind());
    }
    if (key === "1") return handled(() => this.list.querySelector<HTMLElement>("button")?.focus() ?? this.newButton.focus());
    if (key === "2") return handled(() => {
      this.showView("write");
      this.editor.focus();
    });
    if (key === "3") return handled(() => {
      this.showView("write");
      this.sidePanel.querySelector<HTMLElement>(".panel-body:not([hidden]) input, .panel-body:not([hidden]) select")?.focus();
    });
  }

  private setLanguage(lang: Lang | undefined): void {
    storeLang(this.storage, lang);
    this.i18n.lang = lang ?? detectLang(this.osLanguages);
    this.applyLanguage();
    // Fix hints come from the engine in the UI language.
    this.rescore();
  }

  private showView(view: "write" | "dashboard"): void {
    this.writeView.hidden = view !== "write";
    this.dashboard.root.hidden = view !== "dashboard";
    this.writeTab.setAttribute("aria-selected", String(view === "write"));
    this.dashboardTab.setAttribute("aria-selected", String(view === "dashboard"));
    if (view === "dashboard") void this.autosaver.flush().then(() => this.dashboard.refresh());
  }

  private showPanel(panel: "seo" | "meta"): void {
    for (const body of this.sidePanel.querySelectorAll<HTMLElement>(".panel-body")) {
      body.hidden = body.dataset.panel !== panel;
    }
    this.panelSeoTab.setAttribute("aria-selected", String(panel === "seo"));
    this.panelMetaTab.setAttribute("aria-selected", String(panel === "meta"));
  }

  private toggleFocusMode(): void {
    const app = this.documentPane.closest(".app");
    const on = !app?.classList.contains("focus-mode");
    app?.classList.toggle("focus-mode", on);
    this.focusButton.setAttribute("aria-pressed", String(on));
    this.editor.focus();
  }

  /** Anything of the article changed: save soon, score now, refresh the preview and counts. */
  private edited(): void {
    this.autosaver.changed();
    this.rescore();
    this.showCounts();
    this.schedulePreview(this.previewDelayMs);
  }

  private rescore(): void {
    const article = this.current;
    if (!article) return;
    this.scorer.request({
      article: { ...article, meta: structuredClone(article.meta) },
      profile: this.settings.profile,
      lang: this.i18n.lang,
    });
  }

  private showReport(view: ReportView, article: Article): void {
    if (article.id !== this.current?.id) return;
    this.report = { view, body: article.body, id: article.id };
    const badge = badgeOf(view.score);
    this.scoreBadge.textContent = badge.text;
    this.scoreBadge.dataset.band = badge.band;
    this.scoreBadge.title = this.i18n.t("scoreLabel");
    this.seoPanel.show(view);
    // The end of the keystroke-to-badge measurement.
    performance.mark("redaksi:badge");
    if (this.recordedScore.get(article.id) !== view.score) {
      this.recordedScore.set(article.id, view.score);
      backend.recordScore(article.id, view.score).catch(() => this.recordedScore.delete(article.id));
    }
  }

  private highlightCheck(check: CheckView): void {
    const report = this.report;
    if (!report || !this.current || report.id !== this.current.id) return;
    this.editor.highlight(bytesToUtf16(report.body, check.marks ?? []));
  }

  private setMute(id: string, reason: string | undefined): void {
    const article = this.current;
    if (!article) return;
    const muted = (article.meta.muted_checks ?? []).filter((m) => m.id !== id);
    if (reason) muted.push({ id, reason });
    article.meta.muted_checks = muted;
    this.edited();
  }

  private showCounts(): void {
    const counts = countText(this.current?.body ?? "");
    this.counts.textContent = this.i18n.t("counts", {
      words: counts.words,
      chars: counts.characters,
      minutes: counts.readingMinutes,
    });
  }

  private schedulePreview(delay: number): void {
    if (this.preview.hidden || !this.current) return;
    if (this.previewTimer !== undefined) clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => {
      this.previewTimer = undefined;
      const body = this.current?.body ?? "";
      const seq = ++this.previewSeq;
      backend.renderPreview(body).then(
        (html) => {
          // The HTML is sanitised by Rust (the same sanitiser as export) before it gets here.
          if (seq === this.previewSeq) this.preview.innerHTML = html;
        },
        () => undefined,
      );
    }, delay);
  }

  private refreshMetaContext(): void {
    const article = this.current;
    if (!article) return;
    this.metaPanel.updateContext(this.metaContext(article));
  }

  private metaContext(article: Article) {
    const site = this.settings.site;
    return {
      title: article.title,
      displayedTitle: displayedTitle(article.title, article.meta.seo_title, site.name, site.title_template),
      siteUrl: site.url,
    };
  }

  /** Ctrl/Cmd+S: everything typed is stored, and the moment becomes a revision. */
  private async saveRevision(): Promise<void> {
    if (!(await this.autosaver.flush()) || !this.current) return;
    try {
      await backend.saveRevision({ ...this.current, meta: structuredClone(this.current.meta) });
    } catch (error) {
      this.showNotice("saveError", error);
    }
  }

  private async restoreRevision(id: string, rev: number): Promise<void> {
    if (!(await this.autosaver.flush())) return;
    const restored = await backend.restoreRevision(id, rev);
    if (this.current?.id === id) this.show(restored);
    const summary = this.articles.find((a) => a.id === id);
    if (summary) {
      summary.title = restored.title;
      summary.updated_at = restored.updated_at;
      this.renderList();
    }
  }

  private applyLanguage(): void {
    const t = (key: MessageKey) => this.i18n.t(key);
    document.documentElement.lang = this.i18n.lang;
    this.heading.textContent = t("appName");
    this.newButton.textContent = `+ ${t("newArticle")}`;
    this.list.setAttribute("aria-label", t("articles"));
    this.emptyList.textContent = t("emptyList");
    this.titleLabel.textContent = t("titleLabel");
    this.titleInput.placeholder = t("titlePlaceholder");
    this.editor.setPlaceholder(t("bodyPlaceholder"));
    this.editor.setLabel(t("editorLabel"));
    this.deleteButton.textContent = t("deleteArticle");
    this.placeholderText.textContent = t("noSelection");
    this.writeTab.textContent = t("viewWrite");
    this.dashboardTab.textContent = t("viewDashboard");
    this.settingsButton.textContent = `⚙ ${t("settings")}`;
    this.helpButton.setAttribute("aria-label", t("shortcuts"));
    this.helpButton.title = t("shortcuts");
    for (const [button, key] of [
      [this.undoButton, "undo"],
      [this.redoButton, "redo"],
      [this.findButton, "find"],
      [this.focusButton, "focusMode"],
    ] as const) {
      button.setAttribute("aria-label", t(key));
      button.title = t(key);
    }
    this.previewButton.textContent = t("preview");
    this.historyButton.textContent = t("history");
    this.preview.setAttribute("aria-label", t("previewLabel"));
    this.panelSeoTab.textContent = t("tabSeo");
    this.panelMetaTab.textContent = t("tabMeta");
    this.sidePanel.setAttribute("aria-label", `${t("tabSeo")} / ${t("tabMeta")}`);
    if (!this.report) this.scoreBadge.textContent = "– / 100";
    this.scoreBadge.title = t("scoreLabel");
    this.scoreBadge.setAttribute("aria-label", t("scoreLabel"));
    this.seoPanel.applyLanguage();
    this.keywords.applyLanguage();
    this.metaPanel.applyLanguage();
    this.dashboard.applyLanguage();
    this.history.applyLanguage();
    this.settingsPanel.applyLanguage();
    this.help.applyLanguage();
    this.publishing.applyLanguage();
    this.data.applyLanguage();
    this.insertImage.applyLanguage();
    this.showCounts();
    this.showSaveState(this.autosaver.current, this.lastError);
    this.renderList();
  }

  private showSaveState(state: SaveState, error?: unknown): void {
    const labels: Record<SaveState, MessageKey> = {
      saved: "saved",
      dirty: "dirty",
      saving: "saving",
      error: "saveError",
    };
    this.lastError = state === "error" ? backend.toBackendError(error) : undefined;
    this.saveState.dataset.state = state;
    this.saveState.textContent = this.i18n.t(labels[state]);
    this.saveState.title = this.lastError
      ? this.i18n.error(this.lastError.code, this.lastError.message)
      : "";
    if (state === "saved") this.closeWarned = false;
  }

  private showNotice(key: MessageKey, error?: unknown): void {
    const detail = error === undefined ? "" : backend.toBackendError(error);
    this.notice.textContent = detail
      ? `${this.i18n.t(key)}: ${this.i18n.error(detail.code, detail.message)}`
      : this.i18n.t(key);
    this.notice.hidden = false;
  }

  private clearNotice(): void {
    this.notice.hidden = true;
    this.notice.textContent = "";
  }

  private renderList(): void {
    const dateFormat = new Intl.DateTimeFormat(this.i18n.lang === "id" ? "id-ID" : "en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
    });
    // The newest articles only: the dashboard is the place for all of them, and a sidebar of
    // 10,000 buttons redrawn on every save would cost more than a keystroke's budget.
    this.list.replaceChildren(
      ...this.articles.slice(0, SIDEBAR_LIMIT).map((summary) => {
        const button = el(
          "button",
          { type: "button", class: "article-item", "data-testid": "article-item", "data-id": summary.id },
          el("span", { class: "item-title" }, summary.title.trim() || this.i18n.t("untitled")),
          el("time", { datetime: summary.updated_at }, dateFormat.format(new Date(summary.updated_at))),
        );
        if (summary.id === this.current?.id) button.setAttribute("aria-current", "true");
        button.addEventListener("click", () => void this.open(summary.id));
        return el("li", {}, button);
      }),
    );
    this.emptyList.hidden = this.articles.length > 0;
  }

  private updateListTitle(id: string, title: string): void {
    const summary = this.articles.find((a) => a.id === id);
    if (summary) summary.title = title;
    for (const button of this.list.querySelectorAll<HTMLElement>(".article-item")) {
      const label = button.querySelector(".item-title");
      if (button.dataset.id === id && label) label.textContent = title.trim() || this.i18n.t("untitled");
    }
  }

  private async open(id: string): Promise<void> {
    if (id === this.current?.id) return;
    // The article on screen is stored before another one replaces it.
    if (!(await this.autosaver.flush())) return;
    try {
      this.show(await backend.getArticle(id));
      this.clearNotice();
    } catch (error) {
      this.showNotice("loadError", error);
    }
  }

  private show(article: Article | undefined): void {
    this.current = article;
    this.autosaver.reset();
    this.documentPane.hidden = !article;
    this.placeholderText.hidden = !!article;
    this.titleInput.value = article?.title ?? "";
    this.editor.setText(article?.body ?? "");
    this.report = undefined;
    this.scoreBadge.textContent = "– / 100";
    delete this.scoreBadge.dataset.band;
    if (article) {
      article.meta ??= {};
      this.keywords.set(article.meta);
      this.metaPanel.set(article.meta, this.metaContext(article));
      this.rescore();
      this.schedulePreview(0);
    }
    this.showCounts();
    this.renderList();
  }

  private async newArticle(): Promise<void> {
    if (!(await this.autosaver.flush())) return;
    try {
      const article = await backend.createArticle("", "");
      this.articles.unshift({ id: article.id, title: article.title, updated_at: article.updated_at });
      this.show(article);
      this.clearNotice();
      this.titleInput.focus();
    } catch (error) {
      this.showNotice("saveError", error);
    }
  }

  private async deleteCurrent(): Promise<void> {
    const article = this.current;
    if (!article || !window.confirm(this.i18n.t("confirmDelete"))) return;
    try {
      await backend.deleteArticle(article.id);
      this.articles = this.articles.filter((a) => a.id !== article.id);
      this.show(undefined);
    } catch (error) {
      this.showNotice("saveError", error);
    }
  }

  private async saveCurrent(): Promise<void> {
    const article = this.current;
    if (!article) return;
    // A snapshot: keystrokes during the save change `article`, and the autosaver saves again.
    const saved = await backend.saveArticle({ ...article, meta: { ...article.meta } });
    article.updated_at = saved.updated_at;
    article.created_at = saved.created_at;
    const index = this.articles.findIndex((a) => a.id === saved.id);
    const summary = { id: saved.id, title: saved.title, updated_at: saved.updated_at };
    if (index >= 0) this.articles.splice(index, 1);
    this.articles.unshift(summary);
    this.renderList();
  }

  private async beforeClose(): Promise<boolean> {
    if (await this.autosaver.flush()) return true;
    // One warning, then the reporter may still quit: a broken disk must not trap them.
    if (this.closeWarned) return true;
    this.closeWarned = true;
    this.showNotice("closeBlocked");
    return false;
  }
}
