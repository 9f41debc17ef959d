// The keyboard shortcut overlay (F1, Ctrl/Cmd+/ or the "?" button).
import type { I18n, MessageKey } from "../lib/i18n";
import { el } from "./dom";
import { Overlay } from "./overlay";

const isMac = typeof navigator !== "undefined" && /Mac/.test(navigator.platform);
const MOD = isMac ? "⌘" : "Ctrl";

export const SHORTCUTS: [string, MessageKey][] = [
  [`${MOD}+N`, "kbNew"],
  [`${MOD}+S`, "kbSave"],
  [`${MOD}+F`, "kbFind"],
  [`${MOD}+K`, "kbSearch"],
  [`${MOD}+Z / ${MOD}+Shift+Z`, "kbUndo"],
  [`${MOD}+1 / 2 / 3`, "kbPanes"],
  [`F1 · ${MOD}+/`, "kbHelp"],
];

export class HelpOverlay {
  private readonly overlay: Overlay;

  constructor(private readonly i18n: I18n) {
    this.overlay = new Overlay("shortcuts-overlay", () => i18n.t("close"));
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

  applyLanguage(): void {
    this.overlay.title.textContent = this.i18n.t("shortcuts");
    this.overlay.body.replaceChildren(
      el(
        "table",
        { class: "shortcuts" },
        el(
          "tbody",
          {},
          ...SHORTCUTS.map(([keys, label]) =>
            el("tr", {}, el("th", { scope: "row" }, el("kbd", {}, keys)), el("td", {}, this.i18n.t(label))),
          ),
        ),
      ),
    );
  }
}
