// The editors' dashboard: every article in one table with filters, full-text search, sorting
// by any column, keyboard navigation and bulk status changes. Only the rows in view exist in
// the DOM (a fixed row height and a spacer make the scrollbar right), so 10,000 articles
// scroll as smoothly as ten.
import { WORKFLOW, type DashboardFilter, type DashboardRow, type StatusChange, type StoreBand, type WorkflowStatus } from "../lib/backend";
import type { I18n, MessageKey } from "../lib/i18n";
import { badgeOf } from "./seo-panel";
import { el, field } from "./dom";

export const ROW_HEIGHT = 36;
/** Rows drawn above and below the visible ones, so a fast scroll never shows a gap. */
const OVERSCAN = 8;

export type SortKey = "title" | "byline" | "status" | "score" | "band" | "updated";
const COLUMNS: { key: SortKey; label: MessageKey }[] = [
  { key: "title", label: "colTitle" },
  { key: "byline", label: "colByline" },
  { key: "status", label: "colStatus" },
  { key: "score", label: "colScore" },
  { key: "band", label: "colBand" },
  { key: "updated", label: "colUpdated" },
];

function bandOf(score: number | null): number {
  return score === null ? -1 : score > 80 ? 2 : score > 50 ? 1 : 0;
}

/** Sorts rows by a column; ties keep the most recently updated first. */
export function sortRows(rows: DashboardRow[], key: SortKey, ascending: boolean): DashboardRow[] {
  const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
  const value = (row: DashboardRow): string | number => {
    switch (key) {
      case "title":
        return row.title;
      case "byline":
        return row.byline ?? "";
      case "status":
        return WORKFLOW.indexOf(row.status);
      case "score":
        return row.score ?? -1;
      case "band":
        return bandOf(row.score);
      case "updated":
        return row.updated_at;
    }
  };
  const sign = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
    return order !== 0 ? sign * order : b.updated_at.localeCompare(a.updated_at);
  });
}

export interface DashboardEvents {
  load(filter: DashboardFilter): Promise<DashboardRow[]>;
  setStatus(ids: string[], status: WorkflowStatus): Promise<StatusChange[]>;
  open(id: string): void;
}

/**
 * The dashboard's date fields ("YYYY-MM-DD", in the reporter's time zone) as the store's
 * range: from the start of the first day up to the start of the day after the last.
 */
export function dayRange(from: string, to: string): { updated_from: string | null; updated_to: string | null } {
  const startOf = (day: string, plusDays = 0): string | null => {
    const [y, m, d] = day.split("-").map(Number);
    if (!y || !m || !d) return null;
    return new Date(y, m - 1, d + plusDays).toISOString();
  };
  return { updated_from: from ? startOf(from) : null, updated_to: to ? startOf(to, 1) : null };
}

export class Dashboard {
  readonly root = el("section", { class: "dashboard", "data-testid": "dashboard", role: "tabpanel", hidden: "" });
  private readonly searchLabel = el("label");
  readonly search = el("input", { type: "search", "data-testid": "search-input", autocomplete: "off" });
  private readonly band = el("select", { "data-testid": "filter-band" });
  private readonly status = el("select", { "data-testid": "filter-status" });
  private readonly tag = el("input", { type: "text", "data-testid": "filter-tag" });
  private readonly byline = el("input", { type: "text", "data-testid": "filter-byline" });
  private readonly category = el("input", { type: "text", "data-testid": "filter-category" });
  private readonly from = el("input", { type: "date", "data-testid": "filter-from" });
  private readonly to = el("input", { type: "date", "data-testid": "filter-to" });
  private readonly labels: [HTMLLabelElement, MessageKey][] = [];
  private readonly head = el("div", { class: "grid-head", role: "row" });
  readonly viewport = el("div", { class: "grid-viewport", "data-testid": "dashboard-grid", role: "grid", tabindex: "0" });
  private readonly spacer = el("div", { class: "grid-spacer", role: "presentation" });
  private readonly body = el("div", { class: "grid-rows", role: "rowgroup" });
  private readonly summary = el("p", { class: "muted small", "data-testid": "dashboard-count", "aria-live": "polite" });
  private readonly bulkLabel = el("label");
  private readonly bulkSelect = el("select", { "data-testid": "bulk-status" });
  private readonly bulkButton = el("button", { type: "button", "data-testid": "bulk-apply" });
  private readonly bulkResult = el("p", { class: "small", role: "status" });

  private rows: DashboardRow[] = [];
  private sortKey: SortKey = "updated";
  private ascending = false;
  private active = 0;
  private readonly selected = new Set<string>();
  private loadSeq = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private drawn = { first: -1, last: -1 };
  private dates: Intl.DateTimeFormat | undefined;

