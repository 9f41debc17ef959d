// The trash: deleted articles, newest first, each restorable until the 30-day purge.
import type { TrashItem } from "../lib/backend";
import { type I18n, translated } from "../lib/i18n";
import { dateTime } from "./data-settings";
import { el } from "./dom";
import { Overlay } from "./overlay";

export interface TrashDeps {
  listTrash(): Promise<TrashItem[]>;
  restoreFromTrash(id: string): Promise<void>;
  /** An article came back: the lists must load again. */
  onRestored(id: string): void;
}

export class TrashPanel {
  private readonly overlay: Overlay;
  /** Opens the trash; the app puts it on the dashboard. */
  readonly openButton = el("button", { type: "button", "data-testid": "open-trash", ...translated("trashOpen") });
  private readonly hint = el("p", { class: "muted small", ...translated("trashHint") });
  private readonly list = el("ul", { class: "trash-list", "data-testid": "trash-list" });
  private readonly status = el("p", { class: "small", role: "status", "data-testid": "trash-status" });
  private items: TrashItem[] = [];

  constructor(
    private readonly i18n: I18n,
    private readonly deps: TrashDeps,
  ) {
    this.overlay = new Overlay("trash", "trashTitle");
    this.overlay.body.append(this.hint, this.list, this.status);
    i18n.onChange(() => this.render());
    this.openButton.addEventListener("click", () => void this.open());
  }

  get root(): HTMLElement {
    return this.overlay.root;
  }

  async open(): Promise<void> {
    this.status.textContent = "";
    this.overlay.show();
    await this.reload();
  }

  private async reload(): Promise<void> {
    try {
      this.items = await this.deps.listTrash();
    } catch (error) {
      this.status.textContent = this.i18n.failure(error);
      this.items = [];
    }
    this.render();
  }

  private render(): void {
    const t = this.i18n;
    if (this.items.length === 0) {
      this.list.replaceChildren(el("li", { class: "muted", "data-testid": "trash-empty" }, t.t("trashEmpty")));
      return;
    }
    this.list.replaceChildren(
      ...this.items.map(({ article, deleted_at }) => {
        const restore = el("button", { type: "button", "data-testid": "trash-restore" }, t.t("trashRestore"));
        restore.addEventListener("click", () => void this.restore(article.id));
        return el(
          "li",
          { "data-testid": "trash-item", "data-id": article.id },
          el("span", { class: "trash-title" }, article.title || t.t("untitled")),
          el("span", { class: "muted small" }, ` ${t.t("trashDeleted", { date: dateTime(t, deleted_at) })} `),
          restore,
        );
      }),
    );
  }

  private async restore(id: string): Promise<void> {
    try {
      await this.deps.restoreFromTrash(id);
      this.status.textContent = this.i18n.t("trashRestored");
      this.deps.onRestored(id);
    } catch (error) {
      this.status.textContent = this.i18n.failure(error);
    }
    await this.reload();
  }
}
