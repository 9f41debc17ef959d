// The SEO panel: the checks grouped as the profile groups them, each with its status, points
// and fix hint; the profile switch; the secondary keywords' scores; per-check mutes.
import type { CheckView, ReportView } from "../lib/backend";
import { type I18n, translated } from "../lib/i18n";
import { PROFILES, type ProfileName } from "../lib/settings";
import { el, field } from "./dom";

const GROUP_ORDER = ["basic_seo", "additional", "title_readability", "content_readability", "language", "news"];
const ICON: Record<string, string> = { pass: "✓", warning: "!", fail: "✕", not_applicable: "–", muted: "○" };

export interface SeoPanelDeps {
  onProfile(profile: ProfileName): void;
  onCheck(check: CheckView): void;
  onMute(id: string, reason: string): void;
  onUnmute(id: string): void;
}

/** The badge's text and band class: red ≤ 50, orange 51–80, green > 80. */
export function badgeOf(score: number): { text: string; band: "good" | "ok" | "bad" } {
  return { text: `${score} / 100`, band: score > 80 ? "good" : score > 50 ? "ok" : "bad" };
}

/** What a check row shows; equal signatures draw equal rows (the marks are read on click). */
function rowSignature(check: CheckView): string {
  return `${check.id}|${check.group}|${check.status}|${check.points}|${check.max}|${check.hint}|${check.mute_reason ?? ""}|${check.marks?.length ? 1 : 0}`;
}

/**
 * A check's points: "3/8 points" when it counts; a check that does not apply (or is muted)
 * scores nothing and its maximum does not count, so "0/8" would mislead.
 */
export function pointsText(t: I18n, check: CheckView): string {
  if (check.status === "not_applicable") return t.t("pointsNotApplicable");
  if (check.status === "muted") return t.t("pointsMuted");
  return check.max > 0 ? t.t("points", { p: check.points, max: check.max }) : "";
}

export class SeoPanel {
  readonly root = el("section", { class: "seo-panel", "data-testid": "seo-panel" });
  private readonly profileLabel = el("label", translated("profile"));
  readonly profileSelect = el(
    "select",
    { "data-testid": "profile-select" },
    ...PROFILES.map((p) => el("option", { value: p, ...translated(`profile_${p}`) })),
  );
  private readonly secondaryHeading = el("h3", { class: "group-title", ...translated("secondaryScores") });
  private readonly secondary = el("ul", { class: "secondary-scores", "data-testid": "secondary-scores" });
  private readonly checks = el("div", { class: "checks", role: "list" });
  private readonly error = el("p", { class: "notice", role: "alert", hidden: "" });
  private report: ReportView | undefined;
  private selected: string | undefined;
  private muting: string | undefined;
  /** What the checks list shows now, to skip redrawing it when a new report changes nothing. */
  private drawnSignature: string | undefined;
  private rows = new Map<string, { key: string; element: HTMLElement }>();

  constructor(
    private readonly i18n: I18n,
    private readonly events: SeoPanelDeps,
  ) {
    this.profileSelect.addEventListener("change", () => {
      const profile = PROFILES.find((p) => p === this.profileSelect.value);
      if (profile) events.onProfile(profile);
    });
    this.root.append(
      field(this.profileLabel, this.profileSelect),
      this.error,
      el("div", { class: "secondary-block" }, this.secondaryHeading, this.secondary),
      this.checks,
    );
    this.render();
    i18n.onChange(() => this.render());
  }

  setProfile(profile: ProfileName): void {
    this.profileSelect.value = profile;
  }

  showError(text: string | undefined): void {
    this.error.hidden = !text;
    this.error.textContent = text ?? "";
  }

  show(report: ReportView): void {
    this.report = report;
    this.showError(undefined);
    this.render();
  }