  constructor(
    private readonly i18n: I18n,
    private readonly events: DashboardEvents,
  ) {
    const labelled = (key: MessageKey, control: HTMLElement) => {
      const label = el("label");
      this.labels.push([label, key]);
      return field(label, control);
    };
    this.labels.push([this.searchLabel, "searchArticles"], [this.bulkLabel, "bulkStatus"]);
    this.spacer.append(this.body);
    this.viewport.append(this.spacer);
    this.root.append(
      el(
        "div",
        { class: "filters" },
        field(this.searchLabel, this.search),
        labelled("filterBand", this.band),
        labelled("filterStatus", this.status),
        labelled("filterTag", this.tag),
        labelled("filterByline", this.byline),
        labelled("filterCategory", this.category),
        labelled("filterFrom", this.from),
        labelled("filterTo", this.to),
      ),
      el("div", { class: "bulk" }, this.summary, el("span", { class: "spacer" }), field(this.bulkLabel, this.bulkSelect), this.bulkButton, this.bulkResult),
      this.head,
      this.viewport,
    );
    this.search.addEventListener("input", () => this.refreshSoon());
    for (const control of [this.band, this.status, this.from, this.to]) control.addEventListener("change", () => void this.refresh());
    for (const control of [this.tag, this.byline, this.category]) control.addEventListener("input", () => this.refreshSoon());
    this.viewport.addEventListener("scroll", () => this.draw(), { passive: true });
    this.viewport.addEventListener("keydown", (event) => this.key(event));
    this.bulkButton.addEventListener("click", () => void this.applyBulk());
    // jsdom has no ResizeObserver; the window's does.
    if (typeof ResizeObserver !== "undefined") new ResizeObserver(() => this.draw(true)).observe(this.viewport);
  }

  focusSearch(): void {
    this.search.focus();
    this.search.select();
  }

  applyLanguage(): void {
    const t = this.i18n;
    for (const [label, key] of this.labels) label.textContent = t.t(key);
    this.search.placeholder = t.t("searchPlaceholder");
    const keep = (select: HTMLSelectElement, options: [string, string][]) => {
      const value = select.value;
      select.replaceChildren(...options.map(([v, text]) => el("option", { value: v }, text)));
      select.value = value;
      if (select.selectedIndex < 0) select.selectedIndex = 0;
    };
    keep(this.band, [["", t.t("any")], ...(["high", "medium", "low"] as const).map((b): [string, string] => [b, t.t(`band_${b}`)])]);
    keep(this.status, [["", t.t("any")], ...WORKFLOW.map((s): [string, string] => [s, t.t(`wf_${s}` as MessageKey)])]);
    keep(this.bulkSelect, WORKFLOW.map((s): [string, string] => [s, t.t(`wf_${s}` as MessageKey)]));
    this.bulkButton.textContent = t.t("bulkApply");
    // Building a formatter costs far more than using one: one per language, not per draw.
    this.dates = new Intl.DateTimeFormat(t.lang === "id" ? "id-ID" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
    this.renderHead();
    this.draw(true);
  }

  private refreshSoon(): void {
    if (this.searchTimer !== undefined) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.refresh(), 200);
  }

  filter(): DashboardFilter {
    const band = this.band.value as StoreBand | "";
    const status = WORKFLOW.find((s) => s === this.status.value);
    return {
      text: this.search.value.trim(),
      band: band || null,
      status: status ?? null,
      tag: this.tag.value.trim() || null,
      byline: this.byline.value.trim() || null,
      category: this.category.value.trim() || null,
      ...dayRange(this.from.value, this.to.value),
    };
  }

  async refresh(): Promise<void> {
    const seq = ++this.loadSeq;
    const filter = this.filter();
    try {
      const rows = await this.events.load(filter);
      if (seq !== this.loadSeq) return;
      // With a search, the default order is relevance (the backend's order).
      this.rows = filter.text && this.sortKey === "updated" && !this.ascending ? rows : sortRows(rows, this.sortKey, this.ascending);
      this.root.dataset.loaded = String(seq);
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.rows = [];
      this.summary.textContent = String((error as { message?: string }).message ?? error);
    }
    const ids = new Set(this.rows.map((r) => r.id));
    for (const id of this.selected) if (!ids.has(id)) this.selected.delete(id);
    this.active = Math.min(this.active, Math.max(0, this.rows.length - 1));
    this.draw(true);
  }

  private renderHead(): void {
    const t = this.i18n;
    this.head.replaceChildren(
      el("span", { class: "cell check", role: "columnheader" }),
      ...COLUMNS.map(({ key, label }) => {
        const sorted = this.sortKey === key;
        const button = el(
          "button",
          { type: "button", class: "sort", "data-sort": key },
          t.t(label),
          sorted ? (this.ascending ? " ▲" : " ▼") : "",
        );
        button.addEventListener("click", () => {
          if (this.sortKey === key) this.ascending = !this.ascending;
          else {
            this.sortKey = key;
            this.ascending = key === "title" || key === "byline";
          }
          this.rows = sortRows(this.rows, this.sortKey, this.ascending);
          this.renderHead();
          this.draw(true);
        });
        return el(
          "span",
          { class: `cell col-${key}`, role: "columnheader", "aria-sort": sorted ? (this.ascending ? "ascending" : "descending") : "none" },
          button,
        );
      }),
    );
  }

