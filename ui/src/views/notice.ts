// The window's one line for what went wrong (a failed load, a refused command), in the UI's
// language, with the backend's own words after it.
import type { I18n, MessageKey } from "../lib/i18n";
import { el } from "./dom";

export class Notice {
  readonly root = el("p", { class: "notice", role: "alert", hidden: "" });

  constructor(private readonly i18n: I18n) {}

  /** Shows `key` (and what `error` says, when given); no key hides the line. */
  show(key: MessageKey | undefined, error?: unknown): void {
    this.root.hidden = !key;
    const text = key && this.i18n.t(key);
    this.root.textContent = !text ? "" : error === undefined ? text : `${text}: ${this.i18n.failure(error)}`;
  }
}
