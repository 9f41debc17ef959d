// The settings overlay's "Data" section: where the data lives (and moving it), backups (take one, restore one
// behind a confirmation), tidying up, importing Markdown files, and the mirrored folder.
// Paths are typed (or pasted) into text fields: the app has no file-dialog plugin.
import type { BackendError, BackupInfo, ImportResult, Maintenance, MirrorStatus, MoveResult, RestoreResult, StoreStatus } from "../lib/backend";
import { type I18n, type MessageKey, translated } from "../lib/i18n";
import { el, field } from "./dom";

/** The backend's calls for the settings' Data section. */
export interface DataSettingsApi {
  storeStatus(): Promise<StoreStatus>;
  listBackups(): Promise<BackupInfo[]>;
  backupNow(): Promise<BackupInfo>;
  restoreBackup(name: string): Promise<RestoreResult>;
  runMaintenance(): Promise<Maintenance>;
  importMarkdown(paths: string[]): Promise<ImportResult>;
  mirrorStatus(): Promise<MirrorStatus>;
  startMirror(folder: string): Promise<MirrorStatus>;
  stopMirror(): Promise<MirrorStatus>;
  moveDataFolder(folder: string): Promise<MoveResult>;
  restartApp(): Promise<void>;
}

export interface DataEvents {
  /** Before the database is replaced: unsaved text must reach it (and the safety backup) first. */
  beforeRestore(): Promise<unknown>;
  /** The database was replaced: the whole UI must load again. */
  onRestored(): void;
  /** Articles were imported or restored: the lists must load again. */
  onArticlesChanged(): void;
}

export function dateTime(i18n: I18n, iso: string): string {
  return new Intl.DateTimeFormat(i18n.locale, { dateStyle: "medium", timeStyle: "medium" }).format(new Date(iso));
}

export class DataSettings {
  readonly root = el("section", { class: "data-settings", "data-testid": "data-settings" });
  private readonly heading = el("h3", translated("dataTitle"));
  private readonly dataDir = el("code", { "data-testid": "data-dir" });
  private readonly movePath = el("input", { type: "text", "data-testid": "data-move-path" });
  private readonly moveButton = el("button", { type: "button", "data-testid": "data-move", ...translated("dataMove") });
  private readonly moveArea = el("div", { class: "data-actions" });
  private readonly moveStatus = el("p", { class: "small", role: "status", "data-testid": "data-move-status" });
  private readonly backupButton = el("button", { type: "button", "data-testid": "backup-now", ...translated("backupNow") });
  private readonly tidyButton = el("button", { type: "button", "data-testid": "tidy-up", ...translated("tidyUp") });
  private readonly backups = el("ul", { class: "backup-list", "data-testid": "backup-list" });
  private readonly status = el("p", { class: "small", role: "status", "data-testid": "data-status" });
  private readonly importPaths = el("textarea", { rows: "2", "data-testid": "import-paths" });
  private readonly importButton = el("button", { type: "button", "data-testid": "import-run", ...translated("importRun") });
  private readonly importReport = el("ul", { class: "small", "data-testid": "import-report" });
  private readonly mirrorFolder = el("input", { type: "text", "data-testid": "mirror-folder" });
  private readonly mirrorStart = el("button", { type: "button", "data-testid": "mirror-start", ...translated("mirrorStart") });
  private readonly mirrorStop = el("button", { type: "button", "data-testid": "mirror-stop", ...translated("mirrorStop") });
  private readonly mirrorState = el("p", { class: "small", "data-testid": "mirror-state", "aria-live": "polite" });
  private list: BackupInfo[] = [];
  private mirror: MirrorStatus | undefined;

