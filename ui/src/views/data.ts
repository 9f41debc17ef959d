// The data side of the app in one place for app.ts to mount: the settings' Data section, the
// trash, and the notices that must reach the user whatever screen is open: a damaged database
// (with the newest good backup to restore), and what the mirrored folder did (conflicts above all).
import type { ConflictNotice, MirrorStatus, StoreStatus } from "../lib/backend";
import type { I18n } from "../lib/i18n";
import { type DataEvents, DataSettings, type DataSettingsApi, dateTime } from "./data-settings";
import { el } from "./dom";
import { type TrashDeps, TrashPanel } from "./trash";

/** The backend's data calls: the settings section's, the trash's, and the mirror's events. */
export interface DataApi extends DataSettingsApi, Omit<TrashDeps, "onRestored"> {
  onMirrorSync(handler: (status: MirrorStatus) => void): Promise<() => void>;
  onMirrorConflict(handler: (conflict: ConflictNotice) => void): Promise<() => void>;
}

export interface DataDeps extends DataEvents {
  api: DataApi;
}

export class DataViews {
  readonly settings: DataSettings;
  readonly trash: TrashPanel;
  /** Goes above the workspace; empty unless something needs saying. */
  readonly notices = el("div", { class: "data-notices" });
  private readonly damaged = el("div", { class: "notice", role: "alert", "data-testid": "store-damaged", hidden: "" });
  private readonly mirrorNotice = el("p", { class: "notice", role: "status", "data-testid": "mirror-notice", hidden: "" });
  private readonly conflicts = el("ul", { class: "notice", role: "alert", "data-testid": "mirror-conflicts", hidden: "" });
  private health: StoreStatus | undefined;
  private lastSync: MirrorStatus | undefined;
  private conflictList: ConflictNotice[] = [];
  private readonly unlisten: (() => void)[] = [];
  private disposed = false;

  constructor(
    private readonly i18n: I18n,
    private readonly events: DataDeps,
  ) {
    const { api } = events;
    this.settings = new DataSettings(i18n, api, events);
    this.trash = new TrashPanel(i18n, {
      listTrash: () => api.listTrash(),
      restoreFromTrash: (id) => api.restoreFromTrash(id),
      onRestored: () => events.onArticlesChanged(),
    });
    this.notices.append(this.damaged, this.mirrorNotice, this.conflicts);
    i18n.onChange(() => {
      this.renderHealth();
      this.renderMirror();
    });
  }

  /** Checks the store's health and listens to the mirror. */
  async start(): Promise<void> {
    const subscriptions = await Promise.all([
      this.events.api.onMirrorSync((status) => this.synced(status)),
      this.events.api.onMirrorConflict((conflict) => this.conflict(conflict)),
    ]);
    if (this.disposed) subscriptions.forEach((stop) => stop());
    else this.unlisten.push(...subscriptions);
    try {
      this.health = await this.events.api.storeStatus();
    } catch {
      this.health = undefined;
    }
    this.renderHealth();
  }

  dispose(): void {
    this.disposed = true;
    for (const stop of this.unlisten.splice(0)) stop();
  }

  private synced(status: MirrorStatus): void {
    this.settings.showMirror(status);
    const { imported, updated, trashed } = status.last;
    // The app's own saves being written out are not news; changes from outside are.
    if (imported + updated + trashed > 0 || status.error) {
      this.lastSync = status;
      this.events.onArticlesChanged();
    }
    this.renderMirror();
  }

  private conflict(conflict: ConflictNotice): void {
    this.conflictList.push(conflict);
    this.renderMirror();
  }

  private renderMirror(): void {
    const t = this.i18n;
    const status = this.lastSync;
    this.mirrorNotice.hidden = !status;
    if (status) {
      this.mirrorNotice.textContent = status.error
        ? `${t.t("mirrorError")}: ${t.error(status.error.code, status.error.message)}`
        : t.t("mirrorSynced", { ...status.last });
    }
    this.conflicts.hidden = this.conflictList.length === 0;
    const dismiss = el("button", { type: "button", "data-testid": "dismiss-conflicts" }, t.t("dismiss"));
    dismiss.addEventListener("click", () => {
      this.conflictList = [];
      this.renderMirror();
    });
    this.conflicts.replaceChildren(
      ...this.conflictList.map((c) => el("li", { "data-testid": "mirror-conflict" }, t.t("mirrorConflict", { file: c.file, copy: c.copy_file }))),
      ...(this.conflictList.length ? [el("li", {}, dismiss)] : []),
    );
  }

  /** Only a damaged database gets this notice: its detail is already in the load error above it,
   *  and what it adds is the way out (the newest good backup). */
  private renderHealth(): void {
    const t = this.i18n;
    const health = this.health;
    const damaged = health && !health.ok && health.error?.code === "corrupt";
    this.damaged.hidden = !damaged;
    if (!health || !damaged) return;
    const backup = health.newest_good_backup;
    const children: Node[] = [el("strong", {}, t.t("damagedTitle"))];
    if (backup) {
      const restore = el("button", { type: "button", class: "danger", "data-testid": "restore-newest-backup" }, t.t("restoreBackupYes"));
      restore.addEventListener("click", () => void this.restoreNewest(backup.name, restore));
      children.push(el("p", {}, t.t("damagedOffer", { date: dateTime(t, backup.created_at) })), restore);
    } else {
      children.push(el("p", {}, t.t("damagedNoBackup")));
    }
    this.damaged.replaceChildren(...children);
  }

  private async restoreNewest(name: string, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      await this.events.api.restoreBackup(name);
      this.events.onRestored();
    } catch (error) {
      this.damaged.append(el("p", { "data-testid": "restore-error" }, `${this.i18n.t("restoreFailed")}: ${this.i18n.failure(error)}`));
      button.disabled = false;
    }
  }
}
