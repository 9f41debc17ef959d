// Publishing in the desk: the Publish button and dialog, the outbox (its button shows how many
// requests are not sent yet) and the conflict dialog, wired to lib/backend.ts. The app mounts
// the two buttons and the overlays and forwards the shortcut and language changes.
import * as backend from "../lib/backend";
import type { Article, OutboxItem } from "../lib/backend";
import type { I18n } from "../lib/i18n";
import { exportFolder } from "./accounts";
import { ConflictDialog } from "./conflict";
import { el } from "./dom";
import { OutboxPanel } from "./outbox";
import { PublishDialog } from "./publish-dialog";

export interface PublishingHost {
  /** The open article's id once everything typed is stored, or undefined. */
  article(): Promise<string | undefined>;
  /** A conflict's local text was kept as a new draft. */
  copied(article: Article): void;
  titleOf(articleId: string): string | undefined;
}

export class Publishing {
  readonly publishButton = el("button", { type: "button", class: "tool", "data-testid": "publish-button" });
  readonly outboxButton = el("button", { type: "button", class: "icon-button", "data-testid": "outbox-button" });
  private readonly dialog: PublishDialog;
  private readonly outbox: OutboxPanel;
  private readonly conflict: ConflictDialog;
  private waiting = 0;

  constructor(
    private readonly i18n: I18n,
    storage: Storage,
    host: PublishingHost,
  ) {
    this.conflict = new ConflictDialog(i18n, {
      load: (id) => backend.outboxConflict(id),
      overwrite: (id) => backend.retryOutbox(id, true, false),
      keepRemote: (id, title) => backend.keepRemote(id, title),
      done: (copy) => {
        if (copy) host.copied(copy);
        void this.outbox.refresh();
      },
    });
    this.outbox = new OutboxPanel(i18n, {
      list: async () => {
        const items = await backend.listOutbox();
        this.count(items);
        return items;
      },
      retry: (id, overwrite, confirm) => backend.retryOutbox(id, overwrite, confirm),
      resolve: (item) => void this.conflict.open(item),
      subscribe: (handler) => backend.onOutboxProgress(handler),
      titleOf: (id) => host.titleOf(id),
    });
    this.dialog = new PublishDialog(i18n, {
      article: () => host.article(),
      targets: () => backend.listTargets(),
      preview: (id, to, status, at) => backend.previewPayload(id, to, status, at),
      enqueue: (id, target, status, at) => backend.enqueuePublish(id, target, status, at),
      exportFile: (id, format) => backend.exportArticle(id, format, exportFolder(storage)),
      queued: () => void this.outbox.open(),
    });
    this.publishButton.addEventListener("click", () => void this.open());
    this.outboxButton.addEventListener("click", () => void this.outbox.open());
  }

  get overlays(): HTMLElement[] {
    return [this.dialog.root, this.outbox.root, this.conflict.root];
  }

  /** Listens to the worker for the app's lifetime. */
  start(): Promise<void> {
    return this.outbox.start();
  }

  dispose(): void {
    this.outbox.dispose();
  }

  open(): Promise<void> {
    return this.dialog.open();
  }

  private count(items: OutboxItem[]): void {
    this.waiting = items.filter((i) => i.state !== "sent").length;
    this.label();
  }

  private label(): void {
    const t = this.i18n;
    this.outboxButton.textContent = this.waiting ? `${t.t("outbox")} (${this.waiting})` : t.t("outbox");
  }

  applyLanguage(): void {
    this.publishButton.textContent = this.i18n.t("publish");
    this.publishButton.title = `${this.i18n.t("publish")} (Ctrl+Shift+P)`;
    this.label();
    this.dialog.applyLanguage();
    this.outbox.applyLanguage();
    this.conflict.applyLanguage();
  }
}