  constructor(
    private readonly i18n: I18n,
    private readonly api: DataSettingsApi,
    private readonly events: DataEvents,
  ) {
    const text = <K extends keyof HTMLElementTagNameMap>(tag: K, key: MessageKey, attrs: Record<string, string> = {}) =>
      el(tag, { ...attrs, ...translated(key) });
    const labelled = (key: MessageKey, control: HTMLElement) => field(text("label", key), control);
    this.root.append(
      this.heading,
      el("div", { class: "field" }, text("span", "dataFolder", { class: "muted small" }), this.dataDir),
      labelled("dataMovePath", this.movePath),
      this.moveArea,
      this.moveStatus,
      text("h4", "backupsTitle"),
      el("div", { class: "data-actions" }, this.backupButton, this.tidyButton),
      this.backups,
      this.status,
      text("h4", "importTitle"),
      labelled("importPaths", this.importPaths),
      el("div", { class: "data-actions" }, this.importButton),
      this.importReport,
      text("h4", "mirrorTitle"),
      labelled("mirrorFolder", this.mirrorFolder),
      el("div", { class: "data-actions" }, this.mirrorStart, this.mirrorStop),
      this.mirrorState,
    );
    this.moveArea.append(this.moveButton);
    this.moveButton.addEventListener("click", () => this.confirmMove());
    this.backupButton.addEventListener("click", () => void this.backupNow());
    this.tidyButton.addEventListener("click", () => void this.tidyUp());
    this.importButton.addEventListener("click", () => void this.importFiles());
    this.mirrorStart.addEventListener("click", () => void this.startMirror());
    this.mirrorStop.addEventListener("click", () => void this.stopMirror());
    this.renderBackups();
    i18n.onChange(() => {
      this.renderBackups();
      if (this.mirror) this.showMirror(this.mirror);
    });
  }

  /** Loads what the section shows; called when the settings open. */
  async refresh(): Promise<void> {
    this.status.textContent = "";
    try {
      const [health, backups, mirror] = await Promise.all([this.api.storeStatus(), this.api.listBackups(), this.api.mirrorStatus()]);
      this.dataDir.textContent = health.data_dir ?? "";
      this.list = backups;
      this.showMirror(mirror);
    } catch (error) {
      this.fail(error);
    }
    this.renderBackups();
  }

  /** The mirror's state changed (the `mirror-sync` event). */
  showMirror(status: MirrorStatus): void {
    this.mirror = status;
    const t = this.i18n;
    if (status.folder && document.activeElement !== this.mirrorFolder) this.mirrorFolder.value = status.folder;
    this.mirrorStart.disabled = status.running;
    this.mirrorStop.disabled = !status.running;
    this.mirrorState.dataset.running = String(status.running);
    const parts = [t.t(status.running ? "mirrorRunning" : "mirrorStopped")];
    parts.push(status.last_sync ? t.t("mirrorLast", { date: dateTime(t, status.last_sync), ...status.last }) : t.t("mirrorNever"));
    if (status.paused_missing.length) parts.push(t.t("mirrorPaused", { n: status.paused_missing.length }));
    if (status.error) parts.push(`${t.t("mirrorError")}: ${t.error(status.error.code, status.error.message)}`);
    this.mirrorState.textContent = parts.join(" · ");
  }

  private fail(error: unknown): void {
    this.status.textContent = this.i18n.failure(error);
  }

  private renderBackups(): void {
    const t = this.i18n;
    if (this.list.length === 0) {
      this.backups.replaceChildren(el("li", { class: "muted" }, t.t("noBackups")));
      return;
    }
    this.backups.replaceChildren(
      ...this.list.map((backup) => {
        const restore = el("button", { type: "button", "data-testid": "backup-restore" }, t.t("restoreBackup"));
        const item = el(
          "li",
          { "data-testid": "backup-item", "data-name": backup.name },
          el("time", { datetime: backup.created_at }, dateTime(t, backup.created_at)),
          el("span", { class: "muted small" }, ` ${t.t("backupSize", { size: Math.ceil(backup.size / 1024) })} `),
          restore,
        );
        restore.addEventListener("click", () => this.confirmRestore(backup, item));
        return item;
      }),
    );
  }

  private confirmRestore(backup: BackupInfo, item: HTMLElement): void {
    const t = this.i18n;
    item.querySelector(".confirm")?.remove();
    const question = t.t("confirmRestoreBackup", { date: dateTime(t, backup.created_at) });
    const yes = el("button", { type: "button", class: "danger", "data-testid": "confirm-restore-backup" }, t.t("restoreBackupYes"));
    const no = el("button", { type: "button", "data-testid": "cancel-restore-backup" }, t.t("cancel"));
    const box = el("div", { class: "confirm", role: "alertdialog", "aria-label": question }, el("p", {}, question), yes, no);
    yes.addEventListener("click", () => void this.restore(backup.name, box));
    no.addEventListener("click", () => box.remove());
    item.append(box);
    no.focus();
  }

