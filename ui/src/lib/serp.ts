// The search-result preview. Search engines cut titles and descriptions by rendered width in
// pixels, not by characters: "WWW" runs out long before "iii". Widths come from the browser's
// own text measurement in the fonts Google uses (Arial), so the cut matches what readers see.

export type Measure = (text: string, font: string) => number;

export interface SerpLimits {
  titleFont: string;
  titlePx: number;
  descriptionFont: string;
  descriptionPx: number;
}

/** Google's result layout as tools like Rank Math and Yoast approximate it. */
export const DESKTOP: SerpLimits = {
  titleFont: "20px Arial",
  titlePx: 600,
  descriptionFont: "14px Arial",
  descriptionPx: 920,
};

/** The phone layout wraps titles onto up to two lines and shows a shorter description. */
export const MOBILE: SerpLimits = {
  titleFont: "20px Arial",
  titlePx: 2 * 330,
  descriptionFont: "14px Arial",
  descriptionPx: 680,
};

const ELLIPSIS = " ...";

/** The browser's measurement through a canvas; null where there is no canvas (tests). */
export function canvasMeasure(): Measure | null {
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = document.createElement("canvas").getContext("2d");
  } catch {
    context = null;
  }
  if (!context) return null;
  const ctx = context;
  return (text, font) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}

/**
 * `text` if it fits in `maxPx`; otherwise the longest run of whole words that fits with
 * " ..." after it (or of characters, when even the first word is too wide).
 */
export function cutToWidth(text: string, maxPx: number, font: string, measure: Measure): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (measure(clean, font) <= maxPx) return clean;
  const fits = (n: number) => measure(clean.slice(0, n).trimEnd() + ELLIPSIS, font) <= maxPx;
  let low = 0;
  let high = clean.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  const space = clean.lastIndexOf(" ", low);
  const cut = space > 0 && clean[low] !== " " ? space : low;
  return clean.slice(0, cut).trimEnd() + ELLIPSIS;
}

/** The URL line: the site and the slug, as the result shows it ("site.com › slug"). */
export function serpUrl(siteUrl: string, slug: string): string {
  const base = siteUrl.trim().replace(/\/+$/, "") || "https://example.com";
  return slug.trim() ? `${base}/${slug.trim()}` : base;
}

/** A slug from a title: lower case ASCII words joined by hyphens, accents folded. */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 75)
    .replace(/-+$/, "");
}

/**
 * The title a search engine shows: the SEO title if there is one, else the site's template,
 * with `%title%` and `%sitename%` filled in (the backend scores the same string).
 */
export function displayedTitle(title: string, seoTitle: string | null | undefined, siteName: string, template: string): string {
  const pattern = seoTitle?.trim() ? seoTitle : template.trim() || "%title%";
  return pattern.replaceAll("%title%", title.trim()).replaceAll("%sitename%", siteName.trim()).trim();
}
