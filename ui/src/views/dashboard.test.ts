import { describe, expect, it, vi } from "vitest";
import type { DashboardRow } from "../lib/backend";
import { I18n } from "../lib/i18n";
import { Dashboard, ROW_HEIGHT } from "./dashboard";

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
