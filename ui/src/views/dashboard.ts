// The editors' dashboard: every article in one table with filters, full-text search, sorting
// by any column, keyboard navigation and bulk status changes. Only the rows in view exist in
// the DOM (a fixed row height and a spacer make the scrollbar right), so 10,000 articles
// scroll as smoothly as ten.
import type { Band, DashboardFilter, DashboardRow, StatusChange, WorkflowStatus } from "../lib/backend";
import { WORKFLOW } from "../lib/workflow";
import { type I18n, type MessageKey, translated } from "../lib/i18n";
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

/** A drawn row: its elements and what they show now. */
interface RowParts {
  element: HTMLElement;
  checkbox: HTMLInputElement;
  title: HTMLElement;
  byline: HTMLElement;
  status: HTMLElement;
  score: HTMLElement;
  band: HTMLElement;
  updated: HTMLTimeElement;
  index: number;
  row: DashboardRow | undefined;
  lang?: string;
}

export interface DashboardDeps {
  load(filter: DashboardFilter): Promise<DashboardRow[]>;
  setStatus(ids: string[], status: WorkflowStatus): Promise<StatusChange[]>;
  open(id: string): void;
  /** Buttons of other views at the start of the bulk bar (the trash). */
  actions?: HTMLElement[];
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
  readonly search = el("input", { type: "search", "data-testid": "search-input", autocomplete: "off", ...translated(undefined, { placeholder: "searchPlaceholder" }) });
  private readonly band = el(
    "select",
    { "data-testid": "filter-band" },
    el("option", { value: "", ...translated("any") }),
    ...(["good", "ok", "bad"] as const).map((b) => el("option", { value: b, ...translated(`band_${b}`) })),
  );
  private readonly status = el(
    "select",
    { "data-testid": "filter-status" },
    el("option", { value: "", ...translated("any") }),
    ...WORKFLOW.map((s) => el("option", { value: s, ...translated(`wf_${s}`) })),
  );
  private readonly tag = el("input", { type: "text", "data-testid": "filter-tag" });
  private readonly byline = el("input", { type: "text", "data-testid": "filter-byline" });
  private readonly category = el("input", { type: "text", "data-testid": "filter-category" });
  private readonly from = el("input", { type: "date", "data-testid": "filter-from" });
  private readonly to = el("input", { type: "date", "data-testid": "filter-to" });
  private readonly head = el("div", { class: "grid-head", role: "row" });
  readonly viewport = el("div", { class: "grid-viewport", "data-testid": "dashboard-grid", role: "grid", tabindex: "0" });
  private readonly spacer = el("div", { class: "grid-spacer", role: "presentation" });
  private readonly body = el("div", { class: "grid-rows", role: "rowgroup" });
  private readonly summary = el("p", { class: "muted small", "data-testid": "dashboard-count", "aria-live": "polite" });
  private readonly bulkSelect = el("select", { "data-testid": "bulk-status" }, ...WORKFLOW.map((s) => el("option", { value: s, ...translated(`wf_${s}`) })));
  private readonly bulkButton = el("button", { type: "button", "data-testid": "bulk-apply", ...translated("bulkApply") });
  private readonly bulkResult = el("p", { class: "small", role: "status" });

  private rows: DashboardRow[] = [];
  private sortKey: SortKey = "updated";
  private ascending = false;
  private active = 0;
  private readonly selected = new Set<string>();
  private loadSeq = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private drawn = { first: -1, last: -1 };
  /** The row elements in the DOM, in order. */
  private shown: RowParts[] = [];
  private spacerRows = -1;
  /** The viewport's height, kept by a ResizeObserver so a scroll frame never asks for layout. */
  private height = 0;
  private dates: Intl.DateTimeFormat | undefined;

  constructor(
    private readonly i18n: I18n,
    private readonly events: DashboardDeps,
  ) {
    const labelled = (key: MessageKey, control: HTMLElement) => field(el("label", translated(key)), control);
    this.spacer.append(this.body);
    this.viewport.append(this.spacer);
    this.root.append(
      el(
        "div",
        { class: "filters" },
        labelled("searchArticles", this.search),
        labelled("filterBand", this.band),
        labelled("filterStatus", this.status),
        labelled("filterTag", this.tag),
        labelled("filterByline", this.byline),
        labelled("filterCategory", this.category),
        labelled("filterFrom", this.from),
        labelled("filterTo", this.to),
      ),
      el("div", { class: "bulk" }, ...(events.actions ?? []), this.summary, el("span", { class: "spacer" }), labelled("bulkStatus", this.bulkSelect), this.bulkButton, this.bulkResult),
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
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver((entries) => {
        this.height = entries[0]?.contentRect.height ?? 0;
        this.draw(true);
      }).observe(this.viewport);
    }
    this.wireRows();
    this.languageChanged();
    i18n.onChange(() => this.languageChanged());
  }

  focusSearch(): void {
    this.search.focus();
    this.search.select();
  }

