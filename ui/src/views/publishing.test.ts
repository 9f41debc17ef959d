import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../app";
import { ArticleBackend, byTestId } from "../test-backend";
import type { Article, OutboxItem, PublishTarget } from "../lib/backend";
import * as backendApi from "../lib/backend";
import { I18n } from "../lib/i18n";
import { AccountsSection, EXPORT_FOLDER_KEY } from "./accounts";
import { ConflictDialog } from "./conflict";
import { OutboxPanel, errorCode } from "./outbox";
import { parseDestination, scheduleTime } from "./publish-dialog";
import { emptyMeta } from "../lib/meta";

/** The shell's publishing commands in memory, on top of the article commands. */
class FakeBackend extends ArticleBackend {
  targets: PublishTarget[] = [{ name: "situs", kind: "wordpress", url: "http://127.0.0.1:8089", username: "admin" }];
  outbox: OutboxItem[] = [];

  constructor() {
    super();
    const stamp = "2026-11-26T08:00:00Z";
    this.articles.set("a1", { id: "a1", title: "Banjir Rob", body: "Air naik.", created_at: stamp, updated_at: stamp, meta: { ...emptyMeta(), status: "ready" } });
  }

  override answer(cmd: string, a: Record<string, unknown>): unknown {
    switch (cmd) {
      case "list_targets":
        return this.targets;
      case "save_target": {
        const { secret: _secret, ...target } = a;
        this.targets = [...this.targets.filter((t) => t.name !== a.name), target as unknown as PublishTarget];
        return target;
      }
      case "remove_target":
        this.targets = this.targets.filter((t) => t.name !== a.name);
        return null;
      case "list_outbox":
        return structuredClone(this.outbox);
      case "preview_payload":
        if (a.target) {
          const rank_math = { title: "", description: "Air naik di pesisir.", focus_keyword: "banjir rob,pesisir", seo_score: 72 };
          return { kind: "wordpress", content: `{"title": "Banjir Rob", "content": "<p>Air naik.</p>", "status": "${String(a.status)}"}`, pending: [], dropped: [], rank_math };
        }
        return { kind: a.format, content: "<!DOCTYPE html><p>Air naik.</p>", pending: [], dropped: [{ field: "status", reason: "internal newsroom data, never published" }] };
      case "enqueue_publish": {
        const item = row(this.outbox.length + 1, "queued", { target: a.target as string, remote_status: a.status as OutboxItem["remote_status"], publish_at: (a.publishAt as string) ?? null });
        this.outbox.unshift(item);
        return item;
      }
      case "export_article":
        return { path: `${String(a.folder)}/banjir-rob.${String(a.format)}`, dropped: [] };
      case "retry_outbox": {
        const item = this.outbox.find((i) => i.id === a.id)!;
        item.state = "queued";
        return item;
      }
      default:
        return super.answer(cmd, a);
    }
  }

  called(cmd: string) {
    return this.calls.filter((c) => c.cmd === cmd);
  }
}

function row(id: number, state: OutboxItem["state"], extra: Partial<OutboxItem> = {}): OutboxItem {
  const stamp = "2026-11-26T08:00:00Z";
  return {
    id,
    article_id: "a1",
    target: "situs",
    remote_status: "publish",
    publish_at: null,
    state,
    attempts: 0,
    next_attempt_at: stamp,
    last_error: null,
    remote_id: null,
    remote_url: null,
    version_token: null,
    remote_copy: null,
    report: null,
    overwrite: false,
    confirmed: false,
    created_at: stamp,
    updated_at: stamp,
    ...extra,
  };
}


const visible = (testId: string) => !byTestId(testId).closest(".overlay")!.hasAttribute("hidden");

