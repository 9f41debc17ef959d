// The editor's desk: the open article's title, the Markdown editor and its tools, the live
// preview, the SEO and metadata panels, the counts and the save state. It owns the open article
// and its autosave; what it does to the article list it reports through `deps.listed`.
import { Autosaver, type SaveState } from "../lib/autosave";
import type { Article } from "../lib/backend";
import type { Listed } from "./sidebar";
import { countText } from "../lib/counts";
import { createEditor, type MarkdownEditor } from "../lib/editor";
import { type I18n, type MessageKey, translated } from "../lib/i18n";
import { displayedTitle } from "../lib/serp";
import type { DeskSettings, ProfileName } from "../lib/settings";
import { el } from "./dom";
import { type HistoryDeps, HistoryPanel } from "./history";
import { type InsertImageDeps, InsertImage } from "./insert-image";
import { KeywordEditor } from "./keywords";
import { MetaPanel } from "./meta-panel";
import { type PreviewDeps, PreviewPane } from "./preview";
import { Scoring, type ScoringApi } from "./scoring";

/** Where the preview's shown/hidden choice is kept. */
const PREVIEW_KEY = "redaksi.preview";

/** The backend calls the desk makes. */
export interface DeskApi extends HistoryDeps, PreviewDeps, ScoringApi, Pick<InsertImageDeps, "importMedia"> {
  getArticle(id: string): Promise<Article>;
  createArticle(title: string, body: string): Promise<Article>;
  saveArticle(article: Article): Promise<Article>;
  deleteArticle(id: string): Promise<void>;
  /** Saves and leaves a revision (Ctrl/Cmd+S). */
  saveRevision(article: Article): Promise<Article>;
  restoreRevision(id: string, rev: number): Promise<Article>;
}

/** What the article list hears from the desk. */
export interface ListedArticles {
  /** Saved or created: the article goes to the top of the list. */
  saved(summary: Listed): void;
  /** Changed without being edited (a restored revision): it keeps its place. */
  updated(summary: Listed): void;
  deleted(id: string): void;
  retitled(id: string, title: string): void;
  opened(id: string | undefined): void;
}

export interface DeskDeps {
  api: DeskApi;
  listed: ListedArticles;
  settings(): DeskSettings;
  onProfile(profile: ProfileName): void;
  /** Shows a message above the workspace (`error` adds its explanation); `undefined` clears it. */
  notify(key: MessageKey | undefined, error?: unknown): void;
  /** Buttons of other views in the desk's toolbar (the Publish button). */
  tools: HTMLElement[];
  /** Focus mode hides everything around the editor: the window's frame does that. */
  setFocusMode(on: boolean): void;
  storage: Storage;
  autosaveDelayMs: number;
  previewDelayMs: number;
}

function summaryOf(article: Article): Listed {
  return { id: article.id, title: article.title, updated_at: article.updated_at };
}

export class EditorDesk {
  readonly root = el("section", { class: "write-view", role: "tabpanel" });
  private readonly titleInput = el("input", {
    id: "title-input",
    type: "text",
    "data-testid": "title-input",
    class: "title-input",
    autocomplete: "off",
    spellcheck: "true",
    ...translated(undefined, { placeholder: "titlePlaceholder" }),
  });
  private readonly saveState = el("span", { "data-testid": "save-state", class: "save-state", role: "status", "aria-live": "polite" });
  private readonly placeholderText = el("p", { class: "muted no-selection", ...translated("noSelection") });
  private readonly documentPane = el("section", { class: "document", hidden: "" });
  private readonly editorHost = el("div", { "data-testid": "editor", class: "editor-host" });
  private readonly counts = el("p", { class: "counts", "data-testid": "counts", "aria-live": "off" });
  private readonly focusButton = this.tool("focus-mode", "◎", "focusMode", { "aria-pressed": "false" });
  private readonly previewButton = el("button", { type: "button", class: "tool", "data-testid": "preview-toggle", "aria-pressed": "false", ...translated("preview") });
  private readonly sidePanel = el("aside", { class: "side-panel", tabindex: "-1", ...translated(undefined, { "aria-label": "sidePanel" }) });
  private readonly panelTabs = {
    seo: el("button", { type: "button", role: "tab", class: "tab", "data-testid": "panel-tab-seo", ...translated("tabSeo") }),
    meta: el("button", { type: "button", role: "tab", class: "tab", "data-testid": "panel-tab-meta", ...translated("tabMeta") }),
  };
  private readonly editor: MarkdownEditor;
  private readonly autosaver: Autosaver;
  private readonly scoring: Scoring;
  private readonly preview: PreviewPane;
  private readonly keywords: KeywordEditor;
  private readonly metaPanel: MetaPanel;
  private readonly history: HistoryPanel;
  private readonly insertImage: InsertImage;

