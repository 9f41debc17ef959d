// The one place where the engine's byte offsets become CodeMirror's positions. Rust reports
// marks as byte ranges into the UTF-8 Markdown; CodeMirror counts UTF-16 code units. They differ
// as soon as the text has "é", "—" or an emoji, so every mark passes through here.

export interface ByteRange {
  start: number;
  end: number;
}

export interface Utf16Range {
  from: number;
  to: number;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Converts byte ranges into UTF-16 ranges over `text` with one walk over the string. A byte
 * offset inside a character (which the engine never sends) rounds down to that character;
 * one past the end clamps to the text's length.
 */
export function bytesToUtf16(text: string, ranges: readonly ByteRange[]): Utf16Range[] {
  const wanted = [...new Set(ranges.flatMap((r) => [r.start, r.end]))].sort((a, b) => a - b);
  const map = new Map<number, number>();
  let bytes = 0;
  let units = 0;
  let next = 0;
  while (next < wanted.length && units <= text.length) {
    const codePoint = text.codePointAt(units);
    const width = codePoint === undefined ? Infinity : utf8Length(codePoint);
    while (next < wanted.length && (wanted[next] ?? 0) < bytes + width) {
      map.set(wanted[next] ?? 0, units);
      next += 1;
    }
    if (codePoint === undefined) break;
    bytes += width;
    units += codePoint > 0xffff ? 2 : 1;
  }
  return ranges.map((r) => ({ from: map.get(r.start) ?? text.length, to: map.get(r.end) ?? text.length }));
}
