// "Insert image…": a picture from a file path goes into the data folder once (by content hash)
// and a Markdown image that references it goes in at the cursor.
import type { MediaRef } from "../lib/backend";
import { type I18n, translated } from "../lib/i18n";
import { el, field } from "./dom";
import { Overlay } from "./overlay";

export interface InsertImageDeps {
  /** The open article, if any. */
  articleId(): string | undefined;
  insert(markdown: string): void;
  /** Copies the picture into the data folder (once, by content hash). */
  importMedia(id: string, path: string): Promise<MediaRef>;
}

/** The Markdown the store's `MediaRef::markdown` writes: brackets in the alt text would end it. */
export function imageMarkdown(alt: string, markdownPath: string): string {
  return `![${alt.replace(/[[\]]/g, "")}](${markdownPath})`;
}

export class InsertImage {
  private readonly overlay: Overlay;
  readonly openButton = el("button", { type: "button", class: "tool", "data-testid": "insert-image", ...translated("imageOpen") });
  private readonly path = el("input", { type: "text", "data-testid": "image-path" });
  private readonly alt = el("input", { type: "text", "data-testid": "image-alt" });
  private readonly insertButton = el("button", { type: "button", "data-testid": "image-insert", ...translated("imageInsert") });
  private readonly status = el("p", { class: "small", role: "status", "data-testid": "image-status" });

  constructor(
    private readonly i18n: I18n,
    private readonly events: InsertImageDeps,
  ) {
    this.overlay = new Overlay("insert-image-dialog", "imageTitle");
    this.overlay.body.append(
      field(el("label", translated("imagePath")), this.path),
      field(el("label", translated("imageAlt")), this.alt),
      this.insertButton,
      this.status,
    );
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

  private async insert(): Promise<void> {
    const id = this.events.articleId();
    const path = this.path.value.trim();
    if (!id || !path) return;
    try {
      const media = await this.events.importMedia(id, path);
      this.events.insert(imageMarkdown(this.alt.value.trim(), media.markdown_path));
      this.path.value = "";
      this.alt.value = "";
      this.overlay.close();
    } catch (error) {
      this.status.textContent = this.i18n.failure(error);
    }
  }
}
