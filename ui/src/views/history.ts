// History: a timeline of revisions with named versions marked, a word diff of any revision
// against the current text (or of two revisions), restore with a confirmation, and naming the
// current version.
import type { DiffChunk, RevisionDiff, RevisionInfo } from "../lib/backend";
import { type I18n, translated } from "../lib/i18n";
import { el, field } from "./dom";
import { Overlay } from "./overlay";

export interface HistoryDeps {
  listRevisions(id: string): Promise<RevisionInfo[]>;
  /** `null` stands for the article as it is now. */
  diffRevisions(id: string, from: number | null, to: number | null): Promise<RevisionDiff>;
  restoreRevision(id: string, rev: number): Promise<unknown>;
  nameVersion(id: string, name: string): Promise<RevisionInfo>;
}

/** Inline word diff: deletions struck through, insertions underlined, both labelled. */
export function renderDiff(chunks: DiffChunk[]): HTMLElement {
  return el(
    "div",
    { class: "diff", "data-testid": "diff" },
    ...chunks.map((chunk) =>
      chunk.op === "equal" ? chunk.text : el(chunk.op === "insert" ? "ins" : "del", {}, chunk.text),
    ),
  );
}

/**
 * A revision's label in the UI language. Only a named version shows the name the reporter
 * typed; every other kind is labelled here, because the store records some kinds with an
 * English note (a restore is "restored from revision N"), which must not reach an Indonesian
 * screen.
 */
export function revisionLabel(t: I18n, rev: Pick<RevisionInfo, "kind" | "name">): string {
  if (rev.kind === "named" && rev.name) return `★ ${rev.name}`;
  if (rev.kind === "restore") {
    const from = /(\d+)\s*$/.exec(rev.name ?? "")?.[1];
    if (from) return t.t("restoredFrom", { n: from });
  }
  return t.maybe(`kind_${rev.kind}`, rev.kind);
}

export class HistoryPanel {
  private readonly overlay: Overlay;
  private readonly timeline = el("ol", { class: "timeline", "data-testid": "history-list" });
  private readonly detail = el("div", { class: "history-detail" });
  private readonly nameInput = el("input", { type: "text", "data-testid": "version-name", ...translated(undefined, { placeholder: "versionName" }) });
  private readonly nameButton = el("button", { type: "submit", "data-testid": "name-version", ...translated("saveName") });
  private readonly status = el("p", { class: "small", role: "status", "data-testid": "history-status" });
  private articleId: string | undefined;
  private revisions: RevisionInfo[] = [];
  private chosen: number | undefined;

  constructor(
    private readonly i18n: I18n,
    private readonly deps: HistoryDeps,
  ) {
    this.overlay = new Overlay("history-panel", "historyTitle");
    const form = el("form", { class: "name-form" }, field(el("label", translated("nameVersion")), this.nameInput), this.nameButton);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.nameCurrent();
    });
    this.overlay.body.append(form, this.status, el("div", { class: "history-columns" }, this.timeline, this.detail));
    i18n.onChange(() => this.renderTimeline());
  }

  get root(): HTMLElement {
    return this.overlay.root;
  }

  async open(articleId: string): Promise<void> {
    this.articleId = articleId;
    this.chosen = undefined;
    this.status.textContent = "";
    this.detail.replaceChildren();
    this.overlay.show();
    await this.reload();
  }

  private async reload(): Promise<void> {
    if (!this.articleId) return;
    try {
      this.revisions = await this.deps.listRevisions(this.articleId);
    } catch (error) {
      this.fail(error);
      this.revisions = [];
    }
    this.renderTimeline();
  }

  private fail(error: unknown): void {
    this.status.textContent = this.i18n.failure(error);
  }

  private renderTimeline(): void {
    const t = this.i18n;
    const dates = new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeStyle: "medium" });
    if (this.revisions.length === 0) {
      this.timeline.replaceChildren(el("li", { class: "muted" }, t.t("noRevisions")));
      return;
    }
    this.timeline.replaceChildren(
      ...this.revisions.map((rev) => {
        const button = el(
          "button",
          { type: "button", class: "history-entry", "aria-pressed": String(rev.id === this.chosen) },
          el("time", { datetime: rev.created_at }, dates.format(new Date(rev.created_at))),
          el("span", { class: `kind kind-${rev.kind}` }, revisionLabel(t, rev)),
          el("span", { class: "muted small" }, `${rev.title || t.t("untitled")} · ${t.t("wordCount", { n: rev.word_count })}`),
        );
        button.addEventListener("click", () => void this.choose(rev));
        return el("li", { "data-testid": "history-item", "data-rev": String(rev.id), "data-kind": rev.kind, class: rev.kind === "named" ? "named" : "" }, button);
      }),
    );
  }

  private async choose(rev: RevisionInfo): Promise<void> {
    if (!this.articleId) return;
    this.chosen = rev.id;
    this.renderTimeline();
    const t = this.i18n;
    let diff: RevisionDiff;
    try {
      diff = await this.deps.diffRevisions(this.articleId, rev.id, null);
    } catch (error) {
      this.fail(error);
      return;
    }
    const restore = el("button", { type: "button", class: "danger", "data-testid": "restore-revision" }, t.t("restore"));
    restore.addEventListener("click", () => this.confirmRestore(rev, restore));
    this.detail.replaceChildren(
      el("h3", { class: "group-title" }, t.t("compare")),
      renderDiff(diff.title),
      renderDiff(diff.body),
      diff.meta_changed ? el("p", { class: "muted small" }, t.t("metaChanged")) : "",
      restore,
    );
  }

  private confirmRestore(rev: RevisionInfo, trigger: HTMLElement): void {
    const t = this.i18n;
    const yes = el("button", { type: "button", class: "danger", "data-testid": "confirm-restore" }, t.t("confirm"));
    const no = el("button", { type: "button" }, t.t("cancel"));
    const box = el("div", { class: "confirm", role: "alertdialog", "aria-label": t.t("confirmRestore") }, el("p", {}, t.t("confirmRestore")), yes, no);
    trigger.replaceWith(box);
    no.addEventListener("click", () => box.replaceWith(trigger));
    yes.addEventListener("click", () => void this.restore(rev));
    no.focus();
  }

  private async restore(rev: RevisionInfo): Promise<void> {
    if (!this.articleId) return;
    try {
      await this.deps.restoreRevision(this.articleId, rev.id);
      this.status.textContent = this.i18n.t("restored");
      this.detail.replaceChildren();
      this.chosen = undefined;
      await this.reload();
    } catch (error) {
      this.fail(error);
    }
  }

  private async nameCurrent(): Promise<void> {
    const name = this.nameInput.value.trim();
    if (!this.articleId || !name) return;
    try {
      await this.deps.nameVersion(this.articleId, name);
      this.nameInput.value = "";
      await this.reload();
    } catch (error) {
      this.fail(error);
    }
  }
}
