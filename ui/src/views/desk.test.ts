import { EditorView } from "@codemirror/view";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../app";
import type { Article, CheckView, DashboardRow, ReportView } from "../lib/backend";
import { emptyMeta } from "../lib/meta";

const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
  document.querySelector<T>(`[data-testid="${id}"]`)!;

const BODY = "Kafé ramai. Banjir rob di Muara Baru; banjir rob lagi.";

/**
 * A backend whose score depends on its input the way the engine's does for these tests: the
 * keyword "banjir rob" found in the body scores, and its marks are the byte ranges of every
 * occurrence (found with TextEncoder, not with the UI's converter).
 */
class DeskBackend {
  article: Article = {
    id: "a1",
    title: "Banjir rob",
    body: BODY,
    created_at: "2026-01-01T08:00:00Z",
    updated_at: "2026-01-01T08:00:00Z",
    meta: { ...emptyMeta(), status: "draft" },
  };
  analyses: { article: Article; profile: string; lang: string; rules?: unknown }[] = [];
  hold: ((value: ReportView) => void)[] = [];
  holdAnswers = false;
  rows: DashboardRow[] = [];
  filters: unknown[] = [];

  report(article: Article, lang: string): ReportView {
    const keyword = article.meta.keywords?.[0]?.phrase;
    const marks: { start: number; end: number }[] = [];
    if (keyword) {
      const encoder = new TextEncoder();
      const lower = article.body.toLowerCase();
      for (let at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
        const start = encoder.encode(article.body.slice(0, at)).length;
        marks.push({ start, end: start + encoder.encode(keyword).length });
      }
    }
    const check: CheckView = {
      id: "keywordInContent",
      group: "basic_seo",
      status: marks.length ? "pass" : "fail",
      points: marks.length ? 10 : 0,
      max: 10,
      message: { key: marks.length ? "keywordInContent.pass" : "keywordInContent.fail" },
      hint: lang === "id" ? "Kata kunci ada di isi." : "Keyword in the content.",
      marks,
    };
    const score = marks.length ? 85 : 40;
    return {
      profile: "newsroom",
      score,
      band: score > 80 ? "good" : "bad",
      keyword: keyword ?? null,
      checks: [check],
      secondary: [],
      words: 9,
      reading_minutes: 1,
      scored_title: article.title,
      issues: [],
    };
  }

