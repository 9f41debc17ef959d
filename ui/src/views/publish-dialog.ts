// The publish dialog (the Publish button, Ctrl/Cmd+Shift+P): pick a CMS account or a file
// format, see the exact payload the publisher builds, then publish now, schedule, or export.
import type {
  Destination,
  ExportFormat,
  OutboxItem,
  PayloadView,
  PublishStatus,
  PublishTarget,
} from "../lib/backend";
import { type I18n, type MessageKey, translated } from "../lib/i18n";
import { el, field } from "./dom";
import { Overlay } from "./overlay";

export const FORMATS: readonly ExportFormat[] = ["html", "md", "ninjs"];
const STATUSES: readonly PublishStatus[] = ["draft", "pending", "publish"];

export interface PublishDialogDeps {
  /** The article to publish, stored first (so the preview is built from what is sent). */
  article(): Promise<string | undefined>;
  targets(): Promise<PublishTarget[]>;
  preview(id: string, to: Destination, status: PublishStatus, at: string | null): Promise<PayloadView>;
  enqueue(id: string, target: string, status: PublishStatus, at: string | null): Promise<OutboxItem>;
  exportFile(id: string, format: ExportFormat): Promise<{ path: string }>;
  /** A CMS publish is queued: show the outbox. */
  queued(item: OutboxItem): void;
}

/** The option value of a destination, and back. */
export function destinationValue(to: Destination): string {
  return "target" in to ? `target:${to.target}` : `file:${to.format}`;
}

export function parseDestination(value: string): Destination | undefined {
  const [kind, ...rest] = value.split(":");
  const name = rest.join(":");
  if (kind === "target" && name) return { target: name };
  const format = FORMATS.find((f) => f === name);
  return kind === "file" && format ? { format } : undefined;
}

/** A `datetime-local` value (the user's local time) as RFC 3339 UTC, or why it cannot be used. */
export function scheduleTime(value: string, now: Date = new Date()): { at: string } | { problem: MessageKey } {
  if (!value) return { problem: "publishAtMissing" };
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return { problem: "publishAtMissing" };
  if (at.getTime() <= now.getTime()) return { problem: "publishAtPast" };
  return { at: at.toISOString() };
}

export class PublishDialog {
  private readonly overlay: Overlay;
  private readonly destination = el("select", { "data-testid": "publish-destination" });
  private readonly status = el("select", { "data-testid": "publish-status" }, ...STATUSES.map((s) => el("option", { value: s, ...translated(`remoteStatus_${s}`) })));
  private readonly schedule = el("input", { type: "checkbox", "data-testid": "publish-schedule" });
  private readonly at = el("input", { type: "datetime-local", "data-testid": "publish-at", disabled: "" });
  private readonly cmsFields = el("div", { class: "publish-cms" });
  private readonly previewBox = el("pre", { class: "payload-preview", "data-testid": "publish-preview", tabindex: "0" });
  private readonly notes = el("ul", { class: "muted small payload-notes" });
  private readonly hint = el("p", { class: "muted" });
  private readonly message = el("p", { class: "publish-message", role: "status", "data-testid": "publish-result" });
  private readonly confirm = el("button", { type: "button", class: "primary", "data-testid": "publish-confirm" });
  private articleId: string | undefined;
  private previewSeq = 0;

  constructor(
    private readonly i18n: I18n,
    private readonly events: PublishDialogDeps,
  ) {
    this.overlay = new Overlay("publish-dialog", "publishTitle");
    this.overlay.root.classList.add("overlay-wide");
    const row = (key: MessageKey, control: HTMLElement) => field(el("label", translated(key)), control);
    const scheduleLabel = el("label", {}, this.schedule, el("span", translated("publishSchedule")));
    this.cmsFields.append(row("publishStatus", this.status), el("div", { class: "field" }, scheduleLabel), row("publishAt", this.at));
    const previewLabel = el("h3", { class: "small", ...translated("publishPreview") });
    this.overlay.body.append(
      row("publishDestination", this.destination),
      this.hint,
      this.cmsFields,
      previewLabel,
      this.previewBox,
      this.notes,
      this.message,
      el("div", { class: "dialog-actions" }, this.confirm),
    );
    this.destination.addEventListener("change", () => this.changed());
    this.status.addEventListener("change", () => void this.refreshPreview());
    this.schedule.addEventListener("change", () => this.changed());
    this.at.addEventListener("change", () => void this.refreshPreview());
    this.confirm.addEventListener("click", () => void this.submit());
  }

  get root(): HTMLElement {
    return this.overlay.root;
  }

  get isOpen(): boolean {
    return this.overlay.isOpen;
  }

  async open(): Promise<void> {
    this.message.textContent = "";
    this.articleId = await this.events.article();
    if (!this.articleId) {
      this.overlay.show();
      this.showMessage(this.i18n.t("noArticle"));
      this.confirm.disabled = true;
      return;
    }
    let targets: PublishTarget[] = [];
    try {
      targets = await this.events.targets();
    } catch (error) {
      this.showError("publishError", error);
    }
    const previous = this.destination.value;
    this.fillDestinations(targets);
    if ([...this.destination.options].some((o) => o.value === previous)) this.destination.value = previous;
    this.hint.textContent = targets.length ? "" : this.i18n.t("publishNoAccounts");
    this.hint.hidden = targets.length > 0;
    this.overlay.show();
    this.changed();
  }

