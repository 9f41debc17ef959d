// Publishing in the desk: the Publish button and dialog, the outbox (its button shows how many
// requests are not sent yet) and the conflict dialog, wired to the backend's publishing calls.
// The app mounts the two buttons and the overlays and forwards the shortcut.
import type {
  Article,
  ConflictView,
  Destination,
  ExportFormat,
  OutboxItem,
  OutboxProgress,
  PayloadView,
  PublishStatus,
  PublishTarget,
} from "../lib/backend";
import { type I18n, translated } from "../lib/i18n";
import { exportFolder } from "./accounts";
import { ConflictDialog } from "./conflict";
import { el } from "./dom";
import { OutboxPanel } from "./outbox";
import { PublishDialog } from "./publish-dialog";

/** The backend's publishing calls. */
export interface PublishingApi {
  listTargets(): Promise<PublishTarget[]>;
  previewPayload(articleId: string, destination: Destination, status: PublishStatus, publishAt: string | null): Promise<PayloadView>;
  enqueuePublish(articleId: string, target: string, status: PublishStatus, publishAt: string | null): Promise<OutboxItem>;
  exportArticle(articleId: string, format: ExportFormat, folder: string | null): Promise<{ path: string }>;
  listOutbox(): Promise<OutboxItem[]>;
  retryOutbox(id: number, overwrite: boolean, confirm: boolean): Promise<OutboxItem>;
  onOutboxProgress(handler: (progress: OutboxProgress) => void): Promise<() => void>;
  outboxConflict(id: number): Promise<ConflictView>;
  keepRemote(id: number, copyTitle: string): Promise<Article>;
}

export interface PublishingDeps {
  api: PublishingApi;
  /** Where the export folder setting is kept. */
  storage: Storage;
  /** The open article's id once everything typed is stored, or undefined. */
  article(): Promise<string | undefined>;
  /** A conflict's local text was kept as a new draft. */
  copied(article: Article): void;
  titleOf(articleId: string): string | undefined;
}

export class Publishing {
  readonly publishButton = el("button", { type: "button", class: "tool", "data-testid": "publish-button", ...translated("publish", { title: "publishWithShortcut" }) });
  readonly outboxButton = el("button", { type: "button", class: "icon-button", "data-testid": "outbox-button" });
  private readonly dialog: PublishDialog;
  private readonly outbox: OutboxPanel;
  private readonly conflict: ConflictDialog;
  private waiting = 0;

  constructor(
    private readonly i18n: I18n,
    host: PublishingDeps,
  ) {
    const { api } = host;
    this.conflict = new ConflictDialog(i18n, {
      load: (id) => api.outboxConflict(id),
      overwrite: (id) => api.retryOutbox(id, true, false),
      keepRemote: (id, title) => api.keepRemote(id, title),
      done: (copy) => {
        if (copy) host.copied(copy);
        void this.outbox.refresh();
      },
    });
    this.outbox = new OutboxPanel(i18n, {
      list: async () => {
        const items = await api.listOutbox();
        this.count(items);
        return items;
      },
      retry: (id, overwrite, confirm) => api.retryOutbox(id, overwrite, confirm),
      resolve: (item) => void this.conflict.open(item),
      subscribe: (handler) => api.onOutboxProgress(handler),
      titleOf: (id) => host.titleOf(id),
    });
    this.dialog = new PublishDialog(i18n, {
      article: () => host.article(),
      targets: () => api.listTargets(),
      preview: (id, to, status, at) => api.previewPayload(id, to, status, at),
      enqueue: (id, target, status, at) => api.enqueuePublish(id, target, status, at),
      exportFile: (id, format) => api.exportArticle(id, format, exportFolder(host.storage)),
      queued: () => void this.outbox.open(),
    });
    this.publishButton.addEventListener("click", () => void this.open());
    this.outboxButton.addEventListener("click", () => void this.outbox.open());
    this.label();
    i18n.onChange(() => this.label());
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
}
