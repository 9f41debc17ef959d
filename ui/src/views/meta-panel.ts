// The metadata panel: SEO title with character and pixel meters, slug, description, the news
// fields, the featured image, the workflow status and dates, the editor's note, and the SERP
// preview that shows how a search engine would cut the title and description.
import type { Meta } from "../lib/backend";
import { emptyMeta } from "../lib/meta";
import { WORKFLOW } from "../lib/workflow";
import { type I18n, type MessageKey, translated } from "../lib/i18n";
import { DESKTOP, MOBILE, type Measure, type SerpLimits, canvasMeasure, cutToWidth, serpUrl, slugify } from "../lib/serp";
import { el, field } from "./dom";

/** The SERP box's measure: the browser's, or an Arial-like average where there is no canvas. */
const measure: Measure = canvasMeasure() ?? ((text, font) => text.length * (font.startsWith("20") ? 9.5 : 6.7));

function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export interface MetaContext {
  title: string;
  /** The title the score uses (SEO title or template filled in). */
  displayedTitle: string;
  siteUrl: string;
}

export class MetaPanel {
  readonly root = el("section", { class: "meta-panel", "data-testid": "meta-panel" });
  private meta: Meta = emptyMeta();
  private context: MetaContext = { title: "", displayedTitle: "", siteUrl: "" };
  private slugTouched = false;
  private serpMode: SerpLimits = DESKTOP;

  readonly seoTitle = el("input", { type: "text", "data-testid": "seo-title-input" });
  private readonly seoTitleMeter = el("p", { class: "meter small", "data-testid": "seo-title-meter" });
  readonly slug = el("input", { type: "text", "data-testid": "slug-input", spellcheck: "false" });
  private readonly slugButton = el("button", { type: "button", class: "link small", ...translated("slugFromTitle") });
  readonly description = el("textarea", { rows: "3", "data-testid": "description-input" });
  private readonly descriptionMeter = el("p", { class: "meter small" });
  private readonly lang = el(
    "select",
    {},
    el("option", { value: "id", ...translated("langName_id") }),
    el("option", { value: "en", ...translated("langName_en") }),
  );
  private readonly byline = el("input", { type: "text", "data-testid": "byline-input" });
  private readonly dateline = el("input", { type: "text" });
  private readonly category = el("input", { type: "text" });
  private readonly tags = el("input", { type: "text", "data-testid": "tags-input" });
  private readonly imageSrc = el("input", { type: "url" });
  private readonly imageAlt = el("input", { type: "text" });
  readonly status = el("select", { "data-testid": "status-select" });
  private readonly embargo = el("input", { type: "datetime-local" });
  private readonly publishAt = el("input", { type: "datetime-local" });
  private readonly note = el("textarea", { rows: "3", "data-testid": "editor-note" });

  private readonly serpHeading = el("h3", { class: "group-title", ...translated("serp") });
  private readonly serpDesktop = el("button", { type: "button", "aria-pressed": "true", "data-testid": "serp-desktop", ...translated("serpDesktop") });
  private readonly serpMobile = el("button", { type: "button", "aria-pressed": "false", "data-testid": "serp-mobile", ...translated("serpMobile") });
  private readonly serpBox = el("div", { class: "serp", "data-testid": "serp-preview" });
  private readonly serpUrl = el("div", { class: "serp-url", "data-testid": "serp-url" });
  private readonly serpTitle = el("div", { class: "serp-title", "data-testid": "serp-title" });
  private readonly serpDescription = el("div", { class: "serp-description", "data-testid": "serp-description" });

  constructor(
    private readonly i18n: I18n,
    private readonly onChange: (meta: Meta) => void,
  ) {
    const row = (key: MessageKey, control: HTMLElement, ...extra: Node[]) => field(el("label", translated(key)), control, ...extra);
    this.serpBox.append(this.serpUrl, this.serpTitle, this.serpDescription);
    this.root.append(
      el("div", { class: "serp-head" }, this.serpHeading, el("div", { class: "segmented" }, this.serpDesktop, this.serpMobile)),
      this.serpBox,
      row("seoTitle", this.seoTitle, this.seoTitleMeter),
      row("slug", this.slug, this.slugButton),
      row("description", this.description, this.descriptionMeter),
      row("articleLang", this.lang),
      row("byline", this.byline),
      row("dateline", this.dateline),
      row("category", this.category),
      row("tags", this.tags),
      row("featuredImage", this.imageSrc),
      row("featuredAlt", this.imageAlt),
      row("status", this.status),
      row("embargo", this.embargo),
      row("publishAt", this.publishAt),
      row("editorNote", this.note),
    );
    this.wire();
    this.renderStatus();
    this.renderMeters();
    i18n.onChange(() => {
      this.renderStatus();
      this.renderMeters();
    });
  }

