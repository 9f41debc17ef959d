import { describe, expect, it, vi } from "vitest";
import type { CheckView, DashboardRow, ReportView } from "../lib/backend";
import { I18n } from "../lib/i18n";
import { Dashboard, ROW_HEIGHT } from "./dashboard";
import { revisionLabel } from "./history";
import { SeoPanel, pointsText } from "./seo-panel";

const check = (over: Partial<CheckView>): CheckView =>
  ({ id: "c", group: "basic_seo", status: "pass", points: 8, max: 8, hint: "Bagus.", marks: [], ...over }) as CheckView;

describe("check points", () => {
  it.each([
    ["id", check({ status: "pass", points: 3, max: 8 }), "3/8 poin"],
    ["en", check({ status: "fail", points: 0, max: 8 }), "0/8 points"],
    ["id", check({ status: "not_applicable", points: 0, max: 8 }), "tidak berlaku"],
    ["en", check({ status: "not_applicable", points: 0, max: 8 }), "does not apply"],
    ["en", check({ status: "muted", points: 0, max: 5 }), "not counted"],
    ["en", check({ status: "warning", points: 0, max: 0 }), ""],
  ] as const)("%s %o", (lang, c, text) => {
    expect(pointsText(new I18n(lang), c)).toBe(text);
  });
});

describe("revision labels", () => {
  it.each([
    ["id", { kind: "restore", name: "restored from revision 12" }, "Dipulihkan dari revisi 12"],
    ["en", { kind: "restore", name: "restored from revision 3" }, "Restored from revision 3"],
    ["id", { kind: "restore", name: null }, "Dipulihkan"],
    ["id", { kind: "named", name: "Versi redaktur" }, "★ Versi redaktur"],
    ["id", { kind: "before_restore", name: null }, "Sebelum pemulihan"],
    ["en", { kind: "snapshot", name: null }, "Automatic snapshot"],
    // A kind this UI does not know yet still shows something rather than nothing.
    ["en", { kind: "imported", name: null }, "imported"],
  ] as const)("%s %o", (lang, rev, text) => {
    expect(revisionLabel(new I18n(lang), rev as never)).toBe(text);
  });
});

function rows(n: number): DashboardRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    title: `Artikel ${i}`,
    byline: "Rina",
    status: "draft",
    score: i % 101,
    updated_at: new Date(Date.UTC(2026, 0, 1, 0, 0, n - i)).toISOString(),
    snippet: null,
  }));
}

async function dashboard(n: number) {
  const open = vi.fn();
  const board = new Dashboard(new I18n("en"), { load: async () => rows(n), setStatus: async () => [], open });
  document.body.replaceChildren(board.root);
  board.root.hidden = false;
  board.applyLanguage();
  await board.refresh();
  const drawn = () => [...board.root.querySelectorAll<HTMLElement>('[data-testid="dashboard-row"]')];
  return { board, open, drawn };
}

describe("the dashboard's virtual rows", () => {
  it("scrolling keeps the rows still in view and reuses the others, in order", async () => {
    const { board, drawn } = await dashboard(10_000);
    const titles = () => drawn().map((r) => r.querySelector(".col-title")!.textContent);
    expect(titles()[0]).toBe("Artikel 0");
    board.viewport.scrollTop = 20 * ROW_HEIGHT;
    board.draw();
    const before = drawn();
    const stays = before.find((r) => r.dataset.id === "r30")!;
    board.viewport.scrollTop = 25 * ROW_HEIGHT;
    board.draw();
    const after = drawn();
    // No new elements: the ones that left came back for the rows that entered.
    expect(after.every((r) => before.includes(r))).toBe(true);
    expect(after.find((r) => r.dataset.id === "r30")).toBe(stays);
    const indexes = after.map((r) => Number(r.getAttribute("aria-rowindex")));
    expect(indexes).toEqual(indexes.map((_, i) => indexes[0]! + i));
    expect(titles()).toEqual(indexes.map((i) => `Artikel ${i - 1}`));
  });

  it("a jump far down refills every row with the rows now in view", async () => {
    const { board, drawn } = await dashboard(10_000);
    board.viewport.scrollTop = 9_000 * ROW_HEIGHT;
    board.draw();
    const first = drawn()[0]!;
    expect(first.getAttribute("aria-rowindex")).toBe(String(Number(first.dataset.id!.slice(1)) + 1));
    expect(Number(first.dataset.id!.slice(1))).toBeGreaterThan(8_900);
  });

  it("clicks, checkboxes and double clicks still reach the right row", async () => {
    const { board, open, drawn } = await dashboard(50);
    board.viewport.scrollTop = 3 * ROW_HEIGHT;
    board.draw();
    const row = drawn().find((r) => r.dataset.id === "r12")!;
    row.querySelector<HTMLElement>(".col-title")!.click();
    expect(row.classList.contains("active")).toBe(true);
    const box = row.querySelector<HTMLInputElement>("input[type=checkbox]")!;
    box.checked = true;
    box.dispatchEvent(new Event("change", { bubbles: true }));
    expect(row.getAttribute("aria-selected")).toBe("true");
    expect(board.root.querySelector('[data-testid="dashboard-count"]')!.textContent).toContain("1 selected");
    row.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
    expect(open).toHaveBeenCalledWith("r12");
  });
});

describe("the SEO panel", () => {
  const report = (checks: CheckView[]): ReportView =>
    ({ profile: "newsroom", score: 50, band: "ok", keyword: null, checks, secondary: [], words: 1, reading_minutes: 1, scored_title: "", issues: [] }) as ReportView;

  it("leaves unchanged check rows alone and hands out the newest marks on click", () => {
    const onCheck = vi.fn();
    const panel = new SeoPanel(new I18n("en"), { onProfile: vi.fn(), onCheck, onMute: vi.fn(), onUnmute: vi.fn() });
    const a = check({ id: "a", marks: [{ start: 0, end: 1 }] });
    const b = check({ id: "b", status: "fail", points: 0 });
    panel.show(report([a, b]));
    const rowA = panel.root.querySelector('[data-check-id="a"]');
    const rowB = panel.root.querySelector('[data-check-id="b"]');
    const moved = { ...a, marks: [{ start: 5, end: 9 }] };
    panel.show(report([moved, { ...b, status: "pass", points: 8 }]));
    expect(panel.root.querySelector('[data-check-id="a"]')).toBe(rowA);
    const newB = panel.root.querySelector('[data-check-id="b"]')!;
    expect(newB).not.toBe(rowB);
    expect(newB.getAttribute("data-status")).toBe("pass");
    rowA!.querySelector<HTMLElement>(".check-button")!.click();
    expect(onCheck).toHaveBeenCalledWith(moved);
  });
});
