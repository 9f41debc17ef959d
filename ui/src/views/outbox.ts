// The outbox list: every publish request with its state, live from the worker's
// `outbox-progress` event, errors explained in the user's language, and the answer each
// stopped row needs (retry, confirm a passed schedule, compare a conflict).
import type { OutboxItem, OutboxProgress } from "../lib/backend";
import { type I18n, type MessageKey, translated } from "../lib/i18n";
import { el } from "./dom";
import { Overlay } from "./overlay";

export interface OutboxDeps {
  list(): Promise<OutboxItem[]>;
  retry(id: number, overwrite: boolean, confirm: boolean): Promise<OutboxItem>;
  /** Opens the conflict dialog for a row. */
  resolve(item: OutboxItem): void;
  /** Subscribes to the worker's progress; resolves to the unsubscribe. */
  subscribe(handler: (progress: OutboxProgress) => void): Promise<() => void>;
  /** The article's title, when the app knows it. */
  titleOf?(articleId: string): string | undefined;
}

/**
 * The stable code of why a row stopped: the worker leaves it in the row's report; the state
 * says it for rows that stopped without an error code.
 */
export function errorCode(item: OutboxItem): string | undefined {
  if (item.state === "sent") return undefined;
  if (item.report) {
    try {
      const report = JSON.parse(item.report) as { error_code?: unknown };
      if (typeof report.error_code === "string") {
        return item.state === "needs-auth" ? "needs_auth" : report.error_code;
      }
    } catch {
      // A report from another version: the state below still explains the row.
    }
  }
  if (item.state === "needs-auth") return "needs_auth";
  if (item.state === "needs-confirmation") return "needs_confirmation";
  if (item.state === "conflict") return "conflict";
  return item.last_error ? "invalid" : undefined;
}

/** Why a row stopped, in the user's language, with the CMS's own words as the detail. */
export function explain(i18n: I18n, item: OutboxItem): string | undefined {
  const code = errorCode(item);
  if (!code) return undefined;
  // `remote:<wordpress code>`: WordPress's code is the detail, the sentence is ours.
  const key = code.startsWith("remote:") ? "remote" : code.startsWith("store:") ? code.slice(6) : code;
  return i18n.error(key, item.last_error ?? code);
}

/** Which answers a row offers. */
export function actionsFor(item: OutboxItem): ("retry" | "confirm" | "resolve")[] {
  switch (item.state) {
    case "failed":
    case "needs-auth":
      return ["retry"];
    case "needs-confirmation":
      return ["confirm"];
    case "conflict":
      return ["resolve"];
    default:
      return [];
  }
}

export class OutboxPanel {
  private readonly overlay: Overlay;
  private readonly list = el("ul", { class: "outbox-list", "data-testid": "outbox-list", "aria-live": "polite", ...translated(undefined, { "aria-label": "outbox" }) });
  private readonly empty = el("p", { class: "muted", ...translated("outboxEmpty") });
  private readonly error = el("p", { class: "notice", role: "alert", hidden: "" });
  private items: OutboxItem[] = [];
  /** What the worker said last about a row that is still under way. */
  private readonly live = new Map<number, string>();
  private unsubscribe: (() => void) | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;

  constructor(
    private readonly i18n: I18n,
    private readonly events: OutboxDeps,
  ) {
    this.overlay = new Overlay("outbox", "outbox");
    this.overlay.root.classList.add("overlay-wide");
    this.overlay.body.append(this.error, this.list, this.empty);
    i18n.onChange(() => this.render());
  }

  get root(): HTMLElement {
    return this.overlay.root;
  }

  get isOpen(): boolean {
    return this.overlay.isOpen;
  }

  /** Starts listening to the worker; the list stays current while the app runs. */
  async start(): Promise<void> {
    this.unsubscribe = await this.events.subscribe((progress) => this.progress(progress));
    await this.refresh();
  }

  dispose(): void {
    this.unsubscribe?.();
  }

  async open(): Promise<void> {
    this.overlay.show();
    await this.refresh();
  }