describe("publishing from the desk", () => {
  let backend: FakeBackend;
  let app: App;

  beforeEach(async () => {
    window.localStorage.clear();
    backend = new FakeBackend();
    mockWindows("main");
    mockIPC(backend.handle, { shouldMockEvents: true });
    const root = document.createElement("div");
    document.body.replaceChildren(root);
    app = new App(root, { storage: window.localStorage, osLanguages: ["en-GB"] });
    await app.start();
    await vi.waitFor(() => expect(byTestId<HTMLInputElement>("title-input").value).toBe("Banjir Rob"));
  });

  afterEach(() => {
    app.dispose();
    clearMocks();
  });

  function pressPublishShortcut() {
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "P", ctrlKey: true, shiftKey: true, bubbles: true }));
  }

  it("Ctrl+Shift+P opens the dialog and shows the backend's payload as text, for the first account", async () => {
    pressPublishShortcut();
    await vi.waitFor(() => expect(visible("publish-dialog")).toBe(true));
    const destination = byTestId<HTMLSelectElement>("publish-destination");
    expect([...destination.options].map((o) => o.value)).toEqual(["target:situs", "file:html", "file:md", "file:ninjs"]);
    await vi.waitFor(() => expect(backend.called("preview_payload")).toHaveLength(1));
    expect(backend.called("preview_payload")[0].args).toMatchObject({ articleId: "a1", target: "situs", status: "draft", publishAt: null });
    const preview = byTestId("publish-preview");
    await vi.waitFor(() => expect(preview.textContent).toContain('"content": "<p>Air naik.</p>"'));
    // Shown as text: the payload's HTML never becomes elements in the window.
    expect(preview.children).toHaveLength(0);
  });

  it("the preview lists the Rank Math fields a WordPress site running Rank Math will store", async () => {
    pressPublishShortcut();
    await vi.waitFor(() => expect(byTestId("publish-rank-math").textContent).toContain("Rank Math"));
    expect(byTestId("rank-math-rankMathScore").textContent).toBe("SEO score: 72 / 100");
    expect(byTestId("rank-math-rankMathKeywords").textContent).toBe("Focus keywords: banjir rob, pesisir");
    expect(byTestId("rank-math-rankMathTitle").textContent).toBe("SEO title: (Rank Math's title template)");
  });

  it("publishing queues the request, and the outbox row follows the worker's events to sent", async () => {
    byTestId("publish-button").click();
    await vi.waitFor(() => expect(visible("publish-dialog")).toBe(true));
    const status = byTestId<HTMLSelectElement>("publish-status");
    status.value = "publish";
    status.dispatchEvent(new Event("change"));
    byTestId("publish-confirm").click();
    await vi.waitFor(() => expect(backend.called("enqueue_publish")).toHaveLength(1));
    expect(backend.called("enqueue_publish")[0].args).toMatchObject({ articleId: "a1", target: "situs", status: "publish", publishAt: null });
    await vi.waitFor(() => expect(visible("outbox")).toBe(true));
    expect(visible("publish-dialog")).toBe(false);
    const item = () => byTestId("outbox-item");
    await vi.waitFor(() => expect(item().dataset.status).toBe("queued"));
    expect(item().querySelector(".outbox-title")!.textContent).toBe("Banjir Rob");

    backend.outbox[0].state = "sending";
    await emit("outbox-progress", { event: "sending", id: 1, attempt: 0 });
    await vi.waitFor(() => expect(item().dataset.status).toBe("sending"));
    expect(byTestId("outbox-progress").textContent).toContain("attempt 1");

    Object.assign(backend.outbox[0], { state: "sent", remote_url: "http://127.0.0.1:8089/?p=7" });
    await emit("outbox-progress", { event: "finished", id: 1, state: "sent", message: null });
    await vi.waitFor(() => expect(item().dataset.status).toBe("sent"));
    await vi.waitFor(() => expect(item().textContent).toContain("?p=7"));
    expect(byTestId("outbox-button").textContent).toBe("Outbox");
  });

  it("a schedule needs a future time and is sent as status future in UTC", async () => {
    byTestId("publish-button").click();
    await vi.waitFor(() => expect(visible("publish-dialog")).toBe(true));
    const schedule = byTestId<HTMLInputElement>("publish-schedule");
    schedule.checked = true;
    schedule.dispatchEvent(new Event("change"));
    byTestId("publish-confirm").click();
    await vi.waitFor(() => expect(byTestId("publish-result").textContent).toBe("Choose the date and time to publish."));
    expect(backend.called("enqueue_publish")).toHaveLength(0);

    const at = byTestId<HTMLInputElement>("publish-at");
    at.value = "2099-05-01T09:30";
    at.dispatchEvent(new Event("change"));
    byTestId("publish-confirm").click();
    await vi.waitFor(() => expect(backend.called("enqueue_publish")).toHaveLength(1));
    expect(backend.called("enqueue_publish")[0].args).toMatchObject({
      status: "future",
      publishAt: new Date("2099-05-01T09:30").toISOString(),
    });
  });

  it("a file export goes to the export folder from the settings and says where", async () => {
    window.localStorage.setItem(EXPORT_FOLDER_KEY, "/srv/ekspor");
    byTestId("publish-button").click();
    await vi.waitFor(() => expect(visible("publish-dialog")).toBe(true));
    const destination = byTestId<HTMLSelectElement>("publish-destination");
    destination.value = "file:md";
    destination.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(backend.called("preview_payload").at(-1)!.args).toMatchObject({ format: "md" }));
    await vi.waitFor(() => expect(byTestId("publish-dialog").textContent).toContain("status: internal newsroom data"));
    expect(byTestId("publish-confirm").textContent).toBe("Export to file");
    byTestId("publish-confirm").click();
    await vi.waitFor(() => expect(byTestId("publish-result").textContent).toBe("Saved to /srv/ekspor/banjir-rob.md"));
    expect(backend.called("export_article")[0].args).toEqual({ articleId: "a1", format: "md", folder: "/srv/ekspor" });
  });
});

