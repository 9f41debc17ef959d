// The app's keyboard shortcuts in one table: the key handler and the help overlay both read it,
// so the overlay can never list a shortcut that does not work (or miss one that does).
import type { MessageKey } from "./i18n";

export type Action =
  | "new"
  | "save"
  | "find"
  | "focusList"
  | "focusEditor"
  | "focusPreview"
  | "togglePreview"
  | "help";

export interface Shortcut {
  action: Action;
  /** The key as `KeyboardEvent.key` reports it, lower case. */
  key: string;
  /** Ctrl on Linux and Windows, Cmd on macOS. */
  mod: boolean;
  shift?: boolean;
  label: MessageKey;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: "new", key: "n", mod: true, label: "shortcutNew" },
  { action: "save", key: "s", mod: true, label: "shortcutSave" },
  { action: "find", key: "f", mod: true, label: "shortcutFind" },
  { action: "focusList", key: "1", mod: true, label: "shortcutFocusList" },
  { action: "focusEditor", key: "2", mod: true, label: "shortcutFocusEditor" },
  { action: "focusPreview", key: "3", mod: true, label: "shortcutFocusPreview" },
  { action: "togglePreview", key: "p", mod: true, label: "shortcutTogglePreview" },
  { action: "help", key: "f1", mod: false, label: "shortcutHelp" },
  { action: "help", key: "/", mod: true, label: "shortcutHelp" },
];

export function isMac(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** The shortcut a key press means, if any. */
export function match(event: KeyboardEvent, mac: boolean): Shortcut | undefined {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const key = event.key.toLowerCase();
  return SHORTCUTS.find(
    (s) => s.key === key && s.mod === mod && !event.altKey && (s.shift ?? false) === event.shiftKey,
  );
}

/** How a shortcut is written for this platform, e.g. "Ctrl+S" or "⌘S". */
export function describe(shortcut: Shortcut, mac: boolean): string {
  const key = shortcut.key.toUpperCase();
  if (!shortcut.mod) return key;
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}