  private wire(): void {
    const text = (input: HTMLInputElement | HTMLTextAreaElement, apply: (v: string | null) => void) =>
      input.addEventListener("input", () => {
        apply(input.value.trim() ? input.value : null);
        this.changed();
      });
    text(this.seoTitle, (v) => (this.meta.seo_title = v));
    text(this.description, (v) => (this.meta.description = v));
    text(this.byline, (v) => (this.meta.byline = v));
    text(this.dateline, (v) => (this.meta.dateline = v));
    text(this.category, (v) => (this.meta.category = v));
    text(this.note, (v) => (this.meta.editor_note = v));
    this.slug.addEventListener("input", () => {
      this.slugTouched = true;
      this.meta.slug = this.slug.value.trim() || null;
      this.changed();
    });
    this.slugButton.addEventListener("click", () => {
      this.slugTouched = false;
      this.setSlugFromTitle();
      this.changed();
    });
    this.tags.addEventListener("change", () => {
      this.meta.tags = this.tags.value.split(",").map((t) => t.trim()).filter(Boolean);
      this.changed();
    });
    const image = () => {
      const src = this.imageSrc.value.trim();
      this.meta.featured_image = src ? { src, alt: this.imageAlt.value } : null;
      this.changed();
    };
    this.imageSrc.addEventListener("change", image);
    this.imageAlt.addEventListener("input", image);
    this.lang.addEventListener("change", () => {
      this.meta.lang = this.lang.value === "en" ? "en" : "id";
      this.changed();
    });
    this.status.addEventListener("change", () => {
      this.meta.status = WORKFLOW.find((s) => s === this.status.value) ?? "draft";
      this.renderStatus();
      this.changed();
    });
    this.embargo.addEventListener("change", () => {
      this.meta.embargo = fromLocalInput(this.embargo.value);
      this.changed();
    });
    this.publishAt.addEventListener("change", () => {
      this.meta.publish_at = fromLocalInput(this.publishAt.value);
      this.changed();
    });
    const mode = (limits: SerpLimits) => () => {
      this.serpMode = limits;
      this.serpDesktop.setAttribute("aria-pressed", String(limits === DESKTOP));
      this.serpMobile.setAttribute("aria-pressed", String(limits === MOBILE));
      this.serpBox.classList.toggle("mobile", limits === MOBILE);
      this.renderSerp();
    };
    this.serpDesktop.addEventListener("click", mode(DESKTOP));
    this.serpMobile.addEventListener("click", mode(MOBILE));
  }

  private changed(): void {
    this.renderMeters();
    this.renderSerp();
    this.onChange(this.meta);
  }

  /** Shows an article's metadata (the object is edited in place and handed to onChange). */
  set(meta: Meta, context: MetaContext): void {
    this.meta = meta;
    this.context = context;
    this.slugTouched = !!meta.slug;
    this.seoTitle.value = meta.seo_title ?? "";
    this.slug.value = meta.slug ?? "";
    this.description.value = meta.description ?? "";
    this.lang.value = meta.lang ?? "id";
    this.byline.value = meta.byline ?? "";
    this.dateline.value = meta.dateline ?? "";
    this.category.value = meta.category ?? "";
    this.tags.value = (meta.tags ?? []).join(", ");
    this.imageSrc.value = meta.featured_image?.src ?? "";
    this.imageAlt.value = meta.featured_image?.alt ?? "";
    this.embargo.value = toLocalInput(meta.embargo);
    this.publishAt.value = toLocalInput(meta.publish_at);
    this.note.value = meta.editor_note ?? "";
    this.renderStatus();
    this.renderMeters();
    this.renderSerp();
  }

  /** The title or the site changed: an untouched slug follows the title. */
  updateContext(context: MetaContext): void {
    this.context = context;
    if (!this.slugTouched && this.setSlugFromTitle()) this.onChange(this.meta);
    this.renderMeters();
    this.renderSerp();
  }

  private setSlugFromTitle(): boolean {
    const slug = slugify(this.context.title) || null;
    if (slug === (this.meta.slug ?? null)) return false;
    this.meta.slug = slug;
    this.slug.value = slug ?? "";
    return true;
  }

  /** Only the statuses the workflow allows from the current one are offered. */
  private renderStatus(): void {
    const current = this.meta.status ?? "draft";
    const index = WORKFLOW.indexOf(current);
    const allowed = WORKFLOW.filter(
      (s, i) => s === current || s === "draft" || i === index + 1 || (current === "ready" && s === "published"),
    );
    this.status.replaceChildren(
      ...allowed.map((s) => el("option", { value: s }, this.i18n.t(`wf_${s}`))),
    );
    this.status.value = current;
  }

  private renderMeters(): void {
    const title = this.context.displayedTitle;
    const px = Math.round(measure(title, DESKTOP.titleFont));
    this.seoTitleMeter.textContent = `${this.i18n.t("chars", { n: [...title].length })} · ${this.i18n.t("pixels", { n: px, max: DESKTOP.titlePx })}`;
    this.seoTitleMeter.dataset.level = px > DESKTOP.titlePx ? "over" : px < DESKTOP.titlePx * 0.5 ? "short" : "good";
    this.seoTitle.placeholder = title;
    const description = this.meta.description ?? "";
    const n = [...description].length;
    this.descriptionMeter.textContent = this.i18n.t("chars", { n });
    this.descriptionMeter.dataset.level = n > 160 ? "over" : n < 120 ? "short" : "good";
  }

  private renderSerp(): void {
    const limits = this.serpMode;
    this.serpUrl.textContent = serpUrl(this.context.siteUrl, this.meta.slug ?? "");
    this.serpTitle.textContent = cutToWidth(this.context.displayedTitle, limits.titlePx, limits.titleFont, measure);
    this.serpDescription.textContent = cutToWidth(this.meta.description ?? "", limits.descriptionPx, limits.descriptionFont, measure);
  }
}
