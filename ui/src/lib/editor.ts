// The Markdown editor: CodeMirror 6 with Markdown highlighting, undo history, search and
// line wrapping. The rest of the UI only sees text in and change notifications out, plus the
// ranges a scoring check wants highlighted.
import { defaultKeymap, history, historyKeymap, indentWithTab, redo, undo } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, openSearchPanel, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  EditorView,
  drawSelection,
  highlightActiveLine,
  keymap,
  placeholder,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";
import type { Utf16Range } from "./offsets";
import { htmlToMarkdown } from "./paste";

const setMarks = StateEffect.define<Utf16Range[]>();
const markDecoration = Decoration.mark({ class: "cm-check-mark", attributes: { "data-testid": "check-mark" } });

// Highlights stay on their words while the reporter types: the set maps through each change.
const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(setMarks)) {
        const length = tr.state.doc.length;
        next = Decoration.set(
          effect.value
            .map((r) => ({ from: Math.min(r.from, length), to: Math.min(r.to, length) }))
            .filter((r) => r.to > r.from)
            .sort((a, b) => a.from - b.from)
            .map((r) => markDecoration.range(r.from, r.to)),
        );
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Pasted HTML (a web page, a word processor) arrives as Markdown, not as raw tags. */
const richPaste = EditorView.domEventHandlers({
  paste(event, view) {
    const html = event.clipboardData?.getData("text/html");
    if (!html) return false;
    const text = htmlToMarkdown(html);
    if (!text) return false;
    event.preventDefault();
    view.dispatch(view.state.replaceSelection(text), { scrollIntoView: true, userEvent: "input.paste" });
    return true;
  },
});

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
  /** Highlights these ranges (replacing earlier ones) and scrolls the first into view. */
  highlight(ranges: Utf16Range[]): void;
  undo(): void;
  redo(): void;
  openFind(): void;
  /** Inserts text at the cursor as if typed (tests and benchmarks drive it this way). */
  insert(text: string): void;
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
    marksField,
    richPaste,
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
    highlight(ranges) {
      const first = [...ranges].sort((a, b) => a.from - b.from)[0];
      const effects: StateEffect<unknown>[] = [setMarks.of(ranges)];
      if (first) effects.push(EditorView.scrollIntoView(Math.min(first.from, view.state.doc.length), { y: "center" }));
      view.dispatch({ effects });
    },
    undo: () => void undo(view),
    redo: () => void redo(view),
    openFind: () => void openSearchPanel(view),
    insert(text) {
      view.dispatch(view.state.replaceSelection(text), { userEvent: "input.type" });
    },
  };
}
