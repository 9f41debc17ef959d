// The composition root: builds each view with what it needs (the backend's calls, the shared
// settings, its neighbours' hooks), lays out the window and wires the language, the theme, the
// shortcuts and the window's close. The views own their rooms; this is the only module that
// imports lib/backend.ts.
import * as backend from "./lib/backend";
import { I18n, detectLang, storeLang, storedLang, translate } from "./lib/i18n";
import { type DeskSettings, applyTheme, loadSettings, saveSettings, watchOsTheme } from "./lib/settings";
import { Dashboard } from "./views/dashboard";
import { DataViews } from "./views/data";
import { EditorDesk } from "./views/desk";
import { el } from "./views/dom";
import { HelpOverlay } from "./views/help";
import { Notice } from "./views/notice";
import { Publishing } from "./views/publishing";
import { SettingsPanel } from "./views/settings";
import { listenForShortcuts } from "./views/shortcuts";
import { Sidebar } from "./views/sidebar";
import { SitePanel } from "./views/site";
import { type ViewName, Viewbar } from "./views/viewbar";

export interface AppOptions {
  /** Milliseconds of quiet before an autosave; about a second keeps saves cheap and timely. */
  autosaveDelayMs?: number;
  /** Milliseconds of quiet before the preview pane is rendered again. */
  previewDelayMs?: number;
  storage?: Storage;
  osLanguages?: readonly string[];
  /** Loads the UI again after a backup replaced the database (tests pass their own). */
  reload?: () => void;
}

export class App {
  private readonly storage: Storage;
  private settings: DeskSettings;
  private readonly sidebar: Sidebar;
  private readonly desk: EditorDesk;
  private readonly dashboard: Dashboard;
  private readonly settingsPanel: SettingsPanel;
  private readonly help = new HelpOverlay();
  private readonly publishing: Publishing;
  private readonly data: DataViews;
  private readonly viewbar: Viewbar;
  private readonly site: SitePanel;
  private readonly notice: Notice;
  /** Ends the listeners on `window` when the app goes away (tests start many apps). */
  private readonly listeners = new AbortController();

  constructor(root: HTMLElement, options: AppOptions = {}) {
    const storage = (this.storage = options.storage ?? window.localStorage);
    const osLanguages = options.osLanguages ?? navigator.languages;
    const frame = el("div", { class: "app" });
    const i18n = new I18n(storedLang(storage) ?? detectLang(osLanguages));
    this.notice = new Notice(i18n);
    this.settings = loadSettings(storage);
    applyTheme(this.settings.theme);

    this.sidebar = new Sidebar(i18n, { open: (id) => void this.desk.open(id), create: () => void this.desk.newArticle() });
    this.publishing = new Publishing(i18n, {
      api: backend,
      storage,
      article: async () => ((await this.desk.flush()) ? this.desk.openArticle?.id : undefined),
      copied: (copy) => this.sidebar.saved(copy),
      titleOf: (id) => (id === this.desk.openArticle?.id ? this.desk.openArticle.title : this.sidebar.titleOf(id)),
    });
    this.desk = new EditorDesk(i18n, {
      api: backend,
      listed: this.sidebar,
      settings: () => this.settings,
      onProfile: (profile) => this.changeSettings({ ...this.settings, profile }),
      notify: (key, error) => this.notice.show(key, error),
      tools: [this.publishing.publishButton],
      setFocusMode: (on) => frame.classList.toggle("focus-mode", on),
      storage,
      autosaveDelayMs: options.autosaveDelayMs ?? 1000,
      previewDelayMs: options.previewDelayMs ?? 150,
    });
    this.data = new DataViews(i18n, {
      api: backend,
      beforeRestore: () => this.desk.flush(),
      // The database was replaced under the UI: everything it shows must load again.
      onRestored: () => (options.reload ?? (() => window.location.reload()))(),
      onArticlesChanged: () => void this.reloadArticles(),
    });
    this.dashboard = new Dashboard(i18n, {
      load: backend.dashboardRows,
      setStatus: backend.setStatus,
      open: (id) => {
        this.showView("write");
        void this.desk.open(id);
      },
      actions: [this.data.trash.openButton],
    });
    this.settingsPanel = new SettingsPanel(i18n, {
      api: backend,
      storage,
      settings: () => this.settings,
      onChange: (settings) => this.changeSettings(settings),
      onLang: (chosen) => {
        storeLang(storage, chosen);
        i18n.setLang(chosen ?? detectLang(osLanguages));
      },
      sections: [this.data.settings],
    });

    this.site = new SitePanel(i18n, {
      listTargets: backend.listTargets,
      siteReport: backend.siteReport,
      siteAudit: backend.siteAudit,
      onProgress: backend.onSiteProgress,
    });
    this.viewbar = new Viewbar({
      show: (view) => this.showView(view),
      openHelp: () => this.help.open(),
      openSettings: () => this.settingsPanel.open(),
      buttons: [this.publishing.outboxButton, this.site.openButton],
    });

    const main = el("main", { class: "workspace" }, this.viewbar.root, this.notice.root, this.data.notices, this.desk.root, this.dashboard.root);
    const overlays = [...this.desk.overlays, this.settingsPanel.root, this.help.root, this.data.trash.root, this.site.root, ...this.publishing.overlays];
    frame.append(this.sidebar.root, main, ...overlays);
    root.replaceChildren(frame);
    const retranslate = () => {
      translate(root, i18n);
      document.documentElement.lang = i18n.lang;
    };
    i18n.onChange(retranslate);
    retranslate();
    // "Follow the system" follows it live, not only at start-up.
    this.listeners.signal.addEventListener("abort", watchOsTheme(() => applyTheme(this.settings.theme)));
    const { desk, help, sidebar, dashboard, publishing } = this;
    listenForShortcuts({ desk, help, sidebar, dashboard, publishing, show: (view) => this.showView(view) }, this.listeners.signal);
    this.showView("write");
  }

  /** Loads the article list and opens the most recently updated article. */
  async start(): Promise<void> {
    await backend.onWindowClose(() => this.desk.closing());
    void this.publishing.start().catch(() => undefined);
    void this.data.start();
    await this.reloadArticles();
    const first = this.sidebar.first;
    if (first) await this.desk.open(first.id);
  }

  /** Stops listening and drops pending timers; unsaved text is the close hook's job. */
  dispose(): void {
    this.listeners.abort();
    this.publishing.dispose();
    this.data.dispose();
    this.desk.dispose();
  }

  /** Articles came in from outside the editor (import, trash, the mirrored folder). */
  private async reloadArticles(): Promise<void> {
    try {
      this.sidebar.set(await backend.listArticles());
      if (!this.dashboard.root.hidden) await this.dashboard.refresh();
    } catch (error) {
      this.notice.show("loadError", error);
    }
  }

  private changeSettings(settings: DeskSettings): void {
    this.settings = settings;
    saveSettings(this.storage, settings);
    applyTheme(settings.theme);
    this.desk.settingsChanged();
  }

  private showView(view: ViewName): void {
    this.desk.root.hidden = view !== "write";
    this.dashboard.root.hidden = view !== "dashboard";
    this.viewbar.select(view);
    if (view === "dashboard") void this.desk.flush().then(() => this.dashboard.refresh());
  }
}