describe("the outbox list", () => {
  const mount = (items: OutboxItem[], lang: "id" | "en" = "id") => {
    const retry = vi.fn(async (id: number) => row(id, "queued"));
    const resolve = vi.fn();
    const panel = new OutboxPanel(new I18n(lang), {
      list: async () => items,
      retry,
      resolve,
      subscribe: async () => () => undefined,
    });
    document.body.replaceChildren(panel.root);
    return { panel, retry, resolve };
  };

  it("explains a refused post in the user's language and offers a retry", async () => {
    const failed = row(3, "failed", {
      last_error: "situs answered 403 rest_cannot_create: Sorry, you are not allowed to create posts as this user.",
      report: JSON.stringify({ error_code: "remote:rest_cannot_create" }),
    });
    const { panel, retry } = mount([failed]);
    await panel.open();
    const item = byTestId("outbox-item");
    expect(item.dataset.status).toBe("failed");
    expect(byTestId("outbox-error", item).textContent).toBe(
      "CMS menolak tulisan ini. (situs answered 403 rest_cannot_create: Sorry, you are not allowed to create posts as this user.)",
    );
    byTestId<HTMLButtonElement>("outbox-retry", item).click();
    await vi.waitFor(() => expect(retry).toHaveBeenCalledWith(3, false, false));
  });

  it.each([
    [row(1, "needs-auth", { report: JSON.stringify({ error_code: "remote:incorrect_password" }) }), "needs_auth", "outbox-retry"],
    [row(2, "needs-confirmation", { publish_at: "2020-01-01T00:00:00Z" }), "needs_confirmation", "outbox-confirm"],
    [row(3, "conflict", { remote_copy: "{}" }), "conflict", "outbox-resolve"],
    [row(4, "queued", { report: JSON.stringify({ error_code: "network" }), last_error: "connection refused" }), "network", undefined],
  ])("row %# stopped for %s offers its own answer", async (item, code, action) => {
    expect(errorCode(item)).toBe(code);
    const { panel } = mount([item], "en");
    await panel.open();
    const buttons = [...document.querySelectorAll<HTMLElement>(".outbox-actions button")].map((b) => b.dataset.testid);
    expect(buttons).toEqual(action ? [action] : []);
  });

  it("never lists a sent row as an error", async () => {
    const sent = row(5, "sent", { report: JSON.stringify({ seo: [] }), remote_url: "http://wp/?p=9" });
    expect(errorCode(sent)).toBeUndefined();
    const { panel } = mount([sent]);
    await panel.open();
    expect(document.querySelector('[data-testid="outbox-error"]')).toBeNull();
  });
});

