import { describe, expect, it } from "vitest";
import { countText } from "./counts";
import { bytesToUtf16 } from "./offsets";
import { htmlToMarkdown, plainToMarkdown } from "./paste";
import { LiveScorer } from "./scorer";
import { cutToWidth, displayedTitle, serpUrl, slugify } from "./serp";
import { DEFAULTS, loadSettings, saveSettings } from "./settings";

/** The UTF-8 byte offset of `needle` in `text`, computed with the platform's encoder. */
function byteOffset(text: string, needle: string): { start: number; end: number } {
  const at = text.indexOf(needle);
  const encoder = new TextEncoder();
  const start = encoder.encode(text.slice(0, at)).length;
  return { start, end: start + encoder.encode(needle).length };
}

describe("byte offsets to CodeMirror positions", () => {
  it.each([
    ["ASCII", "Banjir di Jakarta", "Jakarta"],
    ["two-byte letters", "Kafé di Bandung — café", "café"],
    ["three-byte dash", "Rapat — sidang — ditunda", "ditunda"],
    ["emoji (surrogate pair)", "Gol! 🎉⚽ Persija menang", "Persija"],
  ])("%s", (_name, text, needle) => {
    const [range] = bytesToUtf16(text, [byteOffset(text, needle)]);
    expect(text.slice(range!.from, range!.to)).toBe(needle);
  });

  it("clamps offsets past the end", () => {
    expect(bytesToUtf16("abc", [{ start: 1, end: 99 }])).toEqual([{ from: 1, to: 3 }]);
  });
});

describe("counts", () => {
  it("counts words, not Markdown syntax or link targets", () => {
    const counts = countText("# Judul berita\n\n- satu **dua** [tiga](https://x.id/a-b-c)\n");
    expect(counts.words).toBe(5);
  });

  it("reads 200 words a minute, rounded up", () => {
    expect(countText(Array(201).fill("kata").join(" ")).readingMinutes).toBe(2);
    expect(countText("").readingMinutes).toBe(0);
  });

  it("counts characters as code points", () => {
    expect(countText("🎉é").characters).toBe(2);
  });
});

describe("rich paste", () => {
  it("keeps paragraphs, headings, links and lists; drops scripts and unsafe links", () => {
    const html = `<html><body><script>alert(1)</script><h2>NATO Desak Sekutu</h2>
      <div><p>Sekretaris Jenderal NATO, <a href="https://www.nato.int/">Mark Rutte</a>, mendesak.</p>
      <p>Desakan ini <b>disampaikan</b> di <a href="javascript:alert(1)">Paris</a>.</p></div>
      <ul><li>satu</li><li>dua</li></ul></body></html>`;
    expect(htmlToMarkdown(html)).toBe(
      "## NATO Desak Sekutu\n\n" +
        "Sekretaris Jenderal NATO, [Mark Rutte](https://www.nato.int/), mendesak.\n\n" +
        "Desakan ini **disampaikan** di Paris.\n\n" +
        "- satu\n- dua",
    );
  });

  it("turns plain text paragraphs into Markdown paragraphs", () => {
    expect(plainToMarkdown("Satu\r\n\r\n\r\nDua\n  \nTiga")).toBe("Satu\n\nDua\n\nTiga");
  });
});

describe("SERP preview", () => {
  // A fixed-width measure makes the expected cut easy to state: 10 px per character.
  const measure = (text: string) => text.length * 10;

  it("keeps a title that fits", () => {
    expect(cutToWidth("Banjir Jakarta", 600, "20px Arial", measure)).toBe("Banjir Jakarta");
  });

  it("cuts at a word boundary by width and adds an ellipsis", () => {
    const cut = cutToWidth("Banjir rob merendam pesisir utara Jakarta", 240, "20px Arial", measure);
    expect(cut).toBe("Banjir rob merendam ...");
    expect(measure(cut)).toBeLessThanOrEqual(240);
  });

  it("cuts wide letters sooner than narrow ones", () => {
    const byLetter = (text: string) => [...text].reduce((w, c) => w + (c === "W" ? 19 : 5), 0);
    const wide = cutToWidth("WWWW WWWW WWWW WWWW", 120, "", byLetter);
    const narrow = cutToWidth("iiii iiii iiii iiii", 120, "", byLetter);
    expect(wide.length).toBeLessThan(narrow.length);
  });

  it("builds the URL from the site and the slug", () => {
    expect(serpUrl("https://kabar.id/", "banjir-rob")).toBe("https://kabar.id/banjir-rob");
  });

  it.each([
    ["Banjir Rob di Muara Baru!", "banjir-rob-di-muara-baru"],
    ["Kafé & Résumé 2024", "kafe-resume-2024"],
    ["  --  ", ""],
  ])("slugifies %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each([
    ["Banjir", "", "%title% - %sitename%", "Banjir - Kabar"],
    ["Banjir", "Judul SEO | %sitename%", "%title% - %sitename%", "Judul SEO | Kabar"],
    ["Banjir", null, "", "Banjir"],
  ])("title %s with SEO title %s shows as the template says", (title, seo, template, expected) => {
    expect(displayedTitle(title, seo, "Kabar", template)).toBe(expected);
  });
});

describe("live scorer", () => {
  function deferred<T>() {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  }

  it("sends only the newest waiting text and drops answers for text that is gone", async () => {
    const pending: { request: string; answer: ReturnType<typeof deferred<string>> }[] = [];
    const shown: string[] = [];
    const scorer = new LiveScorer<string, string>({
      analyze: (request) => {
        const answer = deferred<string>();
        pending.push({ request, answer });
        return answer.promise;
      },
      onResult: (result) => shown.push(result),
      onError: () => undefined,
    });
    scorer.request("a");
    scorer.request("ab");
    scorer.request("abc");
    expect(pending.map((p) => p.request)).toEqual(["a"]);
    pending[0]!.answer.resolve("score of a");
    await Promise.resolve();
    await Promise.resolve();
    expect(pending.map((p) => p.request)).toEqual(["a", "abc"]);
    pending[1]!.answer.resolve("score of abc");
    await scorer.idle();
    expect(shown).toEqual(["score of abc"]);
  });
});

describe("settings", () => {
  it("falls back to defaults for missing or malformed values", () => {
    localStorage.setItem("redaksi.desk", JSON.stringify({ profile: "yoast", site: { url: 3, name: "Kabar" } }));
    const settings = loadSettings(localStorage);
    expect(settings.profile).toBe(DEFAULTS.profile);
    expect(settings.site.url).toBe(DEFAULTS.site.url);
    expect(settings.site.name).toBe("Kabar");
    saveSettings(localStorage, { ...settings, profile: "rankmath" });
    expect(loadSettings(localStorage).profile).toBe("rankmath");
    localStorage.setItem("redaksi.desk", "{not json");
    expect(loadSettings(localStorage)).toEqual(DEFAULTS);
  });
});
