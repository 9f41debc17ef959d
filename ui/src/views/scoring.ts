// Live scoring at the desk: every change is scored off the typing path (lib/scorer.ts keeps one
// analysis in flight and drops stale answers); the answer fills the score badge and the SEO
// panel, and the score is recorded for the dashboard. A clicked check highlights its marks in
// the text the report was made for.
import type { Article, CheckView, ReportView, Site } from "../lib/backend";
import type { Utf16Range } from "../lib/offsets";
import { type I18n, type Lang, translated } from "../lib/i18n";
import { bytesToUtf16 } from "../lib/offsets";
import { LiveScorer } from "../lib/scorer";
import type { DeskSettings, ProfileName } from "../lib/settings";
import { el } from "./dom";
import { SeoPanel, badgeOf } from "./seo-panel";

const NO_SCORE = "– / 100";

/** The backend's scoring calls. */
export interface ScoringApi {
  analyzeArticle(article: Article, profile: string, lang: string, site: Site, rules: string | null): Promise<ReportView>;
  /** Keeps the last score for the dashboard's filters and sorts (not an edit). */
  recordScore(id: string, score: number | null): Promise<void>;
}

export interface ScoringDeps {
  api: ScoringApi;
  settings(): DeskSettings;
  onProfile(profile: ProfileName): void;
  /** The open article's id: answers for another article are dropped. */
  openId(): string | undefined;
  highlight(ranges: Utf16Range[]): void;
  onMute(id: string, reason: string | undefined): void;
}

export class Scoring {
  readonly badge = el("output", {
    "data-testid": "score-badge",
    class: "score-badge",
    "aria-live": "polite",
    ...translated(undefined, { title: "scoreLabel", "aria-label": "scoreLabel" }),
  });
  readonly panel: SeoPanel;
  private readonly scorer: LiveScorer<{ article: Article; profile: ProfileName; lang: Lang }, ReportView>;
  /** The last report, with the text it was made for (its marks are offsets into that text). */
  private report: { view: ReportView; body: string; id: string } | undefined;
  private readonly recorded = new Map<string, number>();

  constructor(
    private readonly i18n: I18n,
    private readonly deps: ScoringDeps,
  ) {
    this.scorer = new LiveScorer({
      analyze: async ({ article, profile, lang }) => {
        // Where the keystroke-to-badge time goes (tests/e2e/tests/desk_bench.rs reads these):
        // the request leaves, the answer is back (IPC, JSON, the engine), then the DOM work.
        performance.mark("redaksi:analyze-sent");
        const settings = deps.settings();
        const rules = profile === "newsroom" ? settings.rulesFile || null : null;
        const view = await deps.api.analyzeArticle(article, profile, lang, settings.site, rules);
        performance.mark("redaksi:analyze-answer");
        return view;
      },
      onResult: (view, { article }) => this.show(view, article),
      onError: (error) => this.panel.showError(`${i18n.t("scoreError")}: ${i18n.failure(error)}`),
    });
    this.panel = new SeoPanel(i18n, {
      onProfile: (profile) => deps.onProfile(profile),
      onCheck: (check) => this.highlight(check),
      onMute: (id, reason) => deps.onMute(id, reason),
      onUnmute: (id) => deps.onMute(id, undefined),
    });
    this.panel.setProfile(deps.settings().profile);
    this.clear();
  }

  /** Scores the article as it is now (a snapshot: typing goes on while it is scored). */
  request(article: Article): void {
    this.scorer.request({
      article: { ...article, meta: structuredClone(article.meta) },
      profile: this.deps.settings().profile,
      lang: this.i18n.lang,
    });
  }

  /** Another article is open: nothing is scored yet. */
  clear(): void {
    this.report = undefined;
    this.badge.textContent = NO_SCORE;
    delete this.badge.dataset.band;
  }

  settingsChanged(): void {
    this.panel.setProfile(this.deps.settings().profile);
  }

  private show(view: ReportView, article: Article): void {
    if (article.id !== this.deps.openId()) return;
    this.report = { view, body: article.body, id: article.id };
    const badge = badgeOf(view.score);
    this.badge.textContent = badge.text;
    this.badge.dataset.band = badge.band;
    this.panel.show(view);
    // The end of the keystroke-to-badge measurement.
    performance.mark("redaksi:badge");
    if (this.recorded.get(article.id) !== view.score) {
      this.recorded.set(article.id, view.score);
      this.deps.api.recordScore(article.id, view.score).catch(() => this.recorded.delete(article.id));
    }
  }

  private highlight(check: CheckView): void {
    const report = this.report;
    if (!report || report.id !== this.deps.openId()) return;
    this.deps.highlight(bytesToUtf16(report.body, check.marks ?? []));
  }
}
