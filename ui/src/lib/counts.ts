// Word count, character count and reading time for the status bar. The engine reports the
// same numbers with its report, but the bar must move on every keystroke, before any analysis.

/** A typical adult reading speed for news prose; the engine uses the same figure. */
export const WORDS_PER_MINUTE = 200;

export interface TextCounts {
  words: number;
  characters: number;
  readingMinutes: number;
}

// Markdown punctuation that is not part of a word: heading marks, list bullets, emphasis,
// link brackets and the URLs inside them.
const MARKUP = /!?\[([^\]]*)\]\([^)]*\)|^[ \t]*(?:#{1,6}|[-*+]|\d+[.)]|>)[ \t]+|[*_`~]+/gm;

export function countText(markdown: string): TextCounts {
  const plain = markdown.replace(MARKUP, (_match, label: string | undefined) => label ?? " ");
  const words = plain.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return {
    words,
    // Characters as a reader counts them: code points, not UTF-16 units.
    characters: [...markdown].length,
    readingMinutes: words === 0 ? 0 : Math.ceil(words / WORDS_PER_MINUTE),
  };
}