  private current: Article | undefined;
  private lastError: unknown;
  private closeWarned = false;
  private focusMode = false;

  constructor(
    private readonly i18n: I18n,
    private readonly deps: DeskDeps,
  ) {
    const { api } = deps;
    this.scoring = new Scoring(i18n, {
      api,
      settings: () => deps.settings(),
      onProfile: (profile) => deps.onProfile(profile),
      openId: () => this.current?.id,
      highlight: (ranges) => this.editor.highlight(ranges),
      onMute: (id, reason) => this.setMute(id, reason),
    });
    this.keywords = new KeywordEditor(i18n, (keywords) => {
      if (!this.current) return;
      this.current.meta.keywords = keywords.map((k) => ({ ...k }));
      this.edited();
    });
    this.metaPanel = new MetaPanel(i18n, () => {
      // The SEO title decides the title the SERP preview and the pixel meter show.
      this.refreshMetaContext();
      this.edited();
    });
    this.history = new HistoryPanel(i18n, { ...api, restoreRevision: (id, rev) => this.restoreRevision(id, rev) });
    this.insertImage = new InsertImage(i18n, {
      articleId: () => this.current?.id,
      insert: (markdown) => this.editor.insert(markdown),
      importMedia: (id, path) => api.importMedia(id, path),
    });
    this.preview = new PreviewPane(api);
    this.autosaver = new Autosaver({
      delayMs: deps.autosaveDelayMs,
      retryMs: 5000,
      save: () => this.saveCurrent(),
      onState: (state, error) => this.showSaveState(state, error),
    });

    this.root.append(this.placeholderText, this.documentPane);
    this.documentPane.append(this.toolbar(), this.tools(), this.workArea());
    this.editor = createEditor(this.editorHost, (text) => {
      if (!this.current) return;
      // When the editor has the keystroke (tests/e2e/tests/desk_bench.rs reads the marks).
      performance.mark("redaksi:keystroke");
      this.current.body = text;
      this.edited();
    });
    this.titleInput.addEventListener("input", () => {
      if (!this.current) return;
      this.current.title = this.titleInput.value;
      deps.listed.retitled(this.current.id, this.current.title);
      this.refreshMetaContext();
      this.edited();
    });
    this.showPanel("seo");
    this.languageChanged();
    i18n.onChange(() => this.languageChanged());
    // Hidden unless the reporter turned it on: the SEO panel already shares the width.
    if (deps.storage.getItem(PREVIEW_KEY) === "on") this.setPreviewShown(true);
  }

  /** The overlays the desk opens (history, insert image), mounted by the app. */
  get overlays(): HTMLElement[] {
    return [this.history.root, this.insertImage.root];
  }

  get openArticle(): Article | undefined {
    return this.current;
  }

  private tool(testId: string, icon: string, label: MessageKey, attrs: Record<string, string> = {}): HTMLButtonElement {
    return el("button", { type: "button", class: "tool", "data-testid": testId, ...attrs, ...translated(undefined, { "aria-label": label, title: label }) }, icon);
  }

  private toolbar(): HTMLElement {
    const label = el("label", { for: "title-input", class: "visually-hidden", ...translated("titleLabel") });
    return el("div", { class: "toolbar" }, label, this.titleInput, this.scoring.badge, this.saveState);
  }