  /** Draws the rows in view; `force` redraws even when the range did not move. */
  draw(force = false): void {
    const t = this.i18n;
    this.spacer.style.height = `${this.rows.length * ROW_HEIGHT}px`;
    const height = this.viewport.clientHeight || 600;
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((this.viewport.scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    const summary = `${t.t("rowsCount", { n: this.rows.length })} · ${t.t("selectedCount", { n: this.selected.size })}`;
    if (this.summary.textContent !== summary) this.summary.textContent = summary;
    this.viewport.setAttribute("aria-rowcount", String(this.rows.length));
    if (!force && first === this.drawn.first && last === this.drawn.last) return;
    this.drawn = { first, last };
    this.body.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
    const dates = (this.dates ??= new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" }));
    const rows: HTMLElement[] = [];
    for (let index = first; index < last; index += 1) {
      const row = this.rows[index];
      if (row) rows.push(this.rowElement(row, index, dates));
    }
    this.body.replaceChildren(...rows);
  }

  private rowElement(row: DashboardRow, index: number, dates: Intl.DateTimeFormat): HTMLElement {
    const t = this.i18n;
    const checkbox = el("input", { type: "checkbox", "aria-label": t.t("selectRow", { t: row.title || t.t("untitled") }), tabindex: "-1" });
    checkbox.checked = this.selected.has(row.id);
    checkbox.addEventListener("change", () => {
      if (checkbox.checked) this.selected.add(row.id);
      else this.selected.delete(row.id);
      this.draw(true);
    });
    const band = row.score === null ? undefined : badgeOf(row.score).band;
    const element = el(
      "div",
      {
        class: "grid-row",
        role: "row",
        "data-testid": "dashboard-row",
        "data-id": row.id,
        "aria-rowindex": String(index + 1),
        "aria-selected": String(this.selected.has(row.id)),
      },
      el("span", { class: "cell check", role: "gridcell" }, checkbox),
      el("span", { class: "cell col-title", role: "gridcell", title: row.snippet ?? row.title }, row.title.trim() || t.t("untitled")),
      el("span", { class: "cell col-byline", role: "gridcell" }, row.byline ?? ""),
      el("span", { class: "cell col-status", role: "gridcell", "data-status": row.status }, t.t(`wf_${row.status}` as MessageKey)),
      el("span", { class: "cell col-score", role: "gridcell" }, row.score === null ? t.t("noScore") : String(row.score)),
      el("span", { class: "cell col-band", role: "gridcell" }, band ? el("span", { class: `band-dot band-${band}`, "data-band": band }, band === "good" ? t.t("band_high") : band === "ok" ? t.t("band_medium") : t.t("band_low")) : ""),
      el("time", { class: "cell col-updated", role: "gridcell", datetime: row.updated_at }, dates.format(new Date(row.updated_at))),
    );
    if (index === this.active) element.classList.add("active");
    element.addEventListener("click", (event) => {
      if (event.target instanceof HTMLInputElement) return;
      this.active = index;
      this.viewport.focus();
      this.draw(true);
    });
    element.addEventListener("dblclick", () => this.events.open(row.id));
    return element;
  }

  private key(event: KeyboardEvent): void {
    if (this.rows.length === 0) return;
    const page = Math.max(1, Math.floor((this.viewport.clientHeight || 600) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -this.rows.length,
      End: this.rows.length,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      this.active = Math.max(0, Math.min(this.rows.length - 1, this.active + move));
      this.scrollToActive();
      return;
    }
    const row = this.rows[this.active];
    if (!row) return;
    if (event.key === "Enter") {
      event.preventDefault();
      this.events.open(row.id);
    } else if (event.key === " ") {
      event.preventDefault();
      if (this.selected.has(row.id)) this.selected.delete(row.id);
      else this.selected.add(row.id);
      this.draw(true);
    }
  }

  private scrollToActive(): void {
    const top = this.active * ROW_HEIGHT;
    const height = this.viewport.clientHeight || 600;
    if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > this.viewport.scrollTop + height) this.viewport.scrollTop = top + ROW_HEIGHT - height;
    this.draw(true);
  }

  private async applyBulk(): Promise<void> {
    const status = WORKFLOW.find((s) => s === this.bulkSelect.value);
    const ids = [...this.selected];
    if (!status || ids.length === 0) return;
    const results = await this.events.setStatus(ids, status);
    const failed = results.filter((r) => r.error).length;
    this.bulkResult.textContent = this.i18n.t("bulkResult", { ok: results.length - failed, failed });
    await this.refresh();
  }
}

