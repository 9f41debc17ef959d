// The Markdown editor: CodeMirror 6 with Markdown highlighting, undo history, search and
// line wrapping. The rest of the UI only sees text in and change notifications out.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, openSearchPanel, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  keymap,
  placeholder,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";

// Markdown colours from the stylesheet's variables, so the editor follows the light/dark theme.
const markdownStyle = HighlightStyle.define([
  { tag: tags.heading, fontWeight: "700", color: "var(--accent)" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: [tags.link, tags.url], color: "var(--focus)" },
  { tag: tags.quote, color: "var(--fg-muted)", fontStyle: "italic" },
  { tag: tags.monospace, color: "var(--ok)" },
  { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator], color: "var(--fg-muted)" },
]);

export interface MarkdownEditor {
  getText(): string;
  /** Replaces the whole text without reporting it as a change (loading another article). */
  setText(text: string): void;
  setPlaceholder(text: string): void;
  setLabel(text: string): void;
  focus(): void;
  /** Opens CodeMirror's find and replace panel. */
  openSearch(): void;
}

export function createEditor(
  parent: HTMLElement,
  onChange: (text: string) => void,
): MarkdownEditor {
  const placeholderSlot = new Compartment();
  const labelSlot = new Compartment();
  let placeholderText = "";
  let label = "";
  let loading = false;

  const extensions = () => [
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorView.lineWrapping,
    markdown(),
    syntaxHighlighting(markdownStyle),
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
    placeholderSlot.of(placeholder(placeholderText)),
    labelSlot.of(EditorView.contentAttributes.of({ "aria-label": label })),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !loading) onChange(update.state.doc.toString());
    }),
  ];

  const view = new EditorView({
    parent,
    state: EditorState.create({ doc: "", extensions: extensions() }),
  });

  return {
    getText: () => view.state.doc.toString(),
    setText(text) {
      loading = true;
      try {
        // A fresh state also drops the previous article's undo history.
        view.setState(EditorState.create({ doc: text, extensions: extensions() }));
      } finally {
        loading = false;
      }
    },
    setPlaceholder(text) {
      placeholderText = text;
      view.dispatch({ effects: placeholderSlot.reconfigure(placeholder(text)) });
    },
    setLabel(text) {
      label = text;
      view.dispatch({
        effects: labelSlot.reconfigure(EditorView.contentAttributes.of({ "aria-label": text })),
      });
    },
    focus: () => view.focus(),
    openSearch: () => {
      openSearchPanel(view);
    },
  };
}
