import { describe, expect, it } from "vitest";
import { textStats } from "./stats";

describe("textStats", () => {
  it.each([
    ["", 0],
    ["Banjir di Jakarta.", 3],
    ["Anak-anak bermain di kali.", 4],
    ["# Judul\n\nSatu **dua** tiga.", 4],
    ["Baca [laporan lengkap](https://example.com/a/b/c) di sini.", 5],
    ["Harga naik 12,5 persen pada 2024.", 6],
    ["Presiden   Joko\tWidodo\n\nberkata", 4],
  ])("%j has %i words", (text, words) => {
    expect(textStats(text, "id").words).toBe(words);
  });

  it("counts characters as a reader sees them (one per emoji or accented letter)", () => {
    expect(textStats("Café 👍🏽", "en").characters).toBe(6);
  });

  it("gives reading time in whole minutes at 200 words per minute", () => {
    const words = (n: number) => Array.from({ length: n }, () => "kata").join(" ");
    expect(textStats(words(0), "id").readingMinutes).toBe(0);
    expect(textStats(words(20), "id").readingMinutes).toBe(1);
    expect(textStats(words(400), "id").readingMinutes).toBe(2);
    expect(textStats(words(1000), "id").readingMinutes).toBe(5);
  });
});
