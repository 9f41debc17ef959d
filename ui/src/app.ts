// The foundation window: the article list on the left, the title and the Markdown editor on the
// right, and the save state always in view. Plain DOM; every backend call goes through
// lib/backend.ts.
import { Autosaver, type SaveState } from "./lib/autosave";
import * as backend from "./lib/backend";
import type { Article, ArticleSummary } from "./lib/backend";
import { createEditor, type MarkdownEditor } from "./lib/editor";
import { I18n, LANGS, type MessageKey, detectLang, storeLang, storedLang } from "./lib/i18n";
import { type Action, SHORTCUTS, describe, isMac, match } from "./lib/shortcuts";
import { textStats } from "./lib/stats";
import { type ThemeChoice, applyTheme, storedTheme } from "./lib/theme";

export interface AppOptions {
  /** Milliseconds of quiet before an autosave; about a second keeps saves cheap and timely. */
  autosaveDelayMs?: number;
  /** Milliseconds of quiet before the preview and the counts are updated. */
  previewDelayMs?: number;
  storage?: Storage;
  osLanguages?: readonly string[];
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
  private readonly mac = isMac(navigator.platform || navigator.userAgent);
  private readonly previewDelayMs: number;
  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to older preview requests are dropped when a newer one was sent. */
  private previewRequest = 0;
  /** Removes the window-wide listeners when the app is torn down (tests start many apps). */
  private readonly listeners = new AbortController();

  // Elements that change after start-up.
  private readonly heading = el("h1", { class: "brand" });
  private readonly newButton = el("button", { type: "button", "data-testid": "new-article", class: "primary" });
  private readonly list = el("ul", { "data-testid": "article-list", class: "article-list" });
  private readonly emptyList = el("p", { class: "muted empty" });
  private readonly settingsButton = el("button", { type: "button", "data-testid": "settings-button" });
  private readonly helpButton = el("button", { type: "button", "data-testid": "help-button" });
  private readonly langLabel = el("label", { for: "lang-select" });
  private readonly langSelect = el("select", { id: "lang-select", "data-testid": "language-select" });
  private readonly themeLabel = el("label", { for: "theme-select" });
  private readonly themeSelect = el("select", { id: "theme-select", "data-testid": "theme-select" });
  private readonly settingsTitle = el("h2", { id: "settings-title" });
  private readonly settingsClose = el("button", { type: "button", class: "close" });
  private readonly settingsDialog = el("div", {
    class: "overlay",
    hidden: "",
    "data-testid": "settings-dialog",
  });
  private readonly helpTitle = el("h2", { id: "help-title" });
  private readonly helpList = el("dl", { class: "shortcut-list" });
  private readonly helpClose = el("button", { type: "button", class: "close" });
  private readonly helpDialog = el("div", { class: "overlay", hidden: "", "data-testid": "help-overlay" });
  private readonly previewToggle = el("button", {
    type: "button",
    "data-testid": "preview-toggle",
    "aria-controls": "preview",
  });
  private readonly preview = el("article", {
    id: "preview",
    class: "preview",
    "data-testid": "preview",
    tabindex: "-1",
  });
  private readonly wordCount = el("span", { "data-testid": "word-count" });
  private readonly charCount = el("span", { "data-testid": "char-count" });
  private readonly readingTime = el("span", { "data-testid": "reading-time" });
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

  constructor(root: HTMLElement, options: AppOptions = {}) {
    this.storage = options.storage ?? window.localStorage;
    this.osLanguages = options.osLanguages ?? navigator.languages;
    this.i18n = new I18n(storedLang(this.storage) ?? detectLang(this.osLanguages));
    this.previewDelayMs = options.previewDelayMs ?? 150;
    applyTheme(this.storage, document.documentElement, storedTheme(this.storage));
    this.setPreviewShown(this.storage.getItem("redaksi.preview") !== "off");

    this.autosaver = new Autosaver({
      delayMs: options.autosaveDelayMs ?? 1000,
      retryMs: 5000,
      save: () => this.saveCurrent(),
      onState: (state, error) => this.showSaveState(state, error),
    });

    root.replaceChildren(this.layout());
    this.editor = createEditor(this.editorHost, (text) => {
      if (!this.current) return;
      this.current.body = text;
      this.autosaver.changed();
      this.schedulePreview();
    });
    this.wireEvents();
    this.applyLanguage();
    this.showSaveState("saved");
  }

