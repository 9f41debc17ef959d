// The conflict dialog: the post changed in the CMS since Redaksi last sent it. Both versions
// side by side; the user overwrites the CMS, keeps the CMS's version (the local text becomes a
// new draft), or cancels. Whatever they pick, the local text stays.
import type { Article, ConflictView, OutboxItem } from "../lib/backend";
import { type I18n, translated } from "../lib/i18n";
import { el } from "./dom";
import { Overlay } from "./overlay";

export interface ConflictDeps {
  load(id: number): Promise<ConflictView>;
  overwrite(id: number): Promise<unknown>;
  keepRemote(id: number, copyTitle: string): Promise<Article>;
  /** After an answer: the outbox reloads, a kept copy may be opened. */
  done(copy: Article | undefined): void;
}

export class ConflictDialog {
  private readonly overlay: Overlay;
  private readonly explain = el("p", {});
  private readonly localHead = el("h3", translated("conflictLocal"));
  private readonly remoteHead = el("h3", translated("conflictRemote"));
  private readonly localTitle = el("p", { class: "conflict-title", "data-testid": "conflict-local-title" });
  private readonly remoteTitle = el("p", { class: "conflict-title", "data-testid": "conflict-remote-title" });
  private readonly remoteMeta = el("p", { class: "muted small" });
  private readonly local = el("div", { class: "markdown-body conflict-text", "data-testid": "conflict-local" });
  private readonly remote = el("div", { class: "markdown-body conflict-text", "data-testid": "conflict-remote" });
  private readonly overwriteButton = el("button", { type: "button", class: "danger", "data-testid": "conflict-overwrite", ...translated("conflictOverwrite") });
  private readonly keepButton = el("button", { type: "button", class: "primary", "data-testid": "conflict-keep-remote", ...translated("conflictKeepRemote") });
  private readonly cancelButton = el("button", { type: "button", "data-testid": "conflict-cancel", ...translated("conflictCancel") });
  private readonly error = el("p", { class: "notice", role: "alert", hidden: "" });
  private view: ConflictView | undefined;

  constructor(
    private readonly i18n: I18n,
    private readonly events: ConflictDeps,
  ) {
    this.overlay = new Overlay("conflict-dialog", "conflictTitle");
    this.overlay.root.classList.add("overlay-wide");
    const sides = el(
      "div",
      { class: "conflict-sides" },
      el("section", { class: "conflict-side" }, this.localHead, this.localTitle, this.local),
      el("section", { class: "conflict-side" }, this.remoteHead, this.remoteTitle, this.remoteMeta, this.remote),
    );
    const actions = el("div", { class: "dialog-actions" }, this.cancelButton, this.keepButton, this.overwriteButton);
    this.overlay.body.append(this.explain, this.error, sides, actions);
    this.cancelButton.addEventListener("click", () => this.overlay.close());
    this.overwriteButton.addEventListener("click", () => void this.answer("overwrite"));
    this.keepButton.addEventListener("click", () => void this.answer("keep"));
  }

  get root(): HTMLElement {
    return this.overlay.root;
  }

  get isOpen(): boolean {
    return this.overlay.isOpen;
  }

  async open(item: OutboxItem): Promise<void> {
    this.error.hidden = true;
    this.view = undefined;
    this.local.replaceChildren();
    this.remote.replaceChildren();
    this.overlay.show();
    try {
      const view = await this.events.load(item.id);
      this.view = view;
      const t = this.i18n;
      this.explain.textContent = t.t("conflictExplain", { target: view.target });
      this.localTitle.textContent = view.local_title;
      this.remoteTitle.textContent = view.remote_title ?? "";
      this.remoteMeta.textContent = [
        view.remote_modified ? t.t("conflictRemoteModified", { time: this.time(view.remote_modified) }) : "",
        view.remote_url ?? "",
      ]
        .filter(Boolean)
        .join(" · ");
      // Both are sanitised by Rust (the article crate's sanitiser), as the preview pane is.
      this.local.innerHTML = view.local_html;
      this.remote.innerHTML = view.remote_html;
    } catch (error) {
      this.fail(error);
    }
  }

  /** WordPress's `modified_gmt` has no zone (it is UTC); Ghost's `updated_at` has one. */
  private time(stamp: string): string {
    const at = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(stamp) ? stamp : `${stamp}Z`);
    if (Number.isNaN(at.getTime())) return stamp;
    return new Intl.DateTimeFormat(this.i18n.locale, {
      dateStyle: "medium",
      timeStyle: "short",
    }).format(at);
  }

  private fail(error: unknown): void {
    this.error.textContent = this.i18n.failure(error);
    this.error.hidden = false;
  }

  private async answer(choice: "overwrite" | "keep"): Promise<void> {
    const view = this.view;
    if (!view) return;
    try {
      let copy: Article | undefined;
      if (choice === "overwrite") await this.events.overwrite(view.id);
      else copy = await this.events.keepRemote(view.id, this.i18n.t("conflictCopyTitle", { title: view.local_title }));
      this.overlay.close();
      this.events.done(copy);
    } catch (error) {
      this.fail(error);
    }
  }
}
