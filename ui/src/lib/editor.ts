// The Markdown editor: CodeMirror 6 with Markdown highlighting, undo history, search and
// line wrapping. The rest of the UI only sees text in and change notifications out.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  keymap,
  placeholder,
} from "@codemirror/view";

export interface MarkdownEditor {
  getText(): string;
  /** Replaces the whole text without reporting it as a change (loading another article). */
  setText(text: string): void;
  setPlaceholder(text: string): void;
  setLabel(text: string): void;
  focus(): void;
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
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
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
  };
}
