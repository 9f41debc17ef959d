// The colour theme follows the OS (prefers-color-scheme) unless the reporter picks one.

export type ThemeChoice = "system" | "light" | "dark";

const SETTING_KEY = "redaksi.theme";

export function storedTheme(storage: Storage): ThemeChoice {
  const value = storage.getItem(SETTING_KEY);
  return value === "light" || value === "dark" ? value : "system";
}

/** Saves the choice and applies it: a forced theme sets `data-theme` on <html>, which the
 * stylesheet prefers over the OS setting. */
export function applyTheme(storage: Storage, root: HTMLElement, choice: ThemeChoice): void {
  if (choice === "system") {
    storage.removeItem(SETTING_KEY);
    delete root.dataset.theme;
  } else {
    storage.setItem(SETTING_KEY, choice);
    root.dataset.theme = choice;
  }
}