  close(): void {
    this.overlay.close();
  }

  /** Loads the rows again; calls that arrive meanwhile are folded into one more load. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        try {
          this.items = await this.events.list();
          this.error.hidden = true;
        } catch (error) {
          this.error.textContent = this.i18n.failure(error);
          this.error.hidden = false;
        }
        this.render();
      } while (this.refreshAgain);
    })().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private progress(progress: OutboxProgress): void {
    const item = this.items.find((i) => i.id === progress.id);
    switch (progress.event) {
      case "sending":
        if (item) item.state = "sending";
        this.live.set(progress.id, this.i18n.t("outboxSendingAttempt", { attempt: progress.attempt + 1 }));
        break;
      case "uploaded":
        this.live.set(progress.id, this.i18n.t("outboxUploaded", { done: progress.done, total: progress.total }));
        break;
      case "retrying":
        if (item) item.state = "queued";
        this.live.set(progress.id, this.i18n.t("outboxRetryAt", { time: this.time(progress.at) }));
        break;
      case "finished":
        if (item) item.state = progress.state;
        this.live.delete(progress.id);
        break;
    }
    this.render();
    // The row's remote URL, error code and report come from the store.
    if (progress.event !== "uploaded") setTimeout(() => void this.refresh(), 0);
  }

  private time(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale, {
      dateStyle: "medium",
      timeStyle: "short",
    }).format(new Date(iso));
  }

  private render(): void {
    this.empty.hidden = this.items.length > 0;
    this.list.replaceChildren(...this.items.map((item) => this.row(item)));
  }

  private row(item: OutboxItem): HTMLElement {
    const t = this.i18n;
    const state = el(
      "span",
      { class: "outbox-state", "data-state": item.state },
      t.t(`outboxState_${item.state}` as MessageKey),
    );
    const head = el(
      "div",
      { class: "outbox-head" },
      el("strong", { class: "outbox-title" }, this.events.titleOf?.(item.article_id)?.trim() || t.t("untitled")),
      el("span", {}, `→ ${item.target}`),
      el("span", { class: "muted" }, t.t(`remoteStatus_${item.remote_status}` as MessageKey)),
      state,
    );
    if (item.publish_at) head.append(el("span", { class: "muted" }, t.t("outboxScheduledFor", { time: this.time(item.publish_at) })));
    const row = el("li", {
      class: "outbox-item",
      "data-testid": "outbox-item",
      "data-status": item.state,
      "data-id": String(item.id),
    }, head);
    const live = this.live.get(item.id);
    if (live && !["sent", "failed", "conflict", "needs-auth", "needs-confirmation"].includes(item.state)) {
      row.append(el("p", { class: "outbox-progress", "data-testid": "outbox-progress" }, live));
    }
    const why = explain(t, item);
    if (why) row.append(el("p", { class: "outbox-error", "data-testid": "outbox-error" }, why));
    if (item.state === "sent" && item.remote_url) {
      row.append(el("p", { class: "muted small" }, `${t.t("outboxOpen")}: ${item.remote_url}`));
    }
    const actions = el("div", { class: "outbox-actions" });
    for (const action of actionsFor(item)) {
      const label: MessageKey = action === "retry" ? "outboxRetry" : action === "confirm" ? "outboxConfirm" : "outboxResolve";
      const button = el("button", { type: "button", "data-testid": `outbox-${action}` }, t.t(label));
      button.addEventListener("click", () => void this.act(item, action));
      actions.append(button);
    }
    if (actions.childElementCount) row.append(actions);
    return row;
  }

  private async act(item: OutboxItem, action: "retry" | "confirm" | "resolve"): Promise<void> {
    if (action === "resolve") return this.events.resolve(item);
    try {
      await this.events.retry(item.id, false, action === "confirm");
      this.error.hidden = true;
    } catch (error) {
      this.error.textContent = this.i18n.failure(error);
      this.error.hidden = false;
    }
    await this.refresh();
  }
}