describe("the conflict dialog", () => {
  const view = {
    id: 4,
    target: "situs",
    local_title: "Banjir Rob",
    local_html: "<p>Versi lokal</p>",
    remote_title: "Banjir Rob (disunting)",
    remote_html: "<p>Versi redaktur</p>",
    remote_modified: "2026-11-26T09:00:00",
    remote_url: "http://wp/?p=7",
  };

  function mount() {
    const events = {
      load: vi.fn(async () => view),
      overwrite: vi.fn(async () => undefined),
      keepRemote: vi.fn(async (_id: number, title: string) => ({ id: "copy", title, body: "Versi lokal", created_at: "", updated_at: "", meta: emptyMeta() }) as Article),
      done: vi.fn(),
    };
    const dialog = new ConflictDialog(new I18n("id"), events);
    document.body.replaceChildren(dialog.root);
    return { dialog, events };
  }

  it("shows both versions side by side", async () => {
    const { dialog } = mount();
    await dialog.open(row(4, "conflict"));
    expect(byTestId("conflict-local").textContent).toBe("Versi lokal");
    expect(byTestId("conflict-remote").textContent).toBe("Versi redaktur");
    expect(byTestId("conflict-remote-title").textContent).toBe("Banjir Rob (disunting)");
    const meta = document.querySelector("[data-testid=conflict-dialog] .muted.small")!.textContent!;
    expect(meta).toMatch(/^diubah .*2026.* · http:\/\/wp\/\?p=7$/);
    expect(meta).not.toContain("T09:00:00");
  });

  it("keeping the CMS version saves the local text as a named draft copy", async () => {
    const { dialog, events } = mount();
    await dialog.open(row(4, "conflict"));
    byTestId("conflict-keep-remote").click();
    await vi.waitFor(() => expect(events.done).toHaveBeenCalled());
    expect(events.keepRemote).toHaveBeenCalledWith(4, "Banjir Rob (salinan lokal)");
    expect(events.done.mock.calls[0][0].title).toBe("Banjir Rob (salinan lokal)");
    expect(events.overwrite).not.toHaveBeenCalled();
    expect(dialog.isOpen).toBe(false);
  });

  it("overwrite sends again with overwrite; cancel changes nothing", async () => {
    const { dialog, events } = mount();
    await dialog.open(row(4, "conflict"));
    byTestId("conflict-cancel").click();
    expect(dialog.isOpen).toBe(false);
    expect(events.overwrite).not.toHaveBeenCalled();
    expect(events.keepRemote).not.toHaveBeenCalled();
    await dialog.open(row(4, "conflict"));
    byTestId("conflict-overwrite").click();
    await vi.waitFor(() => expect(events.overwrite).toHaveBeenCalledWith(4));
  });
});

