// The Site view: a WordPress site's audit (`redaksi site audit` in the app). It shows the last
// audit's report at once (from the ledger), runs a new one with its progress, and stores the
// recomputed Rank Math scores behind a confirmation that says how many posts will change.
import type { AuditProgress, AuditRequest, Audited, PublishTarget, SitePost, SiteReport } from "../lib/backend";
import { type I18n, translated } from "../lib/i18n";
import { el, field } from "./dom";
import { Overlay } from "./overlay";

export interface SiteDeps {
  listTargets(): Promise<PublishTarget[]>;
  /** The last audit's report, or `null` when the site was never audited. */
  siteReport(target: string): Promise<SiteReport | null>;
  siteAudit(target: string, request: AuditRequest): Promise<Audited>;
  /** Subscribes to the audit's progress; resolves to the unsubscribe. */
  onProgress(handler: (progress: AuditProgress) => void): Promise<() => void>;
}

export class SitePanel {
  private readonly overlay: Overlay;
  /** Opens the view; the app puts it in the view bar. */
  readonly openButton = el("button", { type: "button", "data-testid": "open-site", ...translated("siteOpen") });
  private readonly target = el("select", { "data-testid": "site-target" });
  private readonly full = el("input", { type: "checkbox", "data-testid": "site-full" });
  private readonly run = el("button", { type: "button", "data-testid": "site-run", ...translated("siteRun") });
  private readonly writeBack = el("button", { type: "button", "data-testid": "site-write-back", hidden: "", ...translated("siteWriteBack") });
  private readonly confirmBox = el("div", { class: "confirm", role: "alertdialog", hidden: "", "data-testid": "site-confirm" });
  private readonly status = el("p", { class: "small", role: "status", "data-testid": "site-status" });
  private readonly report = el("div", { class: "site-report", "data-testid": "site-report" });
  private current: SiteReport | null = null;
  private busy = false;

  constructor(
    private readonly i18n: I18n,
    private readonly deps: SiteDeps,
  ) {
    this.overlay = new Overlay("site-panel", "siteTitle");
    const fullLabel = el("label", {}, this.full, " ", el("span", translated("siteFull")));
    this.overlay.body.append(
      el("p", { class: "muted small", ...translated("siteHint") }),
      field(el("label", translated("siteTarget")), this.target),
      el("div", { class: "row" }, this.run, fullLabel, this.writeBack),
      this.confirmBox,
      this.status,
      this.report,
    );
    this.openButton.addEventListener("click", () => void this.open());
    this.target.addEventListener("change", () => void this.loadReport());
    this.run.addEventListener("click", () => void this.audit({ full: this.full.checked, write_back: false, dry_run: false }));
    this.writeBack.addEventListener("click", () => this.confirmWriteBack());
    i18n.onChange(() => this.render());
  }

  get root(): HTMLElement {
    return this.overlay.root;
  }

  async open(): Promise<void> {
    this.status.textContent = "";
    this.overlay.show();
    try {
      const sites = (await this.deps.listTargets()).filter((t) => t.kind === "wordpress");
      this.target.replaceChildren(...sites.map((t) => el("option", { value: t.name }, t.name)));
      this.run.disabled = sites.length === 0;
      if (sites.length === 0) this.status.textContent = this.i18n.t("siteNoTargets");
    } catch (error) {
      this.status.textContent = this.i18n.failure(error);
    }
    await this.loadReport();
  }

  private async loadReport(): Promise<void> {
    this.confirmBox.hidden = true;
    const target = this.target.value;
    try {
      this.current = target ? await this.deps.siteReport(target) : null;
    } catch (error) {
      this.current = null;
      this.status.textContent = this.i18n.failure(error);
    }
    this.render();
  }