  private tools(): HTMLElement {
    const undo = this.tool("undo", "↶", "undo");
    const redo = this.tool("redo", "↷", "redo");
    const find = this.tool("find", "⌕", "find");
    const history = el("button", { type: "button", class: "tool", "data-testid": "history-button", ...translated("history") });
    const remove = el("button", { type: "button", class: "danger", ...translated("deleteArticle") });
    undo.addEventListener("click", () => this.editor.undo());
    redo.addEventListener("click", () => this.editor.redo());
    find.addEventListener("click", () => this.editor.openFind());
    this.focusButton.addEventListener("click", () => this.toggleFocusMode());
    this.previewButton.addEventListener("click", () => this.setPreviewShown(!this.preview.shown));
    history.addEventListener("click", () => {
      if (this.current) void this.autosaver.flush().then(() => this.current && this.history.open(this.current.id));
    });
    remove.addEventListener("click", () => void this.deleteCurrent());
    return el(
      "div",
      { class: "tools", role: "toolbar" },
      undo,
      redo,
      find,
      this.focusButton,
      this.previewButton,
      history,
      ...this.deps.tools,
      this.insertImage.openButton,
      el("span", { class: "spacer" }),
      remove,
    );
  }

  private workArea(): HTMLElement {
    const tabs = el("div", { class: "tabs panel-tabs", role: "tablist" }, this.panelTabs.seo, this.panelTabs.meta);
    const seo = el("div", { class: "panel-body", "data-panel": "seo" }, this.keywords.root, this.scoring.panel.root);
    const meta = el("div", { class: "panel-body", "data-panel": "meta", hidden: "" }, this.metaPanel.root);
    this.sidePanel.append(tabs, seo, meta);
    this.panelTabs.seo.addEventListener("click", () => this.showPanel("seo"));
    this.panelTabs.meta.addEventListener("click", () => this.showPanel("meta"));
    return el("div", { class: "desk" }, el("div", { class: "editor-column" }, this.editorHost, this.counts), this.preview.root, this.sidePanel);
  }

  /** Resolves once everything typed is stored; false when the save failed. */
  flush(): Promise<boolean> {
    return this.autosaver.flush();
  }

  /** The settings changed: the profile, the site (SERP, SEO title) and the rules score again. */
  settingsChanged(): void {
    this.scoring.settingsChanged();
    this.refreshMetaContext();
    this.rescore();
  }

  async open(id: string): Promise<void> {
    if (id === this.current?.id) return;
    // The article on screen is stored before another one replaces it.
    if (!(await this.autosaver.flush())) return;
    try {
      this.show(await this.deps.api.getArticle(id));
      this.deps.notify(undefined);
    } catch (error) {
      this.deps.notify("loadError", error);
    }
  }

  async newArticle(): Promise<void> {
    if (!(await this.autosaver.flush())) return;
    try {
      const article = await this.deps.api.createArticle("", "");
      this.deps.listed.saved(summaryOf(article));
      this.show(article);
      this.deps.notify(undefined);
      this.titleInput.focus();
    } catch (error) {
      this.deps.notify("saveError", error);
    }
  }

  /** Ctrl/Cmd+S: everything typed is stored, and the moment becomes a revision. */
  async saveRevision(): Promise<void> {
    if (!(await this.autosaver.flush()) || !this.current) return;
    try {
      await this.deps.api.saveRevision({ ...this.current, meta: structuredClone(this.current.meta) });
    } catch (error) {
      this.deps.notify("saveError", error);
    }
  }

  get canFind(): boolean {
    return !!this.current && !this.root.hidden;
  }

  openFind(): void {
    this.editor.openFind();
  }

  focusEditor(): void {
    this.editor.focus();
  }

  focusPanel(): void {
    this.sidePanel.querySelector<HTMLElement>(".panel-body:not([hidden]) input, .panel-body:not([hidden]) select")?.focus();
  }

  get inFocusMode(): boolean {
    return this.focusMode;
  }

  toggleFocusMode(): void {
    this.focusMode = !this.focusMode;
    this.deps.setFocusMode(this.focusMode);
    this.focusButton.setAttribute("aria-pressed", String(this.focusMode));
    this.editor.focus();
  }

  /** The window is closing: true once the text is stored, or when the user insists. */
  async closing(): Promise<boolean> {
    if (await this.autosaver.flush()) return true;
    // One warning, then the reporter may still quit: a broken disk must not trap them.
    if (this.closeWarned) return true;
    this.closeWarned = true;
    this.deps.notify("closeBlocked");
    return false;
  }

  dispose(): void {
    this.autosaver.reset();
    this.preview.cancel();
  }

