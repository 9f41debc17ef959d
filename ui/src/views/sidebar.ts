// The article list on the left: the newest articles, the open one marked, and "New article".
import type { ArticleSummary } from "../lib/backend";
import { type I18n, translated } from "../lib/i18n";
import { el } from "./dom";

/** What the list shows of an article (a save answers with no more than this). */
export type Listed = Pick<ArticleSummary, "id" | "title" | "updated_at">;

/** How many of the most recently updated articles the sidebar lists. */
const SIDEBAR_LIMIT = 200;

export interface SidebarDeps {
  open(id: string): void;
  create(): void;
}

export class Sidebar {
  readonly root: HTMLElement;
  private readonly newButton = el("button", { type: "button", "data-testid": "new-article", class: "primary" }, "+ ", el("span", translated("newArticle")));
  private readonly list = el("ul", { "data-testid": "article-list", class: "article-list", ...translated(undefined, { "aria-label": "articles" }) });
  private readonly emptyList = el("p", { class: "muted empty", ...translated("emptyList") });
  private articles: Listed[] = [];
  private openId: string | undefined;

  constructor(
    private readonly i18n: I18n,
    private readonly deps: SidebarDeps,
  ) {
    this.root = el(
      "aside",
      { class: "sidebar" },
      el("header", { class: "sidebar-head" }, el("h1", { class: "brand", ...translated("appName") }), this.newButton),
      // The UI language is chosen in the settings only: one menu, one place.
      el("nav", { class: "list-scroll" }, this.list, this.emptyList),
    );
    this.newButton.addEventListener("click", () => deps.create());
    i18n.onChange(() => this.render());
  }

  /** The whole list, newest first (from the backend). */
  set(articles: Listed[]): void {
    this.articles = articles;
    this.render();
  }

  get first(): Listed | undefined {
    return this.articles[0];
  }

  titleOf(id: string): string | undefined {
    return this.articles.find((a) => a.id === id)?.title;
  }

  /** Saved or created: the article moves to the top. */
  saved(summary: Listed): void {
    this.articles = [summary, ...this.articles.filter((a) => a.id !== summary.id)];
    this.render();
  }

  /** Changed without being edited: it keeps its place. */
  updated(summary: Listed): void {
    const index = this.articles.findIndex((a) => a.id === summary.id);
    if (index < 0) return;
    this.articles[index] = summary;
    this.render();
  }

  deleted(id: string): void {
    this.articles = this.articles.filter((a) => a.id !== id);
    this.render();
  }

  opened(id: string | undefined): void {
    this.openId = id;
    this.render();
  }

  /** The title as it is typed, without redrawing the list. */
  retitled(id: string, title: string): void {
    const summary = this.articles.find((a) => a.id === id);
    if (summary) summary.title = title;
    for (const button of this.list.querySelectorAll<HTMLElement>(".article-item")) {
      const label = button.querySelector(".item-title");
      if (button.dataset.id === id && label) label.textContent = title.trim() || this.i18n.t("untitled");
    }
  }

  /** Ctrl+1: the first article, or "New article" when there is none. */
  focus(): void {
    (this.list.querySelector<HTMLElement>("button") ?? this.newButton).focus();
  }

  private render(): void {
    const dateFormat = new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: "medium", timeStyle: "short" });
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
        if (summary.id === this.openId) button.setAttribute("aria-current", "true");
        button.addEventListener("click", () => this.deps.open(summary.id));
        return el("li", {}, button);
      }),
    );
    this.emptyList.hidden = this.articles.length > 0;
  }
}