  close(): void {
    this.overlay.close();
  }

  private fillDestinations(targets: PublishTarget[]): void {
    const t = this.i18n;
    const cms = el("optgroup", { label: t.t("publishGroupCms") });
    for (const target of targets) {
      cms.append(el("option", { value: destinationValue({ target: target.name }) }, `${target.name} (${t.t(`accountKind_${target.kind}` as MessageKey)})`));
    }
    const files = el("optgroup", { label: t.t("publishGroupFile") });
    for (const format of FORMATS) {
      files.append(el("option", { value: destinationValue({ format }) }, t.t(`format_${format}` as MessageKey)));
    }
    this.destination.replaceChildren(...(targets.length ? [cms] : []), files);
  }

  private chosen(): Destination | undefined {
    return parseDestination(this.destination.value);
  }

  /** The status and time the request carries: "future" when scheduled. */
  private when(): { status: PublishStatus; at: string | null } | { problem: MessageKey } {
    const status = STATUSES.find((s) => s === this.status.value) ?? "draft";
    if (!this.schedule.checked) return { status, at: null };
    const time = scheduleTime(this.at.value);
    return "at" in time ? { status: "future", at: time.at } : time;
  }

  private changed(): void {
    const to = this.chosen();
    const cms = !!to && "target" in to;
    this.cmsFields.hidden = !cms;
    this.at.disabled = !this.schedule.checked;
    this.status.disabled = this.schedule.checked;
    this.confirm.textContent = this.i18n.t(!cms ? "exportButton" : this.schedule.checked ? "publishScheduleButton" : "publishNow");
    this.confirm.disabled = !to;
    void this.refreshPreview();
  }

  private async refreshPreview(): Promise<void> {
    const to = this.chosen();
    const id = this.articleId;
    if (!to || !id) return;
    const when = this.when();
    // An unfinished schedule still previews: the payload as a scheduled post, without its time.
    const status = "status" in when ? when.status : "future";
    const at = "status" in when ? when.at : null;
    const seq = ++this.previewSeq;
    try {
      const view = await this.events.preview(id, to, status, at);
      if (seq !== this.previewSeq) return;
      // Text, never HTML: the payload is shown exactly as it will be sent.
      this.previewBox.textContent = view.content;
      this.previewBox.dataset.kind = view.kind;
      const t = this.i18n;
      const notes: HTMLElement[] = [];
      if (view.pending.length) notes.push(el("li", {}, t.t("publishPending"), el("ul", {}, ...view.pending.map((p) => el("li", {}, p)))));
      const rm = view.rank_math;
      if (rm) {
        const field = (key: Parameters<typeof t.t>[0], value: string) => el("li", { "data-testid": `rank-math-${key}` }, `${t.t(key)}: ${value}`);
        notes.push(
          el(
            "li",
            { "data-testid": "publish-rank-math" },
            t.t("publishRankMath"),
            el(
              "ul",
              {},
              field("rankMathTitle", rm.title || t.t("rankMathTemplate")),
              field("rankMathDescription", rm.description),
              field("rankMathKeywords", rm.focus_keyword.split(",").join(", ")),
              field("rankMathScore", `${rm.seo_score} / 100`),
            ),
          ),
        );
      }
      if (view.dropped.length) {
        notes.push(el("li", {}, t.t("publishDropped"), el("ul", {}, ...view.dropped.map((d) => el("li", {}, `${d.field}: ${d.reason}`)))));
      }
      this.notes.replaceChildren(...notes);
    } catch (error) {
      if (seq !== this.previewSeq) return;
      this.previewBox.textContent = "";
      this.notes.replaceChildren();
      this.showError("previewError", error);
    }
  }

  private async submit(): Promise<void> {
    const to = this.chosen();
    const id = this.articleId;
    if (!to || !id) return;
    this.confirm.disabled = true;
    try {
      if ("format" in to) {
        const done = await this.events.exportFile(id, to.format);
        this.showMessage(this.i18n.t("exported", { path: done.path }));
        return;
      }
      const when = this.when();
      if ("problem" in when) {
        this.showMessage(this.i18n.t(when.problem));
        return;
      }
      const item = await this.events.enqueue(id, to.target, when.status, when.at);
      this.showMessage(this.i18n.t("publishQueued"));
      this.overlay.close();
      this.events.queued(item);
    } catch (error) {
      this.showError("publishError", error);
    } finally {
      this.confirm.disabled = false;
    }
  }

  private showMessage(text: string): void {
    this.message.textContent = text;
    this.message.classList.remove("notice");
  }

  private showError(key: MessageKey, error: unknown): void {
    this.message.textContent = `${this.i18n.t(key)}: ${this.i18n.failure(error)}`;
    this.message.classList.add("notice");
  }
}
