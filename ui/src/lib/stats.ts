// Word count, character count and reading time for the status bar. Words are counted with the
// platform's Unicode word segmenter, so Indonesian reduplication ("anak-anak") and numbers are
// counted the way a reader sees them, not by splitting on spaces.

export interface TextStats {
  words: number;
  characters: number;
  /** Whole minutes at a news reader's pace, at least 1 for any text. */
  readingMinutes: number;
}

/** Words per minute of an adult reading news on a screen (Indonesian and English alike). */
export const WORDS_PER_MINUTE = 200;

/** Markdown syntax that is not read aloud: link targets, image sources and markup characters. */
function readableText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/[#>*_`~|]/g, " ");
}

export function textStats(markdown: string, locale: string): TextStats {
  const text = readableText(markdown);
  let words = 0;
  const segmenter = new Intl.Segmenter(locale, { granularity: "word" });
  let joinedByHyphen = false;
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike) {
      // "anak-anak" is one word to a reader, though the segmenter splits it at the hyphen.
      if (!joinedByHyphen) words++;
      joinedByHyphen = false;
    } else {
      joinedByHyphen = segment.segment === "-" && words > 0;
    }
  }
  const characters = [...new Intl.Segmenter(locale, { granularity: "grapheme" }).segment(markdown)]
    .length;
  const readingMinutes = words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
  return { words, characters, readingMinutes };
}
