// The preview pane: the article rendered by Rust (and sanitised there, by the same sanitiser as
// the export) a moment after typing pauses. A link in it never takes the app's window away from
// the desk: a click opens http(s) links in the system browser and nothing else (issue 10, item
// 17; the shell refuses any navigation off the app's origin as well).
import { translated } from "../lib/i18n";
import { el } from "./dom";

export interface PreviewDeps {
  /** Markdown to sanitised HTML (the backend's `render_preview`). */
  renderPreview(markdown: string): Promise<string>;
  /** Opens a web address in the system browser. */
  openInBrowser(url: string): Promise<void>;
}

/** The address a preview link may open outside the app: absolute http(s) only. */
export function browserUrl(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export class PreviewPane {
  readonly root = el("article", {
    class: "preview markdown-body",
    "data-testid": "preview",
    hidden: "",
    ...translated(undefined, { "aria-label": "previewLabel" }),
  });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor(private readonly deps: PreviewDeps) {
    // A middle click would open a second window on the link: refused the same way.
    for (const type of ["click", "auxclick"] as const) {
      this.root.addEventListener(type, (event) => this.follow(event));
    }
  }

  get shown(): boolean {
    return !this.root.hidden;
  }

  show(shown: boolean): void {
    this.root.hidden = !shown;
    if (!shown) this.cancel();
  }

  /** Renders `markdown` after `delayMs` of quiet (only the newest answer is shown). */
  schedule(markdown: () => string, delayMs: number): void {
    if (!this.shown) return;
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const seq = ++this.seq;
      this.deps.renderPreview(markdown()).then(
        (html) => {
          // The HTML is sanitised by Rust (the same sanitiser as export) before it gets here.
          if (seq === this.seq) this.root.innerHTML = html;
        },
        () => undefined,
      );
    }, delayMs);
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private follow(event: MouseEvent): void {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link) return;
    event.preventDefault();
    const url = browserUrl(link.getAttribute("href"));
    if (url) this.deps.openInBrowser(url).catch(() => undefined);
  }
}