describe("CMS accounts in the settings", () => {
  let backend: FakeBackend;

  beforeEach(() => {
    window.localStorage.clear();
    backend = new FakeBackend();
    backend.targets = [];
    mockIPC(backend.handle);
  });

  afterEach(() => clearMocks());

  function fill(section: AccountsSection, values: Record<string, string>) {
    for (const [id, value] of Object.entries(values)) {
      const input = byTestId<HTMLInputElement | HTMLSelectElement>(id, section.root);
      input.value = value;
      input.dispatchEvent(new Event("change"));
    }
  }

  it("the secret goes only to save_target, and the field is emptied", async () => {
    const section = new AccountsSection(new I18n("en"), backendApi, window.localStorage);
    document.body.replaceChildren(section.root);
    const secret = "abcd efgh ijkl mnop qrst uvwx";
    fill(section, { "account-name": "situs", "account-url": "http://127.0.0.1:8089", "account-user": "admin", "account-secret": secret });
    byTestId("account-save", section.root).click();
    await vi.waitFor(() => expect(byTestId("account-message", section.root).textContent).toBe("Account situs saved."));
    expect(backend.called("save_target").map((c) => c.args)).toEqual([
      { name: "situs", kind: "wordpress", url: "http://127.0.0.1:8089", username: "admin", secret },
    ]);
    expect(byTestId<HTMLInputElement>("account-secret", section.root).value).toBe("");
    expect(JSON.stringify({ ...window.localStorage })).not.toContain("ijkl");
    await vi.waitFor(() => expect(section.root.querySelectorAll('[data-testid="account-item"]')).toHaveLength(1));
    expect(byTestId("account-item", section.root).textContent).not.toContain("ijkl");
  });

  it("a WordPress account without a user is refused before anything is sent; Ghost needs none", async () => {
    const section = new AccountsSection(new I18n("id"), backendApi, window.localStorage);
    document.body.replaceChildren(section.root);
    fill(section, { "account-name": "situs", "account-url": "http://wp", "account-secret": "x" });
    byTestId("account-save", section.root).click();
    expect(byTestId("account-message", section.root).textContent).toBe("Isi nama, alamat, pengguna (WordPress) dan rahasia.");
    expect(backend.called("save_target")).toHaveLength(0);

    fill(section, { "account-kind": "ghost", "account-secret": "id:0123abcd" });
    expect(section.root.querySelector<HTMLElement>('[data-testid="account-user"]')!.closest<HTMLElement>(".field")!.hidden).toBe(true);
    byTestId("account-save", section.root).click();
    await vi.waitFor(() => expect(backend.called("save_target")).toHaveLength(1));
    expect(backend.called("save_target")[0].args).toMatchObject({ kind: "ghost", username: null });
  });

  it("edits keep the name (the keyring key) and remove asks first", async () => {
    backend.targets = [{ name: "situs", kind: "wordpress", url: "http://wp", username: "admin" }];
    const section = new AccountsSection(new I18n("en"), backendApi, window.localStorage);
    document.body.replaceChildren(section.root);
    await vi.waitFor(() => expect(section.root.querySelectorAll('[data-testid="account-item"]')).toHaveLength(1));
    byTestId("account-edit", section.root).click();
    expect(byTestId<HTMLInputElement>("account-name", section.root).readOnly).toBe(true);
    expect(byTestId<HTMLInputElement>("account-url", section.root).value).toBe("http://wp");

    const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    byTestId("account-remove", section.root).click();
    expect(backend.called("remove_target")).toHaveLength(0);
    byTestId("account-remove", section.root).click();
    await vi.waitFor(() => expect(backend.called("remove_target")).toHaveLength(1));
    await vi.waitFor(() => expect(section.root.querySelectorAll('[data-testid="account-item"]')).toHaveLength(0));
    confirm.mockRestore();
  });
});

describe("the dialog's small rules", () => {
  it.each([
    ["target:situs", { target: "situs" }],
    ["target:a:b", { target: "a:b" }],
    ["file:ninjs", { format: "ninjs" }],
    ["file:pdf", undefined],
    ["target:", undefined],
  ])("%s is read as %o", (value, expected) => {
    expect(parseDestination(value)).toEqual(expected);
  });

  it("a schedule must be a valid time in the future", () => {
    const now = new Date("2026-11-26T10:00:00Z");
    expect(scheduleTime("", now)).toEqual({ problem: "publishAtMissing" });
    expect(scheduleTime("2020-01-01T10:00", now)).toEqual({ problem: "publishAtPast" });
    expect(scheduleTime("2027-01-01T10:00", now)).toEqual({ at: new Date("2027-01-01T10:00").toISOString() });
  });
});
