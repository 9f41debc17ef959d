import { describe, expect, it, vi } from "vitest";
import type { CheckView, ReportView } from "../lib/backend";
import { I18n } from "../lib/i18n";
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
