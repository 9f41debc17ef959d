// Focus keywords as chips: up to five, the first primary, each with its synonyms.
import type { Meta } from "../lib/backend";
import { type I18n, translated } from "../lib/i18n";
import { el, field } from "./dom";

export const MAX_KEYWORDS = 5;
type Keyword = { phrase: string; synonyms?: string[] };

export class KeywordEditor {
  readonly root = el("div", { class: "keywords" });
  private readonly label = el("label", translated("keywords"));
  readonly input = el("input", { type: "text", "data-testid": "keyword-input", autocomplete: "off", ...translated(undefined, { placeholder: "keywordPlaceholder" }) });
  private readonly chips = el("ul", { class: "chips", "data-testid": "keyword-chips" });
  private readonly limit = el("p", { class: "muted small", hidden: "", ...translated("keywordLimit") });
  private keywords: Keyword[] = [];

  constructor(
    private readonly i18n: I18n,
    private readonly onChange: (keywords: Keyword[]) => void,
  ) {
    this.input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== ",") return;
      event.preventDefault();
      this.add(this.input.value);
    });
    this.input.addEventListener("blur", () => {
      if (this.input.value.trim()) this.add(this.input.value);
    });
    this.root.append(field(this.label, this.input), this.limit, this.chips);
    this.render();
    i18n.onChange(() => this.render());
  }

  set(meta: Meta): void {
    this.keywords = (meta.keywords ?? []).map((k) => ({ ...k }));
    this.render();
  }

  add(text: string): void {
    const phrases = text.split(",").map((p) => p.trim()).filter(Boolean);
    for (const phrase of phrases) {
      if (this.keywords.length >= MAX_KEYWORDS) break;
      if (this.keywords.some((k) => k.phrase.toLowerCase() === phrase.toLowerCase())) continue;
      this.keywords.push({ phrase, synonyms: [] });
    }
    this.input.value = "";
    this.render();
    this.onChange(this.keywords);
  }

  private render(): void {
    const t = this.i18n;
    this.limit.hidden = this.keywords.length < MAX_KEYWORDS;
    this.input.disabled = this.keywords.length >= MAX_KEYWORDS;
    this.chips.replaceChildren(
      ...this.keywords.map((keyword, index) => {
        const remove = el(
          "button",
          { type: "button", class: "chip-remove", "aria-label": t.t("removeKeyword", { k: keyword.phrase }) },
          "×",
        );
        remove.addEventListener("click", () => {
          this.keywords.splice(index, 1);
          this.render();
          this.onChange(this.keywords);
        });
        const synonyms = el("input", { type: "text", class: "synonyms", value: (keyword.synonyms ?? []).join(", ") });
        synonyms.addEventListener("change", () => {
          keyword.synonyms = synonyms.value.split(",").map((s) => s.trim()).filter(Boolean);
          this.onChange(this.keywords);
        });
        const synonymsLabel = el("label", { class: "visually-hidden" }, `${t.t("synonyms")}: ${keyword.phrase}`);
        synonyms.placeholder = t.t("synonyms");
        return el(
          "li",
          { class: index === 0 ? "chip primary" : "chip", "data-testid": "keyword-chip" },
          el("span", { class: "chip-text" }, keyword.phrase),
          index === 0 ? el("small", { class: "chip-tag" }, t.t("keywordPrimary")) : "",
          remove,
          field(synonymsLabel, synonyms),
        );
      }),
    );
  }
}
