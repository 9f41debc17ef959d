// The keyboard shortcuts: what each does and how the help overlay lists it, in one place.
import type { MessageKey } from "../lib/i18n";
import type { ViewName } from "./viewbar";

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

/** The views the shortcuts act on (the app passes the views themselves). */
export interface ShortcutTargets {
  help: { readonly isOpen: boolean; open(): void; close(): void };
  desk: {
    readonly inFocusMode: boolean;
    /** Whether Find has a text to search (an open article on the Write view). */
    readonly canFind: boolean;
    toggleFocusMode(): void;
    saveRevision(): Promise<void>;
    newArticle(): Promise<void>;
    openFind(): void;
    focusEditor(): void;
    focusPanel(): void;
  };
  sidebar: { focus(): void };
  dashboard: { focusSearch(): void };
  publishing: { open(): Promise<void> };
  show(view: ViewName): void;
}

/** Handles a keydown if it is a shortcut; returns whether it was. */
export function runShortcut(event: KeyboardEvent, to: ShortcutTargets): boolean {
  const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
  const key = event.key.toLowerCase();
  const action = ((): (() => void) | undefined => {
    if (event.key === "Escape") {
      if (to.help.isOpen) return () => to.help.close();
      if (to.desk.inFocusMode) return () => to.desk.toggleFocusMode();
      return undefined;
    }
    if (event.key === "F1") return () => to.help.open();
    if (!mod) return undefined;
    if (key === "p" && event.shiftKey) return () => void to.publishing.open();
    if (key === "s" && !event.shiftKey) return () => void to.desk.saveRevision();
    if (key === "n" && !event.shiftKey) return () => void to.desk.newArticle();
    if (key === "k") {
      return () => {
        to.show("dashboard");
        to.dashboard.focusSearch();
      };
    }
    if (key === "/" || key === "?") return () => to.help.open();
    if (key === "f" && !event.shiftKey && to.desk.canFind) return () => to.desk.openFind();
    if (key === "1") return () => to.sidebar.focus();
    if (key === "2") {
      return () => {
        to.show("write");
        to.desk.focusEditor();
      };
    }
    if (key === "3") {
      return () => {
        to.show("write");
        to.desk.focusPanel();
      };
    }
    return undefined;
  })();
  if (!action) return false;
  event.preventDefault();
  event.stopPropagation();
  action();
  return true;
}

/** Listens on `window` in the capture phase, so the shortcuts work wherever the focus is. */
export function listenForShortcuts(targets: ShortcutTargets, signal: AbortSignal): void {
  window.addEventListener(
    "keydown",
    (event) => {
      // The start of the keystroke-to-badge measurement (the latency benchmark reads it).
      performance.mark("redaksi:keydown");
      runShortcut(event, targets);
    },
    { capture: true, signal },
  );
}
