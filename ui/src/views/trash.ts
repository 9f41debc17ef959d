// The trash: deleted articles, newest first, each restorable until the 30-day purge.
import * as backend from "../lib/backend";
import type { TrashItem } from "../lib/backend";
import type { I18n } from "../lib/i18n";
import { dateTime } from "./data-settings";
import { el } from "./dom";
import { Overlay } from "./overlay";

export class TrashPanel {
  private readonly overlay: Overlay;
  /** Opens the trash; the app puts it on the dashboard. */
  readonly openButton = el("button", { type: "button", "data-testid": "open-trash" });
  private readonly hint = el("p", { class: "muted small" });
  private readonly list = el("ul", { class: "trash-list", "data-testid": "trash-list" });
  private readonly status = el("p", { class: "small", role: "status", "data-testid": "trash-status" });
  private items: TrashItem[] = [];

  constructor(
    private readonly i18n: I18n,
    private readonly onRestored: (id: string) => void,
  ) {
    this.overlay = new Overlay("trash", () => i18n.t("close"));
    this.overlay.body.append(this.hint, this.list, this.status);
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

  applyLanguage(): void {
    const t = this.i18n;
    this.overlay.title.textContent = t.t("trashTitle");
    this.openButton.textContent = t.t("trashOpen");
    this.hint.textContent = t.t("trashHint");
    this.render();
  }

  private async reload(): Promise<void> {
    try {
      this.items = await backend.listTrash();
    } catch (error) {
      const e = backend.toBackendError(error);
      this.status.textContent = this.i18n.error(e.code, e.message);
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
      await backend.restoreFromTrash(id);
      this.status.textContent = this.i18n.t("trashRestored");
      this.onRestored(id);
    } catch (error) {
      const e = backend.toBackendError(error);
      this.status.textContent = this.i18n.error(e.code, e.message);
    }
    await this.reload();
  }
}
