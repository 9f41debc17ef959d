// The foundation window: the article list on the left, the title and the Markdown editor on the
// right, and the save state always in view. Plain DOM; every backend call goes through
// lib/backend.ts.
import { Autosaver, type SaveState } from "./lib/autosave";
import * as backend from "./lib/backend";
import type { Article, ArticleSummary } from "./lib/backend";
import { createEditor, type MarkdownEditor } from "./lib/editor";
import { I18n, LANGS, type MessageKey, detectLang, storeLang, storedLang } from "./lib/i18n";

export interface AppOptions {
  /** Milliseconds of quiet before an autosave; about a second keeps saves cheap and timely. */
  autosaveDelayMs?: number;
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

  // Elements that change after start-up.
  private readonly heading = el("h1", { class: "brand" });
  private readonly newButton = el("button", { type: "button", "data-testid": "new-article", class: "primary" });
  private readonly list = el("ul", { "data-testid": "article-list", class: "article-list" });
  private readonly emptyList = el("p", { class: "muted empty" });
  private readonly langLabel = el("label", { for: "lang-select" });
  private readonly langSelect = el("select", { id: "lang-select" });
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
    });
    this.wireEvents();
    this.applyLanguage();
    this.showSaveState("saved");
  }

  /** Loads the article list and opens the most recently updated article. */
  async start(): Promise<void> {
    await backend.onWindowClose(() => this.beforeClose());
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
      el("footer", { class: "sidebar-foot" }, this.langLabel, this.langSelect),
    );
    const toolbar = el(
      "div",
      { class: "toolbar" },
      this.titleLabel,
      this.titleInput,
      this.saveState,
      this.deleteButton,
    );
    this.documentPane.append(toolbar, this.editorHost);
    const main = el("main", { class: "workspace" }, this.notice, this.placeholderText, this.documentPane);
    return el("div", { class: "app" }, sidebar, main);
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
    this.langSelect.addEventListener("change", () => {
      const choice = this.langSelect.value;
      const lang = LANGS.find((l) => l === choice);
      storeLang(this.storage, lang);
      this.i18n.lang = lang ?? detectLang(this.osLanguages);
      this.applyLanguage();
    });
    // Capture phase, so the shortcut works wherever the focus is, the editor included.
    window.addEventListener(
      "keydown",
      (event) => {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
          event.preventDefault();
          void this.autosaver.flush();
        }
      },
      { capture: true },
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