  /** Loads the article list and opens the most recently updated article. */
  async start(): Promise<void> {
    try {
      await backend.onWindowClose(() => this.beforeClose());
    } catch (error) {
      // Without the close hook, autosave and Ctrl/Cmd+S still keep the text; say so and go on.
      this.showNotice("loadError", error);
    }
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
      el("nav", { class: "list-scroll" }, this.list, this.emptyList),
      el("footer", { class: "sidebar-foot" }, this.settingsButton, this.helpButton),
    );
    const toolbar = el(
      "div",
      { class: "toolbar" },
      this.titleLabel,
      this.titleInput,
      this.saveState,
      this.previewToggle,
      this.deleteButton,
    );
    const panes = el("div", { class: "panes" }, this.editorHost, this.preview);
    const statusBar = el(
      "footer",
      { class: "status-bar" },
      this.wordCount,
      this.charCount,
      this.readingTime,
    );
    this.documentPane.append(toolbar, panes, statusBar);
    const main = el("main", { class: "workspace" }, this.notice, this.placeholderText, this.documentPane);

    this.settingsDialog.append(
      el(
        "div",
        { class: "dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": "settings-title" },
        this.settingsTitle,
        el("div", { class: "field" }, this.langLabel, this.langSelect),
        el("div", { class: "field" }, this.themeLabel, this.themeSelect),
        el("div", { class: "dialog-actions" }, this.settingsClose),
      ),
    );
    this.helpDialog.append(
      el(
        "div",
        { class: "dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": "help-title" },
        this.helpTitle,
        this.helpList,
        el("div", { class: "dialog-actions" }, this.helpClose),
      ),
    );
    return el("div", { class: "app" }, sidebar, main, this.settingsDialog, this.helpDialog);
  }

  private wireEvents(): void {
    this.newButton.addEventListener("click", () => void this.newArticle());
    this.deleteButton.addEventListener("click", () => void this.deleteCurrent());
    this.titleInput.addEventListener("input", () => {
      if (!this.current) return;
      this.current.title = this.titleInput.value;
      this.updateListTitle(this.current.id, this.current.title);
      this.autosaver.changed();
    });
    this.themeSelect.addEventListener("change", () => {
      const choice = this.themeSelect.value as ThemeChoice;
      applyTheme(this.storage, document.documentElement, choice);
    });
    this.settingsButton.addEventListener("click", () => this.openDialog(this.settingsDialog));
    this.settingsClose.addEventListener("click", () => this.closeDialogs());
    this.helpButton.addEventListener("click", () => this.openDialog(this.helpDialog));
    this.helpClose.addEventListener("click", () => this.closeDialogs());
    this.previewToggle.addEventListener("click", () => this.setPreviewShown(this.preview.hidden));
    this.langSelect.addEventListener("change", () => {
      const choice = this.langSelect.value;
      const lang = LANGS.find((l) => l === choice);
      storeLang(this.storage, lang);
      this.i18n.lang = lang ?? detectLang(this.osLanguages);
      this.applyLanguage();
    });
    // Capture phase, so shortcuts work wherever the focus is, the editor included.
    window.addEventListener(
      "keydown",
      (event) => {
        if (event.key === "Escape" && this.closeDialogs()) {
          event.preventDefault();
          return;
        }
        const shortcut = match(event, this.mac);
        if (!shortcut) return;
        event.preventDefault();
        event.stopPropagation();
        this.perform(shortcut.action);
      },
      { capture: true, signal: this.listeners.signal },
    );
  }

  private applyLanguage(): void {
    const t = (key: MessageKey) => this.i18n.t(key);
    document.documentElement.lang = this.i18n.lang;
    this.heading.textContent = t("appName");
    this.newButton.textContent = `+ ${t("newArticle")}`;
    this.list.setAttribute("aria-label", t("articles"));
    this.emptyList.textContent = t("emptyList");
    this.langLabel.textContent = t("language");
    this.settingsButton.textContent = `⚙ ${t("settings")}`;
    this.helpButton.textContent = "?";
    this.helpButton.setAttribute("aria-label", t("shortcuts"));
    this.helpButton.title = t("shortcuts");
    this.settingsTitle.textContent = t("settings");
    this.settingsClose.textContent = t("close");
    this.helpTitle.textContent = t("shortcuts");
    this.helpClose.textContent = t("close");
    this.helpList.replaceChildren(
      ...SHORTCUTS.flatMap((s) => [
        el("dt", {}, el("kbd", {}, describe(s, this.mac))),
        el("dd", {}, t(s.label)),
      ]),
    );
    this.themeLabel.textContent = t("theme");
    this.themeSelect.replaceChildren(
      el("option", { value: "system" }, t("themeSystem")),
      el("option", { value: "light" }, t("themeLight")),
      el("option", { value: "dark" }, t("themeDark")),
    );
    this.themeSelect.value = storedTheme(this.storage);
    this.preview.setAttribute("aria-label", t("preview"));
    this.previewToggle.textContent = t(this.preview.hidden ? "showPreview" : "hidePreview");
    const chosen = storedLang(this.storage);
    this.langSelect.replaceChildren(
      el("option", { value: "auto" }, t("languageAuto")),
      ...LANGS.map((lang) => el("option", { value: lang }, t(`langName_${lang}` as MessageKey))),
    );
    this.langSelect.value = chosen ?? "auto";
    this.titleLabel.textContent = t("titleLabel");
    this.titleInput.placeholder = t("titlePlaceholder");
    this.editor.setPlaceholder(t("bodyPlaceholder"));
    this.editor.setLabel(t("editorLabel"));
    this.deleteButton.textContent = t("deleteArticle");
    this.placeholderText.textContent = t("noSelection");
    this.showSaveState(this.autosaver.current, this.lastError);
    this.renderList();
    this.updateStats();
  }

  /** Stops listening to the window and cancels pending timers; pending text is not saved. */
  dispose(): void {
    this.listeners.abort();
    this.autosaver.reset();
    if (this.previewTimer !== undefined) clearTimeout(this.previewTimer);
  }

  private perform(action: Action): void {
    switch (action) {
      case "new":
        void this.newArticle();
        break;
      case "save":
        void this.autosaver.flush();
        break;
      case "find":
        if (this.current) this.editor.openSearch();
        break;
      case "focusList": {
        const item =
          this.list.querySelector<HTMLElement>('[aria-current="true"]') ??
          this.list.querySelector<HTMLElement>(".article-item") ??
          this.newButton;
        item.focus();
        break;
      }
      case "focusEditor":
        if (this.current) this.editor.focus();
        else this.titleInput.focus();
        break;
      case "focusPreview":
        if (!this.current) break;
        this.setPreviewShown(true);
        this.preview.focus();
        break;
      case "togglePreview":
        this.setPreviewShown(this.preview.hidden);
        break;
      case "help":
        if (this.helpDialog.hidden) this.openDialog(this.helpDialog);
        else this.closeDialogs();
        break;
    }
  }

  private openDialog(dialog: HTMLElement): void {
    this.closeDialogs();
    dialog.hidden = false;
    dialog.querySelector<HTMLElement>("select, button")?.focus();
  }

  /** Closes any open dialog; says whether one was open. */
  private closeDialogs(): boolean {
    const open = [this.settingsDialog, this.helpDialog].filter((d) => !d.hidden);
    for (const dialog of open) dialog.hidden = true;
    return open.length > 0;
  }

  private setPreviewShown(shown: boolean): void {
    this.preview.hidden = !shown;
    this.previewToggle.setAttribute("aria-expanded", String(shown));
    this.previewToggle.textContent = this.i18n?.t(shown ? "hidePreview" : "showPreview") ?? "";
    if (shown) this.storage.removeItem("redaksi.preview");
    else this.storage.setItem("redaksi.preview", "off");
    if (shown) this.schedulePreview(0);
  }

  /** Updates the counts and (when shown) the preview once typing pauses. */
  private schedulePreview(delay = this.previewDelayMs): void {
    if (this.previewTimer !== undefined) clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => {
      this.previewTimer = undefined;
      this.updateStats();
      void this.updatePreview();
    }, delay);
  }

  private updateStats(): void {
    const stats = textStats(this.current?.body ?? "", this.i18n.lang);
    const number = new Intl.NumberFormat(this.i18n.lang);
    this.wordCount.textContent = `${number.format(stats.words)} ${this.i18n.t("words")}`;
    this.charCount.textContent = `${number.format(stats.characters)} ${this.i18n.t("characters")}`;
    this.readingTime.textContent = `${number.format(stats.readingMinutes)} ${this.i18n.t("minutesRead")}`;
  }

  private async updatePreview(): Promise<void> {
    if (this.preview.hidden || !this.current) return;
    const request = ++this.previewRequest;
    try {
      const html = await backend.renderPreview(this.current.body);
      // The HTML comes from Rust's sanitiser (and the CSP forbids inline scripts besides).
      if (request === this.previewRequest) this.preview.innerHTML = html;
    } catch (error) {
      if (request === this.previewRequest) this.preview.textContent = backend.toBackendError(error).message;
    }
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
    this.list.replaceChildren(
      ...this.articles.map((summary) => {
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
    this.preview.replaceChildren();
    this.renderList();
    this.schedulePreview(0);
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
