// The keyboard shortcuts: what each does and how the help overlay lists it, in one place.
import type { MessageKey } from "../lib/i18n";

const isMac = typeof navigator !== "undefined" && /Mac/.test(navigator.platform);
const MOD = isMac ? "⌘" : "Ctrl";

/** The shortcut list the help overlay shows. */
export const SHORTCUTS: [string, MessageKey][] = [
  [`${MOD}+N`, "kbNew"],
  [`${MOD}+S`, "kbSave"],
  [`${MOD}+F`, "kbFind"],
  [`${MOD}+K`, "kbSearch"],
  [`${MOD}+Shift+P`, "kbPublish"],
  [`${MOD}+Z / ${MOD}+Shift+Z`, "kbUndo"],
  [`${MOD}+1 / 2 / 3`, "kbPanes"],
  [`F1 · ${MOD}+/`, "kbHelp"],
];

/** What the shortcuts act on; the app wires each to its view. */
export interface ShortcutActions {
  helpOpen(): boolean;
  openHelp(): void;
  closeHelp(): void;
  inFocusMode(): boolean;
  toggleFocusMode(): void;
  publish(): void;
  saveRevision(): void;
  newArticle(): void;
  searchArticles(): void;
  /** Whether Find has a text to search (an open article on the Write view). */
  canFind(): boolean;
  find(): void;
  focusList(): void;
  focusEditor(): void;
  focusPanel(): void;
}

/** Handles a keydown if it is a shortcut; returns whether it was. */
export function runShortcut(event: KeyboardEvent, actions: ShortcutActions): boolean {
  const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
  const key = event.key.toLowerCase();
  const action = ((): (() => void) | undefined => {
    if (event.key === "Escape") {
      if (actions.helpOpen()) return actions.closeHelp;
      if (actions.inFocusMode()) return actions.toggleFocusMode;
      return undefined;
    }
    if (event.key === "F1") return actions.openHelp;
    if (!mod) return undefined;
    if (key === "p" && event.shiftKey) return actions.publish;
    if (key === "s" && !event.shiftKey) return actions.saveRevision;
    if (key === "n" && !event.shiftKey) return actions.newArticle;
    if (key === "k") return actions.searchArticles;
    if (key === "/" || key === "?") return actions.openHelp;
    if (key === "f" && !event.shiftKey && actions.canFind()) return actions.find;
    if (key === "1") return actions.focusList;
    if (key === "2") return actions.focusEditor;
    if (key === "3") return actions.focusPanel;
    return undefined;
  })();
  if (!action) return false;
  event.preventDefault();
  event.stopPropagation();
  action();
  return true;
}

/** Listens on `window` in the capture phase, so the shortcuts work wherever the focus is. */
export function listenForShortcuts(actions: ShortcutActions, signal: AbortSignal): void {
  window.addEventListener(
    "keydown",
    (event) => {
      // The start of the keystroke-to-badge measurement (the latency benchmark reads it).
      performance.mark("redaksi:keydown");
      runShortcut(event, actions);
    },
    { capture: true, signal },
  );
}
