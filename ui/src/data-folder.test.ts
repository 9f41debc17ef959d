import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EditorView } from "@codemirror/view";
import { App } from "./app";
import { ArticleBackend, allByTestId, byTestId } from "./test-backend";
import type { MoveResult } from "./lib/backend";

/** The store-status and move commands in memory, refusing targets the way the Rust shell does. */
class MoveBackend extends ArticleBackend {
  dataDir = "/data/redaksi";
  failRestart = false;

  override answer(cmd: string, a: Record<string, unknown>): unknown {
    switch (cmd) {
      case "store_status":
        return { ok: true, error: null, newest_good_backup: null, data_dir: this.dataDir };
      case "list_backups":
        return [{ name: "redaksi-a.db", path: "/data/redaksi/backups/redaksi-a.db", created_at: "2026-03-01T08:00:00Z", size: 4096 }];
      case "mirror_status":
        return { folder: null, running: false, last_sync: null, last: { imported: 0, updated: 0, exported: 0, trashed: 0, conflicts: 0, failed: 0 }, error: null };
      case "move_data_folder": {
        const folder = a.folder as string;
        if (!folder.startsWith("/")) throw { code: "target_not_absolute", message: `${folder}: the new place must be an absolute path; the data folder was not moved` };
        if (folder.startsWith(`${this.dataDir}/`)) throw { code: "target_inside_data_dir", message: `${folder}: inside` };
        const moved: MoveResult = { data_dir: folder, old_data_dir: this.dataDir, files: 3, webview_skipped: 0 };
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

describe("moving the data folder", () => {
  let backend: MoveBackend;
  let root: HTMLElement;
  let apps: App[] = [];

  async function startApp(lang: "id" | "en" = "en"): Promise<App> {
    const app = new App(root, { storage: window.localStorage, osLanguages: [lang], reload: () => {} });
    apps.push(app);
    await app.start();
    return app;
  }

  async function openSettings(): Promise<void> {
    byTestId("settings-button")?.click();
    await vi.waitFor(() => expect(byTestId("data-dir").textContent).toBe("/data/redaksi"));
  }

  beforeEach(() => {
    window.localStorage.clear();
    backend = new MoveBackend();
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

  it("moves only after the confirmation, saves unsaved text first, then restarts", async () => {
    backend.articles.set("a1", { id: "a1", title: "Banjir", body: "Teks.", created_at: "", updated_at: "2026-03-01T00:00:00Z", meta: {} });
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
    backend.articles.set("a1", { id: "a1", title: "Banjir", body: "Teks.", created_at: "", updated_at: "2026-03-01T00:00:00Z", meta: {} });
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