  private render(): void {
    const report = this.report;
    const t = this.i18n;
    this.secondary.replaceChildren(
      ...(report?.secondary ?? []).map((k) => {
        const badge = badgeOf(k.score);
        return el(
          "li",
          { class: `chip band-${badge.band}` },
          el("span", {}, k.keyword),
          el("strong", {}, badge.text),
        );
      }),
    );
    this.secondary.parentElement?.toggleAttribute("hidden", !report?.secondary.length);
    if (!report || report.checks.length === 0) {
      this.drawnSignature = undefined;
      this.rows.clear();
      this.checks.replaceChildren(el("p", { class: "muted" }, t.t("noChecks")));
      return;
    }
    // Typing changes the text far more often than the checks' outcome: when nothing shown
    // changed, the DOM is left alone, and rows that did not change are kept as they are.
    const signature = JSON.stringify([t.lang, report.profile, this.muting, report.checks.map(rowSignature)]);
    if (signature === this.drawnSignature) return;
    this.drawnSignature = signature;
    const groups = [...new Set(report.checks.map((c) => c.group))].sort(
      (a, b) => GROUP_ORDER.indexOf(a) - GROUP_ORDER.indexOf(b),
    );
    const previous = this.rows;
    this.rows = new Map();
    const row = (check: CheckView): HTMLElement => {
      const key = `${t.lang}|${report.profile}|${this.muting === check.id}|${rowSignature(check)}`;
      const kept = previous.get(check.id);
      const element = kept && kept.key === key ? kept.element : this.item(check, report.profile);
      this.rows.set(check.id, { key, element });
      return element;
    };
    this.checks.replaceChildren(
      ...groups.map((group) => {
        const items = report.checks.filter((c) => c.group === group);
        const failing = items.filter((c) => c.status === "fail" || c.status === "warning").length;
        const title = t.maybe(`group_${group}`, group);
        return el(
          "section",
          { class: "check-group", "data-group": group, role: "listitem" },
          el("h3", { class: "group-title" }, title, el("span", { class: "group-count" }, failing ? ` (${failing})` : "")),
          el("ul", { class: "check-list" }, ...items.map(row)),
        );
      }),
    );
  }

  private item(check: CheckView, profile: string): HTMLElement {
    const t = this.i18n;
    const status = t.maybe(`status_${check.status}`, check.status);
    const button = el(
      "button",
      {
        type: "button",
        class: "check-button",
        "aria-pressed": String(this.selected === check.id),
        title: check.marks?.length ? "" : check.hint,
      },
      el("span", { class: `check-icon status-${check.status}`, "aria-label": status, role: "img" }, ICON[check.status] ?? "?"),
      el("span", { class: "check-hint" }, check.hint),
      el("span", { class: "check-points" }, pointsText(t, check)),
    );
    button.addEventListener("click", () => {
      this.selected = check.id;
      for (const other of this.checks.querySelectorAll(".check-button")) other.setAttribute("aria-pressed", "false");
      button.setAttribute("aria-pressed", "true");
      // The row may be older than the report (rows are kept while they look the same), and
      // the marks must be the newest report's.
      this.events.onCheck(this.report?.checks.find((c) => c.id === check.id) ?? check);
    });
    const li = el(
      "li",
      { class: "seo-check", "data-testid": "seo-check", "data-check-id": check.id, "data-status": check.status },
      button,
    );
    if (check.status === "muted") {
      const unmute = el("button", { type: "button", class: "link" }, t.t("unmute"));
      unmute.addEventListener("click", () => this.events.onUnmute(check.id));
      li.append(el("p", { class: "muted small" }, t.t("mutedBecause", { reason: check.mute_reason ?? "" }), " ", unmute));
    } else if (profile === "newsroom" && check.status !== "not_applicable") {
      // A check that does not apply scores nothing already: nothing to mute.
      li.append(this.muteControl(check));
    }
    return li;
  }

  private muteControl(check: CheckView): HTMLElement {
    const t = this.i18n;
    if (this.muting !== check.id) {
      const open = el("button", { type: "button", class: "link small", "data-testid": "mute-check" }, t.t("mute"));
      open.addEventListener("click", () => {
        this.muting = check.id;
        this.render();
        this.checks.querySelector<HTMLInputElement>(`[data-check-id="${check.id}"] input`)?.focus();
      });
      return open;
    }
    const reason = el("input", { type: "text", required: "", "data-testid": "mute-reason" });
    const form = el(
      "form",
      { class: "mute-form" },
      field(el("label", {}, t.t("muteReason")), reason),
      el("button", { type: "submit" }, t.t("muteConfirm")),
    );
    const cancel = el("button", { type: "button", class: "link" }, t.t("cancel"));
    cancel.addEventListener("click", () => {
      this.muting = undefined;
      this.render();
    });
    form.append(cancel);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!reason.value.trim()) return;
      this.muting = undefined;
      this.events.onMute(check.id, reason.value.trim());
    });
    return form;
  }
}
