import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { EditorView } from "@codemirror/view";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./app";
import { STRINGS } from "./strings";
import { ArticleBackend, byTestId } from "./test-backend";

function typeInEditor(text: string) {
  const view = EditorView.findFromDOM(byTestId("editor"))!;
  view.dispatch({ changes: { from: view.state.doc.length, insert: text } });
}

async function newArticle(backend: ArticleBackend) {
  const before = backend.count("create_article");
  byTestId("new-article").click();
  await vi.waitFor(() => expect(backend.count("create_article")).toBe(before + 1));
  await vi.waitFor(() =>
    expect(document.querySelector(".document")!.hasAttribute("hidden")).toBe(false),
  );
}

function typeTitle(text: string) {
  const input = byTestId<HTMLInputElement>("title-input");
  input.value = text;
  input.dispatchEvent(new Event("input"));
}

describe("the foundation window", () => {
  let backend: ArticleBackend;
  let root: HTMLElement;

  let apps: App[] = [];

  async function startApp(languages: readonly string[] = ["en-US"]) {
    const app = new App(root, { storage: window.localStorage, osLanguages: languages });
    apps.push(app);
    await app.start();
    return app;
  }

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    window.localStorage.clear();
    backend = new ArticleBackend();
    mockWindows("main");
    mockIPC(backend.handle, { shouldMockEvents: true });
    root = document.createElement("div");
    document.body.replaceChildren(root);
  });

  afterEach(() => {
    for (const app of apps) app.dispose();
    apps = [];
    clearMocks();
    vi.useRealTimers();
  });

  it("starts with an empty list and no open article", async () => {
    await startApp();
    expect(byTestId("article-list").querySelectorAll('[data-testid="article-item"]')).toHaveLength(0);
    expect(root.querySelector(".document")!.hasAttribute("hidden")).toBe(true);
    expect(byTestId("new-article").textContent).toContain("New article");
  });

  it("creates an article and autosaves title and body a second after typing stops", async () => {
    await startApp();
    await newArticle(backend);
    await vi.waitFor(() => expect(byTestId("article-list").querySelectorAll("li")).toHaveLength(1));

    typeTitle("Banjir di Jakarta");
    typeInEditor("Hujan deras sejak pagi.");
    expect(byTestId("save-state").dataset.state).toBe("dirty");
    await vi.advanceTimersByTimeAsync(900);
    expect(backend.count("save_article")).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(backend.count("save_article")).toBe(1);
    expect(byTestId("save-state").dataset.state).toBe("saved");

    const stored = backend.articles.get("id-1")!;
    expect(stored.title).toBe("Banjir di Jakarta");
    expect(stored.body).toBe("Hujan deras sejak pagi.");
    // The slug follows the title until the reporter edits it.
    expect(stored.meta.slug).toBe("banjir-di-jakarta");
    expect(byTestId("article-item").textContent).toContain("Banjir di Jakarta");
  });

  it("Ctrl+S saves at once", async () => {
    await startApp();
    await newArticle(backend);
    typeTitle("Segera");
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true }));
    await vi.waitFor(() => expect(backend.count("save_article")).toBe(1));
    expect(backend.articles.get("id-1")!.title).toBe("Segera");
  });

  it("shows an error state when a save fails and keeps the text", async () => {
    await startApp();
    await newArticle(backend);
    backend.failSaves = true;
    typeInEditor("Teks penting");
    await vi.advanceTimersByTimeAsync(1100);
    const state = byTestId("save-state");
    expect(state.dataset.state).toBe("error");
    expect(state.textContent).toBe("Save failed");
    expect(state.title).toContain("disk full");
    expect(EditorView.findFromDOM(byTestId("editor"))!.state.doc.toString()).toBe("Teks penting");
  });

  it("flushes unsaved text when the window is closed, then lets it close", async () => {
    await startApp();
    await newArticle(backend);
    typeInEditor("Kalimat terakhir");
    await emit("tauri://close-requested");
    await vi.waitFor(() => expect(backend.count("plugin:window|destroy")).toBe(1));
    expect(backend.articles.get("id-1")!.body).toBe("Kalimat terakhir");
    const order = backend.calls.map((c) => c.cmd);
    expect(order.indexOf("save_article")).toBeLessThan(order.indexOf("plugin:window|destroy"));
  });

  it("keeps the window open once when the last save fails", async () => {
    await startApp();
    await newArticle(backend);
    backend.failSaves = true;
    typeInEditor("Belum aman");
    await emit("tauri://close-requested");
    await vi.waitFor(() => expect(root.querySelector(".notice")!.hasAttribute("hidden")).toBe(false));
    expect(backend.count("plugin:window|destroy")).toBe(0);
  });

  it("opens the newest article at start and switches between articles", async () => {
    backend.handle("create_article", { title: "Lama", body: "isi lama" });
    backend.handle("create_article", { title: "Baru", body: "isi baru" });
    await startApp();
    await vi.waitFor(() => expect(byTestId<HTMLInputElement>("title-input").value).toBe("Baru"));
    const items = root.querySelectorAll<HTMLButtonElement>('[data-testid="article-item"]');
    expect([...items].map((i) => i.querySelector(".item-title")!.textContent)).toEqual(["Baru", "Lama"]);
    items[1].click();
    await vi.waitFor(() => expect(byTestId<HTMLInputElement>("title-input").value).toBe("Lama"));
    expect(EditorView.findFromDOM(byTestId("editor"))!.state.doc.toString()).toBe("isi lama");
  });

  it("speaks Indonesian when the OS does, and the setting overrides it", async () => {
    await startApp(["id-ID"]);
    expect(byTestId("new-article").textContent).toContain("Artikel baru");
    expect(byTestId("save-state").textContent).toBe("Tersimpan");
    expect(document.documentElement.lang).toBe("id");

    // One language menu, in the settings (the sidebar had a second one once).
    expect(root.querySelectorAll("select").length).toBeGreaterThan(0);
    expect([...root.querySelectorAll("option")].filter((o) => o.value === "auto")).toHaveLength(1);
    byTestId("settings-button").click();
    const select = byTestId<HTMLSelectElement>("language-select");
    select.value = "en";
    select.dispatchEvent(new Event("change"));
    expect(byTestId("new-article").textContent).toContain("New article");
    expect(window.localStorage.getItem("redaksi.lang")).toBe("en");

    // A second start keeps the reporter's choice over the OS language.
    root = document.createElement("div");
    document.body.replaceChildren(root);
    await startApp(["id-ID"]);
    expect(byTestId("new-article").textContent).toContain("New article");
  });

  it("one language switch relabels the whole window, overlays and attributes included", async () => {
    await startApp(["en-US"]);
    await newArticle(backend);
    const english = new Set<unknown>(
      Object.values(STRINGS)
        .map((text) => [text.en, text.id])
        .filter(([en, id]) => typeof en === "string" && en !== id)
        .map(([en]) => en),
    );
    const shownInEnglish = () => [
      ...[...root.querySelectorAll("[data-i18n]")].map((node) => node.textContent),
      ...["placeholder", "title", "aria-label", "label"].flatMap((name) =>
        [...root.querySelectorAll(`[data-i18n-${name}]`)].map((node) => node.getAttribute(name)),
      ),
    ].filter((text) => english.has(text ?? ""));
    expect(shownInEnglish().length).toBeGreaterThan(100);

    byTestId("settings-button").click();
    const select = byTestId<HTMLSelectElement>("language-select");
    select.value = "id";
    select.dispatchEvent(new Event("change"));
    expect(shownInEnglish()).toEqual([]);
    expect(byTestId("counts").textContent).toBe("0 kata · 0 karakter · 0 menit baca");
    expect(document.documentElement.lang).toBe("id");
  });

  it("renders the preview through the backend and shows counts once typing pauses", async () => {
    await startApp(["id-ID"]);
    await newArticle(backend);
    byTestId("preview-toggle").click();
    typeInEditor("Anak-anak bermain di kali.");
    await vi.advanceTimersByTimeAsync(200);
    await vi.waitFor(() =>
      expect(byTestId("preview").innerHTML).toBe('<p class="rendered">Anak-anak bermain di kali.</p>'),
    );
    expect(byTestId("counts").textContent).toBe("4 kata · 26 karakter · 1 menit baca");
  });

  it("shows and hides the preview on request and remembers it", async () => {
    const app = await startApp();
    await newArticle(backend);
    expect(byTestId("preview").hidden).toBe(true);
    byTestId("preview-toggle").click();
    expect(byTestId("preview").hidden).toBe(false);
    expect(window.localStorage.getItem("redaksi.preview")).toBe("on");
    app.dispose();
    await startApp();
    expect(byTestId("preview").hidden).toBe(false);
    byTestId("preview-toggle").click();
    expect(byTestId("preview").hidden).toBe(true);
    expect(byTestId("preview-toggle").getAttribute("aria-pressed")).toBe("false");
    const rendered = backend.count("render_preview");
    typeInEditor("x");
    await vi.advanceTimersByTimeAsync(200);
    expect(backend.count("render_preview")).toBe(rendered);
    expect(window.localStorage.getItem("redaksi.preview")).toBe("off");
  });

  it("Ctrl+N creates an article and Ctrl+2 focuses the editor", async () => {
    await startApp();
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "n", ctrlKey: true }));
    await vi.waitFor(() => expect(backend.count("create_article")).toBe(1));
    await vi.waitFor(() => expect(document.activeElement).toBe(byTestId("title-input")));
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "2", ctrlKey: true }));
    expect(byTestId("editor").contains(document.activeElement)).toBe(true);
  });

  it("F1 opens the shortcut list in the UI language and Escape closes it", async () => {
    await startApp(["id-ID"]);
    const overlay = byTestId("shortcuts-overlay").closest<HTMLElement>(".overlay")!;
    expect(overlay.hidden).toBe(true);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "F1" }));
    expect(overlay.hidden).toBe(false);
    const text = overlay.textContent ?? "";
    expect(text).toContain("Ctrl+S");
    expect(text).toContain("Simpan sekarang");
    expect(text).not.toContain("Save now");
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(overlay.hidden).toBe(true);
  });

  it("the settings force a theme over the OS and can go back to following it", async () => {
    await startApp();
    byTestId("settings-button").click();
    expect(byTestId("settings").closest<HTMLElement>(".overlay")!.hidden).toBe(false);
    const theme = byTestId<HTMLSelectElement>("settings-theme");
    theme.value = "dark";
    theme.dispatchEvent(new Event("change"));
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(JSON.parse(window.localStorage.getItem("redaksi.desk")!).theme).toBe("dark");
    theme.value = "system";
    theme.dispatchEvent(new Event("change"));
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
