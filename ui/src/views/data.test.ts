import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EditorView } from "@codemirror/view";
import { App } from "../app";
import { ArticleBackend, allByTestId, byTestId } from "../test-backend";
import { dayRange } from "./dashboard";
import { imageMarkdown } from "./insert-image";
import type { BackupInfo, MoveResult, MirrorStatus, StoreStatus, TrashItem } from "../lib/backend";
import { emptyMeta } from "../lib/meta";


const backup = (name: string, created_at: string): BackupInfo => ({ name, path: `/data/backups/${name}`, created_at, size: 4096 });

/** The data commands in memory, in the shapes the Rust shell answers with. */
class DataBackend extends ArticleBackend {
  failRestart = false;
  backups: BackupInfo[] = [backup("redaksi-b.db", "2026-03-02T08:00:00Z"), backup("redaksi-a.db", "2026-03-01T08:00:00Z")];
  trash: TrashItem[] = [];
  health: StoreStatus = { ok: true, error: null, newest_good_backup: null, data_dir: "/data/redaksi" };
  mirror: MirrorStatus = {
    folder: null,
    running: false,
    last_sync: null,
    last: { imported: 0, updated: 0, exported: 0, trashed: 0, conflicts: 0, failed: 0 },
    error: null,
    paused_missing: [],
  };

  override answer(cmd: string, a: Record<string, unknown>): unknown {
    switch (cmd) {
      case "store_status":
        return this.health;
      case "list_backups":
        return this.backups;
      case "backup_now": {
        const made = backup("redaksi-c.db", "2026-03-03T08:00:00Z");
        this.backups.unshift(made);
        return made;
      }
      case "restore_backup":
        if (!this.backups.some((b) => b.name === a.name)) throw { code: "invalid_input", message: `no backup called ${String(a.name)}` };
        return { restored: a.name, safety_backup: null, kept_aside: true };
      case "run_maintenance":
        return { purged_articles: 2, pruned_revisions: 5, backup: null };
      case "import_markdown":
        this.articles.set("imp", { id: "imp", title: "Impor", body: "", created_at: "", updated_at: "2026-03-01T00:00:00Z", meta: emptyMeta() });
        return {
          imported: [{ path: "/x/a.md", id: "imp", created: true }],
          failed: [{ path: "/x/b.md", code: "malformed_file", line: 4, message: "/x/b.md: line 4: not UTF-8" }],
        };
      case "import_media":
        if (String(a.path).endsWith(".txt")) throw { code: "invalid_input", message: `${String(a.path)} is not an image` };
        return { hash: "abc", path: "/data/media/abc.png", markdown_path: "media/abc.png", size: 10 };
      case "list_trash":
        return this.trash;
      case "restore_from_trash":
        this.trash = this.trash.filter((item) => item.article.id !== a.id);
        return null;
      case "mirror_status":
        return this.mirror;
      case "start_mirror":
        this.mirror = { ...this.mirror, folder: a.folder as string, running: true };
        return this.mirror;
      case "stop_mirror":
        this.mirror = { ...this.mirror, running: false };
        return this.mirror;
      case "move_data_folder": {
        const folder = a.folder as string;
        if (!folder.startsWith("/")) throw { code: "target_not_absolute", message: `${folder}: the new place must be an absolute path; the data folder was not moved` };
        if (folder.startsWith(`${this.health.data_dir}/`)) throw { code: "target_inside_data_dir", message: `${folder}: inside` };
        const moved: MoveResult = { data_dir: folder, old_data_dir: this.health.data_dir ?? "", files: 3, webview_skipped: 0 };
        return moved;
      }
      case "restart_app":
        if (this.failRestart) throw { code: "internal", message: "restart failed" };
        return null;
      default:
        return super.answer(cmd, a);
    }
  }
}

