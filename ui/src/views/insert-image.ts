// "Insert image…": a picture from a file path goes into the data folder once (by content hash)
// and a Markdown image that references it goes in at the cursor.
import * as backend from "../lib/backend";
import type { I18n } from "../lib/i18n";
import { el, field } from "./dom";
import { Overlay } from "./overlay";

export interface InsertImageEvents {
  /** The open article, if any. */
  articleId(): string | undefined;
  insert(markdown: string): void;
}

/** The Markdown the store's `MediaRef::markdown` writes: brackets in the alt text would end it. */
export function imageMarkdown(alt: string, markdownPath: string): string {
  return `![${alt.replace(/[[\]]/g, "")}](${markdownPath})`;
}

export class InsertImage {
  private readonly overlay: Overlay;
  readonly openButton = el("button", { type: "button", class: "tool", "data-testid": "insert-image" });
  private readonly pathLabel = el("label");
  private readonly path = el("input", { type: "text", "data-testid": "image-path" });
  private readonly altLabel = el("label");
  private readonly alt = el("input", { type: "text", "data-testid": "image-alt" });
  private readonly insertButton = el("button", { type: "button", "data-testid": "image-insert" });
  private readonly status = el("p", { class: "small", role: "status", "data-testid": "image-status" });

  constructor(
    private readonly i18n: I18n,
    private readonly events: InsertImageEvents,
  ) {
    this.overlay = new Overlay("insert-image-dialog", () => i18n.t("close"));
    this.overlay.body.append(field(this.pathLabel, this.path), field(this.altLabel, this.alt), this.insertButton, this.status);
    this.openButton.addEventListener("click", () => this.open());
    this.insertButton.addEventListener("click", () => void this.insert());
  }

  get root(): HTMLElement {
    return this.overlay.root;
  }

  open(): void {
    if (!this.events.articleId()) return;
    this.status.textContent = "";
    this.overlay.show();
  }

  applyLanguage(): void {
    const t = this.i18n;
    this.overlay.title.textContent = t.t("imageTitle");
    this.openButton.textContent = t.t("imageOpen");
    this.pathLabel.textContent = t.t("imagePath");
    this.altLabel.textContent = t.t("imageAlt");
    this.insertButton.textContent = t.t("imageInsert");
  }

  private async insert(): Promise<void> {
    const id = this.events.articleId();
    const path = this.path.value.trim();
    if (!id || !path) return;
    try {
      const media = await backend.importMedia(id, path);
      this.events.insert(imageMarkdown(this.alt.value.trim(), media.markdown_path));
      this.path.value = "";
      this.alt.value = "";
      this.overlay.close();
    } catch (error) {
      const e = backend.toBackendError(error);
      this.status.textContent = this.i18n.error(e.code, e.message);
    }
  }
}
