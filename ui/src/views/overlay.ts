// A modal layer: labelled, focus moved in on open and back on close, Escape closes it.
import { type MessageKey, translated } from "../lib/i18n";
import { el } from "./dom";

export class Overlay {
  readonly root: HTMLElement;
  readonly title: HTMLElement;
  readonly body = el("div", { class: "overlay-body" });
  readonly closeButton = el("button", { type: "button", class: "overlay-close", ...translated(undefined, { "aria-label": "close" }) }, "×");
  private returnFocus: HTMLElement | null = null;

  constructor(testId: string, titleKey: MessageKey) {
    const titleId = `${testId}-title`;
    this.title = el("h2", { class: "overlay-title", id: titleId, ...translated(titleKey) });
    const panel = el(
      "div",
      { class: "overlay-panel", role: "dialog", "aria-modal": "true", "aria-labelledby": titleId, "data-testid": testId },
      el("header", { class: "overlay-head" }, this.title, this.closeButton),
      this.body,
    );
    this.root = el("div", { class: "overlay", hidden: "" }, panel);
    this.closeButton.addEventListener("click", () => this.close());
    this.root.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        this.close();
      }
    });
    this.root.addEventListener("click", (event) => {
      if (event.target === this.root) this.close();
    });
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  show(): void {
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.root.hidden = false;
    (this.body.querySelector<HTMLElement>("input, select, button, [tabindex]") ?? this.closeButton).focus();
  }

  close(): void {
    this.root.hidden = true;
    this.returnFocus?.focus();
  }
}