  private languageChanged(): void {
    // Building a formatter costs far more than using one: one per language, not per draw.
    this.dates = new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: "medium", timeStyle: "short" });
    this.renderHead();
    this.draw(true);
  }

  private refreshSoon(): void {
    if (this.searchTimer !== undefined) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.refresh(), 200);
  }

  filter(): DashboardFilter {
    const band = this.band.value as Band | "";
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

  /**
   * Draws the rows in view; `force` refills them even when the range did not move. Scrolling
   * keeps the row elements still in view untouched and reuses the ones that left for the ones
   * that enter, so a frame costs a few text updates instead of building 40 rows of elements
   * (measured at 48 ms a frame before, see tests/e2e/tests/desk_bench.rs).
   */
  draw(force = false): void {
    const t = this.i18n;
    if (this.spacerRows !== this.rows.length) {
      this.spacerRows = this.rows.length;
      this.spacer.style.height = `${this.rows.length * ROW_HEIGHT}px`;
      this.viewport.setAttribute("aria-rowcount", String(this.rows.length));
    }
    const height = this.height || this.viewport.clientHeight || 600;
    const top = this.viewport.scrollTop;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    const summary = `${t.t("rowsCount", { n: this.rows.length })} · ${t.t("selectedCount", { n: this.selected.size })}`;
    if (this.summary.textContent !== summary) this.summary.textContent = summary;
    if (!force && first === this.drawn.first && last === this.drawn.last) return;
    const dates = (this.dates ??= new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" }));
    const kept = this.shown.filter((parts) => parts.index >= first && parts.index < last);
    if (force) for (const parts of kept) this.fillRow(parts, parts.index, dates);
    const keptFirst = kept[0]?.index ?? last;
    const keptLast = kept.length ? kept[kept.length - 1]!.index + 1 : last;
    for (const parts of this.shown) if (!kept.includes(parts)) parts.element.remove();
    const free = this.shown.filter((parts) => !kept.includes(parts));
    const take = (index: number): RowParts => {
      const parts = free.pop() ?? this.createRow();
      this.fillRow(parts, index, dates);
      return parts;
    };
    const before: RowParts[] = [];
    for (let index = first; index < Math.min(keptFirst, last); index += 1) before.push(take(index));
    const after: RowParts[] = [];
    for (let index = Math.max(keptLast, first); index < last; index += 1) after.push(take(index));
    this.body.prepend(...before.map((p) => p.element));
    this.body.append(...after.map((p) => p.element));
    this.shown = [...before, ...kept, ...after];
    this.drawn = { first, last };
    this.body.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
  }

  /** One row's elements, made once and refilled as the list scrolls (events are delegated). */
  private createRow(): RowParts {
    const checkbox = el("input", { type: "checkbox", tabindex: "-1" });
    const cells = {
      title: el("span", { class: "cell col-title", role: "gridcell" }),
      byline: el("span", { class: "cell col-byline", role: "gridcell" }),
      status: el("span", { class: "cell col-status", role: "gridcell" }),
      score: el("span", { class: "cell col-score", role: "gridcell" }),
      band: el("span", { class: "cell col-band", role: "gridcell" }),
      updated: el("time", { class: "cell col-updated", role: "gridcell" }),
    };
    const element = el(
      "div",
      { class: "grid-row", role: "row", "data-testid": "dashboard-row" },
      el("span", { class: "cell check", role: "gridcell" }, checkbox),
      cells.title,
      cells.byline,
      cells.status,
      cells.score,
      cells.band,
      cells.updated,
    );
    return { element, checkbox, ...cells, index: -1, row: undefined };
  }

  private fillRow(parts: RowParts, index: number, dates: Intl.DateTimeFormat): void {
    const t = this.i18n;
    const row = this.rows[index]!;
    parts.index = index;
    const selected = this.selected.has(row.id);
    parts.element.setAttribute("aria-rowindex", String(index + 1));
    parts.element.setAttribute("aria-selected", String(selected));
    parts.element.classList.toggle("active", index === this.active);
    parts.checkbox.checked = selected;
    if (parts.row === row && parts.lang === t.lang) return;
    parts.row = row;
    parts.lang = t.lang;
    parts.element.dataset.id = row.id;
    const title = row.title.trim() || t.t("untitled");
    parts.checkbox.setAttribute("aria-label", t.t("selectRow", { t: title }));
    parts.title.textContent = title;
    parts.title.title = row.snippet ?? row.title;
    parts.byline.textContent = row.byline ?? "";
    // A long byline is cut with an ellipsis; the whole name stays one hover away.
    parts.byline.title = row.byline ?? "";
    parts.status.dataset.status = row.status;
    parts.status.textContent = t.t(`wf_${row.status}` as MessageKey);
    parts.score.textContent = row.score === null ? t.t("noScore") : String(row.score);
    const band = row.score === null ? undefined : badgeOf(row.score).band;
    parts.band.replaceChildren(
      band
        ? el("span", { class: `band-dot band-${band}`, "data-band": band }, t.t(`band_${band}`))
        : "",
    );
    parts.updated.dateTime = row.updated_at;
    parts.updated.textContent = dates.format(new Date(row.updated_at));
  }

  /** The drawn row an event happened in. */
  private rowAt(target: EventTarget | null): RowParts | undefined {
    const element = target instanceof Element ? target.closest(".grid-row") : null;
    return this.shown.find((parts) => parts.element === element);
  }

  private wireRows(): void {
    this.body.addEventListener("change", (event) => {
      const parts = this.rowAt(event.target);
      if (!parts?.row || !(event.target instanceof HTMLInputElement)) return;
      if (event.target.checked) this.selected.add(parts.row.id);
      else this.selected.delete(parts.row.id);
      this.draw(true);
    });
    this.body.addEventListener("click", (event) => {
      const parts = this.rowAt(event.target);
      if (!parts || event.target instanceof HTMLInputElement) return;
      this.active = parts.index;
      this.viewport.focus();
      this.draw(true);
    });
    this.body.addEventListener("dblclick", (event) => {
      const parts = this.rowAt(event.target);
      if (parts?.row) this.events.open(parts.row.id);
    });
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

