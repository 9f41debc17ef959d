// The bar above the workspace: the Write and Dashboard tabs, then the buttons of the overlays
// that any view can open (the outbox, the shortcut help, the settings).
import { translated } from "../lib/i18n";
import { el } from "./dom";

export type ViewName = "write" | "dashboard";

export interface ViewbarDeps {
  show(view: ViewName): void;
  openHelp(): void;
  openSettings(): void;
  /** Buttons of other views before help and settings (the outbox). */
  buttons: HTMLElement[];
}

export class Viewbar {
  readonly root: HTMLElement;
  private readonly tabs = {
    write: el("button", { type: "button", role: "tab", "data-testid": "tab-write", class: "tab", ...translated("viewWrite") }),
    dashboard: el("button", { type: "button", role: "tab", "data-testid": "tab-dashboard", class: "tab", ...translated("viewDashboard") }),
  };

  constructor(deps: ViewbarDeps) {
    const help = el("button", { type: "button", "data-testid": "help-button", class: "icon-button", ...translated(undefined, { "aria-label": "shortcuts", title: "shortcuts" }) }, "?");
    const settings = el("button", { type: "button", "data-testid": "settings-button", class: "icon-button" }, "⚙ ", el("span", translated("settings")));
    this.tabs.write.addEventListener("click", () => deps.show("write"));
    this.tabs.dashboard.addEventListener("click", () => deps.show("dashboard"));
    help.addEventListener("click", () => deps.openHelp());
    settings.addEventListener("click", () => deps.openSettings());
    this.root = el(
      "nav",
      { class: "viewbar" },
      el("div", { class: "tabs", role: "tablist" }, this.tabs.write, this.tabs.dashboard),
      el("span", { class: "spacer" }),
      ...deps.buttons,
      help,
      settings,
    );
  }

  /** Marks the tab of the view on show. */
  select(view: ViewName): void {
    this.tabs.write.setAttribute("aria-selected", String(view === "write"));
    this.tabs.dashboard.setAttribute("aria-selected", String(view === "dashboard"));
  }
}