  handle = (cmd: string, args: unknown): unknown => {
    const a = (args ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case "list_articles":
        return [{ id: "a1", title: this.article.title, updated_at: this.article.updated_at }];
      case "get_article":
        return structuredClone(this.article);
      case "save_article":
      case "save_article_as":
        this.article = structuredClone(a.article as Article);
        return this.article;
      case "analyze_article": {
        const request = { article: a.article as Article, profile: a.profile as string, lang: a.lang as string, rules: a.rules };
        this.analyses.push(request);
        const report = this.report(request.article, request.lang);
        if (!this.holdAnswers) return report;
        return new Promise<ReportView>((resolve) => this.hold.push(() => resolve(report)));
      }
      case "render_preview":
        return `<p>${String(a.markdown).length}</p>`;
      case "set_score":
        return null;
      case "check_rules_file":
        if (a.path === "/rules/missing.json") throw { code: "io", message: "/rules/missing.json: No such file" };
        return a.path === "/rules/good.json"
          ? { valid: true, line: null, column: null, message: "" }
          : { valid: false, line: 7, column: 12, message: "expected `,` or `}`" };
      case "dashboard_rows":
        this.filters.push(a.filter);
        return this.rows;
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  };
}

describe("the editor's desk", () => {
  let backend: DeskBackend;
  let root: HTMLElement;

  beforeEach(() => {
    window.localStorage.clear();
    backend = new DeskBackend();
    mockWindows("main");
    mockIPC(backend.handle, { shouldMockEvents: true });
    root = document.createElement("div");
    document.body.replaceChildren(root);
  });

  afterEach(() => clearMocks());

  async function start() {
    const app = new App(root, { storage: window.localStorage, osLanguages: ["en-US"], autosaveDelayMs: 10_000 });
    await app.start();
    await vi.waitFor(() => expect(byTestId("score-badge").textContent).toBe("40 / 100"));
    return app;
  }

  function addKeyword(text: string) {
    const input = byTestId<HTMLInputElement>("keyword-input");
    input.value = text;
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
  }

  it("scores on open and rescoring after a keyword turns the badge green and the check to pass", async () => {
    await start();
    expect(byTestId("score-badge").dataset.band).toBe("bad");
    expect(byTestId("seo-check").dataset.status).toBe("fail");
    addKeyword("banjir rob");
    await vi.waitFor(() => expect(byTestId("score-badge").textContent).toBe("85 / 100"));
    expect(byTestId("score-badge").dataset.band).toBe("good");
    expect(byTestId("seo-check").dataset.status).toBe("pass");
    expect(byTestId("seo-check").dataset.checkId).toBe("keywordInContent");
    expect(backend.analyses.at(-1)!.article.meta.keywords).toEqual([{ phrase: "banjir rob", synonyms: [] }]);
    expect(byTestId("keyword-chip").textContent).toContain("banjir rob");
  });

  it("clicking a check highlights exactly its marks, after non-ASCII text", async () => {
    await start();
    addKeyword("banjir rob");
    await vi.waitFor(() => expect(byTestId("seo-check").dataset.status).toBe("pass"));
    byTestId("seo-check").querySelector("button")!.click();
    await vi.waitFor(() => expect(root.querySelectorAll(".cm-check-mark")).toHaveLength(2));
    const texts = Array.from(root.querySelectorAll(".cm-check-mark"), (m) => m.textContent);
    expect(texts).toEqual(["Banjir rob", "banjir rob"]);
  });

  it("drops a late answer for text that has changed since", async () => {
    await start();
    backend.holdAnswers = true;
    const view = EditorView.findFromDOM(byTestId("editor"))!;
    view.dispatch({ changes: { from: view.state.doc.length, insert: " Satu." } });
    view.dispatch({ changes: { from: view.state.doc.length, insert: " Dua." } });
    await vi.waitFor(() => expect(backend.hold).toHaveLength(1));
    addKeyword("banjir rob");
    // The first answer (no keyword) arrives after the keyword was added: it must not show.
    backend.hold.shift()!(undefined as never);
    await vi.waitFor(() => expect(backend.hold).toHaveLength(1));
    expect(byTestId("score-badge").textContent).toBe("40 / 100");
    backend.hold.shift()!(undefined as never);
    await vi.waitFor(() => expect(byTestId("score-badge").textContent).toBe("85 / 100"));
    // While "Satu." was being scored, "Dua." waited and was replaced by the keyword change:
    // "Dua." without the keyword never went out.
    const sent = backend.analyses.map((r) => [r.article.body.endsWith("Dua."), !!r.article.meta.keywords?.length]);
    expect(sent.slice(-2)).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it("switching the profile and the language rescores with them", async () => {
    await start();
    const select = byTestId<HTMLSelectElement>("profile-select");
    select.value = "rankmath";
    select.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(backend.analyses.at(-1)!.profile).toBe("rankmath"));
    byTestId("settings-button").click();
    const lang = byTestId<HTMLSelectElement>("language-select");
    lang.value = "id";
    lang.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(backend.analyses.at(-1)!.lang).toBe("id"));
    await vi.waitFor(() => expect(byTestId("seo-check").textContent).toContain("Kata kunci ada di isi."));
    expect(byTestId("tab-dashboard").textContent).toBe("Dasbor");
    expect(document.documentElement.lang).toBe("id");
  });

  it("a rules file is checked first: a bad one names its line and is not used, a good one is", async () => {
    await start();
    byTestId("settings-button").click();
    const lang = byTestId<HTMLSelectElement>("language-select");
    lang.value = "id";
    lang.dispatchEvent(new Event("change"));
    const input = byTestId<HTMLInputElement>("settings-rules-file");
    const status = byTestId("rules-status");
    const choose = (path: string) => {
      input.value = path;
      input.dispatchEvent(new Event("change"));
    };
    choose("/rules/bad.json");
    await vi.waitFor(() => expect(status.textContent).toContain("baris 7, kolom 12"));
    expect(status.textContent).toContain("Aturan sebelumnya tetap dipakai.");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    choose("/rules/missing.json");
    await vi.waitFor(() => expect(status.textContent).toContain("Gagal membaca atau menulis berkas."));
    const before = backend.analyses.length;
    choose("/rules/good.json");
    await vi.waitFor(() => expect(status.textContent).toBe("Aturan valid; penilaian memakai berkas ini."));
    await vi.waitFor(() => expect(backend.analyses.length).toBeGreaterThan(before));
    expect(backend.analyses.at(-1)!.rules).toBe("/rules/good.json");
    // Only the bad files were refused: every analysis before the good one used the built-in rules.
    expect(backend.analyses.slice(0, before).every((r) => r.rules === null)).toBe(true);
    expect(JSON.parse(window.localStorage.getItem("redaksi.desk")!).rulesFile).toBe("/rules/good.json");
    // The rules file belongs to the newsroom profile; Rank Math's number ignores it.
    const profile = byTestId<HTMLSelectElement>("profile-select");
    profile.value = "rankmath";
    profile.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(backend.analyses.at(-1)!.profile).toBe("rankmath"));
    expect(backend.analyses.at(-1)!.rules).toBeNull();
  });

  it("the slug follows the title until edited, and the SERP shows site URL and slug", async () => {
    await start();
    byTestId("panel-tab-meta").click();
    const title = byTestId<HTMLInputElement>("title-input");
    title.value = "Harga Cabai Naik";
    title.dispatchEvent(new Event("input"));
    expect(byTestId<HTMLInputElement>("slug-input").value).toBe("harga-cabai-naik");
    expect(byTestId("serp-url").textContent).toBe("https://example.com/harga-cabai-naik");
    expect(byTestId("serp-title").textContent).toBe("Harga Cabai Naik - Redaksi");
    const slug = byTestId<HTMLInputElement>("slug-input");
    slug.value = "cabai";
    slug.dispatchEvent(new Event("input"));
    title.value = "Harga Cabai Turun";
    title.dispatchEvent(new Event("input"));
    expect(slug.value).toBe("cabai");
    // A typed SEO title replaces the template's title in the SERP preview at once.
    const seoTitle = byTestId<HTMLInputElement>("seo-title-input");
    seoTitle.value = "Cabai murah lagi";
    seoTitle.dispatchEvent(new Event("input"));
    expect(byTestId("serp-title").textContent).toBe("Cabai murah lagi");
  });

  it("the dashboard draws only the rows in view and sorts by a column", async () => {
    backend.rows = Array.from({ length: 10_000 }, (_, i) => ({
      id: `r${i}`,
      title: `Artikel ${i}`,
      byline: i % 2 ? "Rina" : "Budi",
      status: "draft",
      score: i % 101,
      updated_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      snippet: null,
    }));
    await start();
    byTestId("tab-dashboard").click();
    await vi.waitFor(() => expect(byTestId("dashboard-count").textContent).toContain("10000"));
    const drawn = document.querySelectorAll('[data-testid="dashboard-row"]').length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(100);
    (document.querySelector('[data-sort="score"]') as HTMLElement).click();
    const first = document.querySelector('[data-testid="dashboard-row"] .col-score')!.textContent;
    expect(first).toBe("100");
    const search = byTestId<HTMLInputElement>("search-input");
    search.value = "gempa";
    search.dispatchEvent(new Event("input"));
    await vi.waitFor(() => expect(backend.filters.at(-1)).toMatchObject({ text: "gempa" }));
  });
});