describe("the data screens", () => {
  let backend: DataBackend;
  let root: HTMLElement;
  let apps: App[] = [];
  let reloads: number;

  async function startApp(lang: "id" | "en" = "en"): Promise<App> {
    const app = new App(root, { storage: window.localStorage, osLanguages: [lang], reload: () => (reloads += 1) });
    apps.push(app);
    await app.start();
    return app;
  }

  async function openSettings(): Promise<void> {
    byTestId("settings-button")?.click();
    await vi.waitFor(() => expect(allByTestId("backup-item").length).toBeGreaterThan(0));
  }

  beforeEach(() => {
    window.localStorage.clear();
    backend = new DataBackend();
    reloads = 0;
    mockWindows("main");
    mockIPC(backend.handle, { shouldMockEvents: true });
    root = document.createElement("div");
    document.body.replaceChildren(root);
  });

  afterEach(() => {
    for (const app of apps) app.dispose();
    apps = [];
    clearMocks();
  });

  it("lists the backups and takes one on request", async () => {
    await startApp();
    await openSettings();
    expect(byTestId("data-dir").textContent).toBe("/data/redaksi");
    expect(allByTestId("backup-item").map((item) => item.dataset.name)).toEqual(["redaksi-b.db", "redaksi-a.db"]);
    byTestId("backup-now").click();
    await vi.waitFor(() => expect(allByTestId("backup-item")).toHaveLength(3));
    expect(allByTestId("backup-item")[0].dataset.name).toBe("redaksi-c.db");
    expect(byTestId("data-status").textContent).toBe("Backup taken.");
  });

  it("restores a backup only after the confirmation, then reloads the UI", async () => {
    await startApp();
    await openSettings();
    const older = allByTestId("backup-item")[1];
    older.querySelector<HTMLButtonElement>('[data-testid="backup-restore"]')!.click();
    expect(backend.count("restore_backup")).toBe(0);
    byTestId("cancel-restore-backup").click();
    expect(document.querySelector('[data-testid="confirm-restore-backup"]')).toBeNull();
    expect(backend.count("restore_backup")).toBe(0);

    older.querySelector<HTMLButtonElement>('[data-testid="backup-restore"]')!.click();
    expect(older.textContent).toContain("The current database is backed up first");
    byTestId("confirm-restore-backup").click();
    await vi.waitFor(() => expect(reloads).toBe(1));
    expect(backend.args("restore_backup")).toEqual([{ name: "redaksi-a.db" }]);
  });

  it("shows a failed restore in the UI language and does not reload", async () => {
    await startApp("id");
    await openSettings();
    backend.backups = [];
    allByTestId("backup-item")[0].querySelector<HTMLButtonElement>('[data-testid="backup-restore"]')!.click();
    byTestId("confirm-restore-backup").click();
    await vi.waitFor(() => expect(byTestId("data-status").textContent).toContain("Cadangan tidak bisa dipulihkan"));
    expect(byTestId("data-status").textContent).toContain("Isian tidak valid.");
    expect(reloads).toBe(0);
  });

  it("tidies up and says what went", async () => {
    await startApp();
    await openSettings();
    byTestId("tidy-up").click();
    await vi.waitFor(() => expect(byTestId("data-status").textContent).toBe("2 articles purged from the trash, 5 old revisions pruned."));
  });

  it("imports Markdown files by path and names each failure with its line", async () => {
    await startApp();
    await openSettings();
    byTestId<HTMLTextAreaElement>("import-paths").value = " /x/a.md \n\n/x/b.md\n";
    byTestId("import-run").click();
    await vi.waitFor(() => expect(byTestId("import-summary").textContent).toBe("1 imported, 1 failed."));
    expect(backend.args("import_markdown")).toEqual([{ paths: ["/x/a.md", "/x/b.md"] }]);
    const failure = byTestId("import-failure").textContent!;
    expect(failure).toContain("/x/b.md (line 4)");
    expect(failure).toContain("The Markdown file is not valid.");
    await vi.waitFor(() => expect(allByTestId("article-item").map((b) => b.dataset.id)).toContain("imp"));
  });

  it("starts and stops mirroring the chosen folder and shows its state", async () => {
    await startApp();
    await openSettings();
    expect(byTestId<HTMLButtonElement>("mirror-stop").disabled).toBe(true);
    byTestId<HTMLInputElement>("mirror-folder").value = "/home/reporter/artikel";
    byTestId("mirror-start").click();
    await vi.waitFor(() => expect(byTestId("mirror-state").dataset.running).toBe("true"));
    expect(backend.args("start_mirror")).toEqual([{ folder: "/home/reporter/artikel" }]);
    expect(byTestId("mirror-state").textContent).toContain("Running");
    expect(byTestId<HTMLButtonElement>("mirror-start").disabled).toBe(true);
    byTestId("mirror-stop").click();
    await vi.waitFor(() => expect(byTestId("mirror-state").dataset.running).toBe("false"));
    expect(backend.count("stop_mirror")).toBe(1);
  });

  it("tells the user about a mirror conflict, naming the conflict copy, in Indonesian", async () => {
    await startApp("id");
    await emit("mirror-conflict", { id: "a1", copy: "c1", file: "rapat.md", copy_file: "rapat.conflict-20260301-080000.md" });
    await vi.waitFor(() => expect(allByTestId("mirror-conflict")).toHaveLength(1));
    expect(byTestId("mirror-conflict").textContent).toBe(
      "Konflik: rapat.md diubah di dua tempat. Teks dari luar disimpan sebagai rapat.conflict-20260301-080000.md.",
    );
    expect(byTestId("mirror-conflicts").hidden).toBe(false);
    byTestId("dismiss-conflicts").click();
    expect(byTestId("mirror-conflicts").hidden).toBe(true);
  });

  it("reloads the list when the mirrored folder brought changes, and stays quiet for its own writes", async () => {
    await startApp();
    const before = backend.count("list_articles");
    const synced = (counts: Partial<MirrorStatus["last"]>) => ({
      ...backend.mirror,
      running: true,
      last_sync: "2026-03-01T08:00:00Z",
      last: { ...backend.mirror.last, ...counts },
    });
    await emit("mirror-sync", synced({ exported: 1 }));
    expect(byTestId("mirror-notice").hidden).toBe(true);
    expect(backend.count("list_articles")).toBe(before);
    await emit("mirror-sync", synced({ imported: 2, updated: 1 }));
    await vi.waitFor(() => expect(backend.count("list_articles")).toBe(before + 1));
    expect(byTestId("mirror-notice").hidden).toBe(false);
    expect(byTestId("mirror-notice").textContent).toBe("Mirrored folder: 2 imported, 1 updated, 0 written.");
  });

  it("says so when the mirror paused because many files vanished at once", async () => {
    await startApp();
    await emit("mirror-sync", { ...backend.mirror, running: true, last_sync: "2026-03-01T08:00:00Z", paused_missing: ["/m/a.md", "/m/b.md"] });
    await vi.waitFor(() => expect(byTestId("mirror-state").textContent).toContain("2 files vanished at once"));
    expect(byTestId("mirror-state").textContent).toContain("nothing was moved to the trash");
  });

  it("reports a damaged database and restores the newest good backup", async () => {
    backend.health = {
      ok: false,
      error: { code: "corrupt", message: "/data/redaksi/redaksi.db: the database is damaged (page 3)" },
      newest_good_backup: backup("redaksi-b.db", "2026-03-02T08:00:00Z"),
      data_dir: "/data/redaksi",
    };
    await startApp();
    await vi.waitFor(() => expect(byTestId("store-damaged").hidden).toBe(false));
    expect(byTestId("store-damaged").textContent).toContain("The database is damaged");
    expect(byTestId("store-damaged").textContent).toContain("Redaksi did not create a new database.");
    byTestId("restore-newest-backup").click();
    await vi.waitFor(() => expect(reloads).toBe(1));
    expect(backend.args("restore_backup")).toEqual([{ name: "redaksi-b.db" }]);
  });

  it("says so when a damaged database has no good backup", async () => {
    backend.health = { ok: false, error: { code: "corrupt", message: "damaged" }, newest_good_backup: null, data_dir: "/d" };
    await startApp("id");
    await vi.waitFor(() => expect(byTestId("store-damaged").hidden).toBe(false));
    expect(byTestId("store-damaged").textContent).toContain("Tidak ada cadangan yang utuh");
    expect(document.querySelector('[data-testid="restore-newest-backup"]')).toBeNull();
  });

  it("leaves other store failures to the load error, without a restore offer", async () => {
    backend.health = { ok: false, error: { code: "newer_database", message: "newer" }, newest_good_backup: null, data_dir: "/d" };
    await startApp();
    await vi.waitFor(() => expect(backend.count("store_status")).toBe(1));
    // Let the answer be rendered before looking.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(byTestId("store-damaged").hidden).toBe(true);
  });

  it("opens the trash from the dashboard and restores an article", async () => {
    backend.trash = [{ article: { id: "t1", title: "Terhapus", status: "draft", category: null, byline: null, word_count: 1, excerpt: "", score: null, created_at: "2026-03-01T08:00:00Z", updated_at: "2026-03-01T08:00:00Z" }, deleted_at: "2026-03-02T08:00:00Z" }];
    await startApp();
    byTestId("tab-dashboard").click();
    expect(byTestId("dashboard").contains(byTestId("open-trash"))).toBe(true);
    byTestId("open-trash").click();
    await vi.waitFor(() => expect(allByTestId("trash-item")).toHaveLength(1));
    expect(byTestId("trash-item").textContent).toContain("Terhapus");
    const listsBefore = backend.count("list_articles");
    byTestId("trash-restore").click();
    await vi.waitFor(() => expect(byTestId("trash-empty")).not.toBeNull());
    expect(backend.args("restore_from_trash")).toEqual([{ id: "t1" }]);
    expect(byTestId("trash-status").textContent).toBe("Article restored.");
    await vi.waitFor(() => expect(backend.count("list_articles")).toBe(listsBefore + 1));
  });

  it("inserts an image from a file path at the cursor of the open article", async () => {
    backend.articles.set("a1", { id: "a1", title: "Banjir", body: "Teks.", created_at: "", updated_at: "2026-03-01T00:00:00Z", meta: emptyMeta() });
    await startApp();
    await vi.waitFor(() => expect(EditorView.findFromDOM(byTestId("editor"))!.state.doc.toString()).toBe("Teks."));
    byTestId("insert-image").click();
    byTestId<HTMLInputElement>("image-path").value = "/home/reporter/foto.txt";
    byTestId("image-insert").click();
    await vi.waitFor(() => expect(byTestId("image-status").textContent).toContain("The input is not valid."));
    byTestId<HTMLInputElement>("image-path").value = "/home/reporter/foto.png";
    byTestId<HTMLInputElement>("image-alt").value = "Banjir [rob]";
    byTestId("image-insert").click();
    await vi.waitFor(() => expect(EditorView.findFromDOM(byTestId("editor"))!.state.doc.toString()).toContain("![Banjir rob](media/abc.png)"));
    expect(backend.args("import_media").at(-1)).toEqual({ id: "a1", path: "/home/reporter/foto.png" });
  });

  it("writes image Markdown the way the store does", () => {
    expect(imageMarkdown("a [b] c", "media/x.jpg")).toBe("![a b c](media/x.jpg)");
    expect(imageMarkdown("", "media/x.jpg")).toBe("![](media/x.jpg)");
  });

  it("filters the dashboard by category and a range of days", async () => {
    await startApp();
    byTestId("tab-dashboard").click();
    const category = byTestId<HTMLInputElement>("filter-category");
    category.value = " Politik ";
    category.dispatchEvent(new Event("input"));
    await vi.waitFor(() => expect(backend.args("dashboard_rows").at(-1)).toMatchObject({ filter: { category: "Politik" } }));
    const from = byTestId<HTMLInputElement>("filter-from");
    from.value = "2026-03-01";
    from.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect((backend.args("dashboard_rows").at(-1)!.filter as { updated_from: string | null }).updated_from).not.toBeNull());
    const sent = backend.args("dashboard_rows").at(-1)!.filter as { updated_from: string; updated_to: string | null };
    const start = new Date(sent.updated_from);
    expect([start.getFullYear(), start.getMonth() + 1, start.getDate(), start.getHours(), start.getMinutes()]).toEqual([2026, 3, 1, 0, 0]);
    expect(sent.updated_to).toBeNull();
  });

  it("turns the last day of a range into the start of the next day", () => {
    const range = dayRange("2026-02-27", "2026-02-28");
    const end = new Date(range.updated_to!);
    expect([end.getFullYear(), end.getMonth() + 1, end.getDate(), end.getHours()]).toEqual([2026, 3, 1, 0]);
    expect(dayRange("", "")).toEqual({ updated_from: null, updated_to: null });
    expect(dayRange("bukan-tanggal", "").updated_from).toBeNull();
  });

  it("moves only after the confirmation, saves unsaved text first, then restarts", async () => {
    backend.articles.set("a1", { id: "a1", title: "Banjir", body: "Teks.", created_at: "", updated_at: "2026-03-01T00:00:00Z", meta: emptyMeta() });
    await startApp();
    const view = () => EditorView.findFromDOM(byTestId("editor"))!;
    await vi.waitFor(() => expect(view().state.doc.toString()).toBe("Teks."));
    view().dispatch({ changes: { from: view().state.doc.length, insert: " Belum tersimpan." } });
    await openSettings();

    byTestId<HTMLInputElement>("data-move-path").value = " /mnt/arsip/redaksi ";
    byTestId("data-move").click();
    const question = document.querySelector('[role="alertdialog"]')!.textContent!;
    expect(question).toContain("/mnt/arsip/redaksi");
    expect(question).toContain("The old folder is kept");
    expect(question).toContain("restart");
    byTestId("cancel-data-move").click();
    expect(document.querySelector('[data-testid="confirm-data-move"]')).toBeNull();
    expect(backend.count("move_data_folder")).toBe(0);

    byTestId("data-move").click();
    byTestId("confirm-data-move").click();
    await vi.waitFor(() => expect(backend.count("restart_app")).toBe(1));
    expect(backend.args("move_data_folder")).toEqual([{ folder: "/mnt/arsip/redaksi" }]);
    const order = backend.calls.map((c) => c.cmd).filter((cmd) => ["save_article", "move_data_folder", "restart_app"].includes(cmd));
    expect(order.slice(-3)).toEqual(["save_article", "move_data_folder", "restart_app"]);
    expect(backend.articles.get("a1")!.body).toBe("Teks. Belum tersimpan.");
    expect(byTestId("data-dir").textContent).toBe("/mnt/arsip/redaksi");
    expect(byTestId("data-move-status").textContent).toBe(
      "The data moved to /mnt/arsip/redaksi; the old folder /data/redaksi is kept. Redaksi restarts…",
    );
  });

  it("shows a refusal in Indonesian and does not restart", async () => {
    await startApp("id");
    await openSettings();
    byTestId<HTMLInputElement>("data-move-path").value = "arsip/redaksi";
    byTestId("data-move").click();
    expect(document.querySelector('[role="alertdialog"]')!.textContent).toContain("Folder lama tetap disimpan");
    byTestId("confirm-data-move").click();
    await vi.waitFor(() => expect(byTestId("data-move-status").textContent).toContain("Folder data tidak bisa dipindah"));
    expect(byTestId("data-move-status").textContent).toContain("Tulis jalur lengkap folder baru");
    expect(backend.count("restart_app")).toBe(0);
    expect(byTestId("data-dir").textContent).toBe("/data/redaksi");
    expect(byTestId<HTMLButtonElement>("data-move").disabled).toBe(false);
  });

  it("does not move when the unsaved text cannot be saved", async () => {
    backend.articles.set("a1", { id: "a1", title: "Banjir", body: "Teks.", created_at: "", updated_at: "2026-03-01T00:00:00Z", meta: emptyMeta() });
    await startApp();
    const view = () => EditorView.findFromDOM(byTestId("editor"))!;
    await vi.waitFor(() => expect(view().state.doc.toString()).toBe("Teks."));
    backend.failSaves = true;
    view().dispatch({ changes: { from: view().state.doc.length, insert: " Lagi." } });
    await openSettings();
    byTestId<HTMLInputElement>("data-move-path").value = "/mnt/arsip/redaksi";
    byTestId("data-move").click();
    byTestId("confirm-data-move").click();
    await vi.waitFor(() => expect(byTestId("data-move-status").textContent).toBe("Unsaved text could not be saved; the data folder was not moved."));
    expect(backend.count("move_data_folder")).toBe(0);
  });

  it("asks for a manual restart when the restart itself fails", async () => {
    backend.failRestart = true;
    await startApp();
    await openSettings();
    byTestId<HTMLInputElement>("data-move-path").value = "/mnt/arsip/redaksi";
    byTestId("data-move").click();
    byTestId("confirm-data-move").click();
    await vi.waitFor(() => expect(byTestId("data-move-status").textContent).toContain("restart Redaksi."));
    expect(byTestId("data-move-status").textContent).toContain("The data moved to /mnt/arsip/redaksi");
    expect(allByTestId("confirm-data-move")).toHaveLength(0);
  });
});
