import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AuditProgress, AuditRequest, Audited, PublishTarget, SitePost, SiteReport } from "../lib/backend";
import { I18n } from "../lib/i18n";
import { SitePanel } from "./site";

function post(id: number, rankmath: number, stored: number | null): SitePost {
  return { id, title: `Tulisan ${id}`, link: `https://situs.example/?p=${id}`, modified_gmt: "2026-01-01T00:00:00", stored, stored_source: "rest", rankmath, newsroom: 50 };
}

function report(stale: number): SiteReport {
  const stalePosts = [post(9, 60, 30), post(12, 57, null)].slice(0, stale);
  return {
    target: "situs",
    posts: 300,
    read: 100,
    rankmath_bands: { good: 10, ok: 210, bad: 80 },
    newsroom_bands: { good: 0, ok: 230, bad: 70 },
    worst: [post(11, 8, 8), post(21, 9, 9)],
    no_keyword: 1,
    no_keyword_posts: [post(11, 8, 8)],
    stale,
    stale_posts: stalePosts,
    not_comparable: 4,
    sources: { score: { rest: 296, page: 4 } },
    failing_checks: [["hasContentAI", 300], ["lengthContent", 280]],
    timing: { total: { secs: 2, nanos: 0 }, wordpress: { secs: 1, nanos: 0 }, scoring: { secs: 1, nanos: 0 }, storing: { secs: 0, nanos: 0 } },
  };
}

class FakeSite {
  audits: [string, AuditRequest][] = [];
  last: SiteReport | null = null;
  private handler: ((p: AuditProgress) => void) | undefined;
  listTargets = async (): Promise<PublishTarget[]> => [
    { name: "blog", kind: "ghost", url: "https://blog.example", username: null },
    { name: "situs", kind: "wordpress", url: "https://situs.example", username: "admin" },
  ];
  siteReport = async (): Promise<SiteReport | null> => this.last;
  onProgress = async (handler: (p: AuditProgress) => void) => {
    this.handler = handler;
    return () => {
      this.handler = undefined;
    };
  };
  siteAudit = async (target: string, request: AuditRequest): Promise<Audited> => {
    this.audits.push([target, request]);
    this.handler?.({ stage: "read", posts: 100 });
    if (request.write_back) {
      this.last = report(0);
      return { audit: report(2), write_back: { dry_run: false, changed: [{ id: 9, title: "Tulisan 9", before: 30, after: 60 }], skipped_edited: [12] } };
    }
    this.last = report(2);
    return { audit: this.last, write_back: null };
  };
}

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

describe("the Site view", () => {
  let site: FakeSite;
  let panel: SitePanel;

  beforeEach(() => {
    site = new FakeSite();
    panel = new SitePanel(new I18n("en"), site);
    document.body.replaceChildren(panel.root, panel.openButton);
  });

  afterEach(() => document.body.replaceChildren());

  it("offers only WordPress accounts and says when a site was never audited", async () => {
    await panel.open();
    const options = [...byTestId("site-target").querySelectorAll("option")].map((o) => o.value);
    expect(options).toEqual(["situs"]);
    expect(byTestId("site-never").textContent).toBe("This site has not been audited yet.");
    expect(byTestId("site-write-back").hidden).toBe(true);
  });

  it("shows the bands, the worst posts first, the posts without a keyword, the stale ones and the failing checks", async () => {
    await panel.open();
    byTestId("site-run").click();
    await vi.waitFor(() => expect(byTestId("site-summary").textContent).toBe("300 posts (100 read in this run)"));
    expect(site.audits).toEqual([["situs", { full: false, write_back: false, dry_run: false }]]);
    expect(byTestId("site-band-good").textContent).toBe("Good: 10");
    expect(byTestId("site-band-bad").textContent).toBe("Bad: 80");
    const worst = [...byTestId("site-worst").querySelectorAll("li")].map((li) => li.dataset.id);
    expect(worst).toEqual(["11", "21"]);
    expect(byTestId("site-no-keyword").textContent).toContain("Tulisan 11");
    const stale = [...byTestId("site-stale").querySelectorAll("li")].map((li) => li.textContent);
    expect(stale).toEqual(["Tulisan 9 stored 30, now 60", "Tulisan 12 stored none, now 57"]);
    expect(byTestId("site-not-comparable").textContent).toContain("4 posts not compared");
    expect(byTestId("site-checks").textContent).toContain("lengthContent: 280");
  });

  it("writes back only after a confirmation that names how many posts change", async () => {
    site.last = report(2);
    await panel.open();
    const button = byTestId("site-write-back");
    expect(button.hidden).toBe(false);
    button.click();
    expect(byTestId("site-confirm").textContent).toContain("The Rank Math scores of 2 posts will change on the site.");
    expect(site.audits).toEqual([]);
    byTestId("site-write-back-yes").click();
    await vi.waitFor(() => expect(byTestId("site-status").textContent).toBe("1 scores stored; 1 posts skipped because they changed in WordPress since the audit."));
    expect(site.audits).toEqual([["situs", { full: false, write_back: true, dry_run: false }]]);
    expect(byTestId("site-write-back").hidden).toBe(true);
  });

  it("speaks Indonesian too", async () => {
    panel = new SitePanel(new I18n("id"), site);
    document.body.replaceChildren(panel.root);
    site.last = report(1);
    await panel.open();
    byTestId("site-write-back").click();
    expect(byTestId("site-confirm").textContent).toContain("Skor Rank Math 1 tulisan akan diubah di situs.");
  });
});
