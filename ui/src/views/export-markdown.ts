// "Export .md…": the open article as a Markdown file with front matter, written into a folder
// the reporter names (remembered for next time, as a UI preference).
import * as backend from "../lib/backend";
import type { I18n } from "../lib/i18n";
import { el, field } from "./dom";
import { Overlay } from "./overlay";

const FOLDER_KEY = "redaksi.exportFolder";

export interface ExportEvents {
  /** The open article, if any. */
  articleId(): string | undefined;
  /** Unsaved text must be stored before it is exported. */
  flush(): Promise<unknown>;
}

export class ExportMarkdown {
  private readonly overlay: Overlay;
  readonly openButton = el("button", { type: "button", class: "tool", "data-testid": "export-markdown" });
  private readonly folderLabel = el("label");
  private readonly folder = el("input", { type: "text", "data-testid": "export-folder" });
  private readonly exportButton = el("button", { type: "button", "data-testid": "export-run" });
  private readonly status = el("p", { class: "small", role: "status", "data-testid": "export-status" });

  constructor(
    private readonly i18n: I18n,
    private readonly storage: Storage,
    private readonly events: ExportEvents,
  ) {
    this.overlay = new Overlay("export-dialog", () => i18n.t("close"));
    this.overlay.body.append(field(this.folderLabel, this.folder), this.exportButton, this.status);
    this.openButton.addEventListener("click", () => this.open());
    this.exportButton.addEventListener("click", () => void this.run());
  }

  get root(): HTMLElement {
    return this.overlay.root;
  }

  open(): void {
    if (!this.events.articleId()) return;
    this.folder.value = this.storage.getItem(FOLDER_KEY) ?? "";
    this.status.textContent = "";
    this.overlay.show();
  }

  applyLanguage(): void {
    const t = this.i18n;
    this.overlay.title.textContent = t.t("exportTitle");
    this.openButton.textContent = t.t("exportOpen");
    this.folderLabel.textContent = t.t("exportFolder");
    this.exportButton.textContent = t.t("exportRun");
  }

  private async run(): Promise<void> {
    const id = this.events.articleId();
    const folder = this.folder.value.trim();
    if (!id || !folder) return;
    try {
      await this.events.flush();
      const path = await backend.exportMarkdown(id, folder);
      this.storage.setItem(FOLDER_KEY, folder);
      this.status.textContent = this.i18n.t("exportDone", { path });
    } catch (error) {
      const e = backend.toBackendError(error);
      this.status.textContent = this.i18n.error(e.code, e.message);
    }
  }
}