  private async audit(request: AuditRequest): Promise<void> {
    const target = this.target.value;
    if (!target || this.busy) return;
    this.busy = true;
    this.run.disabled = true;
    this.writeBack.disabled = true;
    this.confirmBox.hidden = true;
    this.status.textContent = this.i18n.t("siteRunning", { n: 0 });
    const stop = await this.deps.onProgress((progress) => {
      if (progress.stage === "read") this.status.textContent = this.i18n.t("siteRunning", { n: progress.posts });
    });
    try {
      const done = await this.deps.siteAudit(target, request);
      this.current = done.audit;
      const written = done.write_back;
      this.status.textContent = written ? this.i18n.t("siteWritten", { n: written.changed.length, skipped: written.skipped_edited.length }) : "";
      if (written) this.current = await this.deps.siteReport(target);
    } catch (error) {
      this.status.textContent = this.i18n.failure(error);
    } finally {
      stop();
      this.busy = false;
      this.run.disabled = false;
      this.writeBack.disabled = false;
      this.render();
    }
  }

  /** Asks before anything is written, naming how many posts will change. */
  private confirmWriteBack(): void {
    const t = this.i18n;
    const n = this.current?.stale ?? 0;
    const question = t.t("siteConfirmWriteBack", { n });
    const yes = el("button", { type: "button", class: "danger", "data-testid": "site-write-back-yes" }, t.t("siteWriteBackYes"));
    const no = el("button", { type: "button" }, t.t("siteWriteBackNo"));
    yes.addEventListener("click", () => void this.audit({ full: false, write_back: true, dry_run: false }));
    no.addEventListener("click", () => {
      this.confirmBox.hidden = true;
    });
    this.confirmBox.setAttribute("aria-label", question);
    this.confirmBox.replaceChildren(el("p", {}, question), yes, no);
    this.confirmBox.hidden = false;
  }

  private render(): void {
    const t = this.i18n;
    const r = this.current;
    this.writeBack.hidden = !r || r.stale === 0;
    if (!r) {
      this.report.replaceChildren(el("p", { class: "muted", "data-testid": "site-never" }, t.t("siteNever")));
      return;
    }
    const bands = r.rankmath_bands;
    const band = (key: "siteBandGood" | "siteBandOk" | "siteBandBad", n: number, kind: string) =>
      el("li", { class: `band band-${kind}`, "data-testid": `site-band-${kind}` }, `${t.t(key)}: ${n}`);
    const posts = (rows: SitePost[], testId: string, extra: (row: SitePost) => string) =>
      rows.length === 0
        ? el("p", { class: "muted small" }, t.t("siteEmpty"))
        : el(
            "ol",
            { "data-testid": testId },
            ...rows.map((row) =>
              el("li", { "data-id": String(row.id) }, el("a", { href: row.link, target: "_blank", rel: "noopener" }, row.title || `#${row.id}`), ` ${extra(row)}`),
            ),
          );
    const stored = (row: SitePost) => (row.stored === null ? t.t("siteNone") : String(row.stored));
    this.report.replaceChildren(
      el("p", { "data-testid": "site-summary" }, t.t("siteSummary", { n: r.posts, read: r.read })),
      el("h3", {}, t.t("siteBands")),
      el("ul", { class: "bands" }, band("siteBandGood", bands.good, "good"), band("siteBandOk", bands.ok, "ok"), band("siteBandBad", bands.bad, "bad")),
      el("h3", {}, t.t("siteWorst")),
      posts(r.worst, "site-worst", (row) => `${row.rankmath} / ${row.newsroom}`),
      el("h3", {}, t.t("siteNoKeyword", { n: r.no_keyword })),
      posts(r.no_keyword_posts, "site-no-keyword", () => ""),
      el("h3", {}, t.t("siteStale", { n: r.stale })),
      posts(r.stale_posts, "site-stale", (row) => t.t("siteStaleRow", { stored: stored(row), now: row.rankmath })),
      ...(r.not_comparable > 0 ? [el("p", { class: "muted small", "data-testid": "site-not-comparable" }, t.t("siteNotComparable", { n: r.not_comparable }))] : []),
      el("h3", {}, t.t("siteChecks")),
      el("ol", { "data-testid": "site-checks" }, ...r.failing_checks.map(([check, n]) => el("li", {}, `${t.maybe(`check_${check}`, check)}: ${n}`))),
    );
  }
}