  private async restore(name: string, box: HTMLElement): Promise<void> {
    box.remove();
    this.status.textContent = this.i18n.t("restoringBackup");
    try {
      await this.events.beforeRestore();
      await this.api.restoreBackup(name);
      this.events.onRestored();
    } catch (error) {
      this.status.textContent = `${this.i18n.t("restoreFailed")}: ${this.i18n.failure(error)}`;
    }
  }

  private confirmMove(): void {
    const t = this.i18n;
    const folder = this.movePath.value.trim();
    this.moveArea.querySelector(".confirm")?.remove();
    if (!folder) return;
    const question = t.t("confirmDataMove", { folder });
    const yes = el("button", { type: "button", class: "danger", "data-testid": "confirm-data-move" }, t.t("dataMoveYes"));
    const no = el("button", { type: "button", "data-testid": "cancel-data-move" }, t.t("cancel"));
    const box = el("div", { class: "confirm", role: "alertdialog", "aria-label": question }, el("p", {}, question), yes, no);
    yes.addEventListener("click", () => void this.move(folder, box));
    no.addEventListener("click", () => box.remove());
    this.moveArea.append(box);
    no.focus();
  }

  private async move(folder: string, box: HTMLElement): Promise<void> {
    const t = this.i18n;
    box.remove();
    this.moveButton.disabled = true;
    this.moveStatus.textContent = t.t("dataMoving");
    try {
      // After the move the old folder takes no more writes: unsaved text must be in it first.
      if ((await this.events.beforeRestore()) === false) {
        this.moveStatus.textContent = t.t("dataMoveUnsaved");
        this.moveButton.disabled = false;
        return;
      }
      const moved = await this.api.moveDataFolder(folder);
      this.dataDir.textContent = moved.data_dir;
      this.moveStatus.textContent = t.t("dataMoved", { folder: moved.data_dir, old: moved.old_data_dir });
    } catch (error) {
      this.moveStatus.textContent = `${t.t("dataMoveFailed")}: ${t.failure(error)}`;
      this.moveButton.disabled = false;
      return;
    }
    try {
      await this.api.restartApp();
    } catch (error) {
      // The move is done and the store closed; only the restart is left to the user.
      this.moveStatus.textContent += ` ${t.error("data_moved", (error as BackendError).message)}`;
    }
  }

  private async backupNow(): Promise<void> {
    this.backupButton.disabled = true;
    try {
      await this.api.backupNow();
      this.list = await this.api.listBackups();
      this.status.textContent = this.i18n.t("backupDone");
    } catch (error) {
      this.fail(error);
    } finally {
      this.backupButton.disabled = false;
    }
    this.renderBackups();
  }

  private async tidyUp(): Promise<void> {
    try {
      const done = await this.api.runMaintenance();
      this.status.textContent = this.i18n.t("tidyDone", { purged: done.purged_articles, pruned: done.pruned_revisions });
      if (done.backup) this.list = await this.api.listBackups();
      this.renderBackups();
    } catch (error) {
      this.fail(error);
    }
  }

  private async importFiles(): Promise<void> {
    const paths = this.importPaths.value
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    if (paths.length === 0) return;
    const t = this.i18n;
    this.importButton.disabled = true;
    try {
      const result = await this.api.importMarkdown(paths);
      this.importReport.replaceChildren(
        el("li", { "data-testid": "import-summary" }, t.t("importResult", { ok: result.imported.length, failed: result.failed.length })),
        ...result.failed.map((failure) =>
          el(
            "li",
            { class: "import-failed", "data-testid": "import-failure" },
            failure.line === null ? failure.path : `${failure.path} (${t.t("importLine", { line: failure.line })})`,
            `: ${t.error(failure.code, failure.message)}`,
          ),
        ),
      );
      if (result.imported.length > 0) this.events.onArticlesChanged();
    } catch (error) {
      this.importReport.replaceChildren(el("li", { class: "import-failed" }, t.failure(error)));
    } finally {
      this.importButton.disabled = false;
    }
  }

  private async startMirror(): Promise<void> {
    const folder = this.mirrorFolder.value.trim();
    if (!folder) return;
    try {
      this.showMirror(await this.api.startMirror(folder));
      this.events.onArticlesChanged();
    } catch (error) {
      this.fail(error);
    }
  }

  private async stopMirror(): Promise<void> {
    try {
      this.showMirror(await this.api.stopMirror());
    } catch (error) {
      this.fail(error);
    }
  }
}