  private languageChanged(): void {
    this.editor.setPlaceholder(this.i18n.t("bodyPlaceholder"));
    this.editor.setLabel(this.i18n.t("editorLabel"));
    this.showCounts();
    this.showSaveState(this.autosaver.current, this.lastError);
    // Fix hints come from the engine in the UI language.
    this.rescore();
  }

  /** The preview's visibility is remembered across restarts, like the language. */
  private setPreviewShown(shown: boolean): void {
    this.preview.show(shown);
    this.previewButton.setAttribute("aria-pressed", String(shown));
    this.deps.storage.setItem(PREVIEW_KEY, shown ? "on" : "off");
    if (shown) this.schedulePreview(0);
  }

  private schedulePreview(delay: number): void {
    if (this.current) this.preview.schedule(() => this.current?.body ?? "", delay);
  }

  private showPanel(panel: "seo" | "meta"): void {
    for (const body of this.sidePanel.querySelectorAll<HTMLElement>(".panel-body")) {
      body.hidden = body.dataset.panel !== panel;
    }
    this.panelTabs.seo.setAttribute("aria-selected", String(panel === "seo"));
    this.panelTabs.meta.setAttribute("aria-selected", String(panel === "meta"));
  }

  /** Anything of the article changed: save soon, score now, refresh the preview and counts. */
  private edited(): void {
    this.autosaver.changed();
    this.rescore();
    this.showCounts();
    this.schedulePreview(this.deps.previewDelayMs);
  }

  private rescore(): void {
    if (this.current) this.scoring.request(this.current);
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
    const t = this.i18n;
    this.counts.textContent = [
      t.t("wordCount", { n: counts.words }),
      t.t("chars", { n: counts.characters }),
      t.t("readingTime", { n: counts.readingMinutes }),
    ].join(" · ");
  }

  private refreshMetaContext(): void {
    const article = this.current;
    if (article) this.metaPanel.updateContext(this.metaContext(article));
  }

  private metaContext(article: Article) {
    const site = this.deps.settings().site;
    return {
      title: article.title,
      displayedTitle: displayedTitle(article.title, article.meta.seo_title, site.name, site.title_template),
      siteUrl: site.url,
    };
  }

  private async restoreRevision(id: string, rev: number): Promise<void> {
    if (!(await this.autosaver.flush())) return;
    const restored = await this.deps.api.restoreRevision(id, rev);
    if (this.current?.id === id) this.show(restored);
    this.deps.listed.updated(summaryOf(restored));
  }

  private showSaveState(state: SaveState, error?: unknown): void {
    const labels: Record<SaveState, MessageKey> = { saved: "saved", dirty: "dirty", saving: "saving", error: "saveError" };
    this.lastError = state === "error" ? error : undefined;
    this.saveState.dataset.state = state;
    this.saveState.textContent = this.i18n.t(labels[state]);
    this.saveState.title = this.lastError === undefined ? "" : this.i18n.failure(this.lastError);
    if (state === "saved") this.closeWarned = false;
  }

  private show(article: Article | undefined): void {
    this.current = article;
    this.autosaver.reset();
    this.documentPane.hidden = !article;
    this.placeholderText.hidden = !!article;
    this.titleInput.value = article?.title ?? "";
    this.editor.setText(article?.body ?? "");
    this.scoring.clear();
    if (article) {
      this.keywords.set(article.meta);
      this.metaPanel.set(article.meta, this.metaContext(article));
      this.rescore();
      this.schedulePreview(0);
    }
    this.showCounts();
    this.deps.listed.opened(article?.id);
  }

  private async deleteCurrent(): Promise<void> {
    const article = this.current;
    if (!article || !window.confirm(this.i18n.t("confirmDelete"))) return;
    try {
      await this.deps.api.deleteArticle(article.id);
      this.deps.listed.deleted(article.id);
      this.show(undefined);
    } catch (error) {
      this.deps.notify("saveError", error);
    }
  }

  private async saveCurrent(): Promise<void> {
    const article = this.current;
    if (!article) return;
    // A snapshot: keystrokes during the save change `article`, and the autosaver saves again.
    const saved = await this.deps.api.saveArticle({ ...article, meta: { ...article.meta } });
    article.updated_at = saved.updated_at;
    article.created_at = saved.created_at;
    this.deps.listed.saved(summaryOf(saved));
  }
}
