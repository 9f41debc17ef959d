// The keyboard shortcut overlay (F1, Ctrl/Cmd+/ or the "?" button), listing views/shortcuts.ts.
import { translated } from "../lib/i18n";
import { el } from "./dom";
import { Overlay } from "./overlay";
import { SHORTCUTS } from "./shortcuts";

export class HelpOverlay {
  private readonly overlay = new Overlay("shortcuts-overlay", "shortcuts");

  constructor() {
    const rows = SHORTCUTS.map(([keys, label]) => el("tr", {}, el("th", { scope: "row" }, el("kbd", {}, keys)), el("td", translated(label))));
    this.overlay.body.append(el("table", { class: "shortcuts" }, el("tbody", {}, ...rows)));
  }

  get root(): HTMLElement {
    return this.overlay.root;
  }

  get isOpen(): boolean {
    return this.overlay.isOpen;
  }

  open(): void {
    this.overlay.show();
  }

  close(): void {
    this.overlay.close();
  }
}
