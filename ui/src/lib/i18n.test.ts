import { describe, expect, it, vi } from "vitest";
import { STRING_TABLES } from "../strings";
import { I18n, detectLang, storeLang, storedLang, translate, translated } from "./i18n";

describe("language", () => {
  it.each([
    [["id-ID", "en-US"], "id"],
    [["in"], "id"],
    [["en-GB"], "en"],
    [["fr-FR", "id"], "id"],
    [["de-DE"], "en"],
    [[], "en"],
  ] as const)("OS languages %j pick %s", (languages, expected) => {
    expect(detectLang(languages)).toBe(expected);
  });

  it("a stored choice overrides the OS and can be cleared", () => {
    const storage = window.localStorage;
    storage.clear();
    expect(storedLang(storage)).toBeUndefined();
    storeLang(storage, "id");
    expect(storedLang(storage)).toBe("id");
    storeLang(storage, undefined);
    expect(storedLang(storage)).toBeUndefined();
  });

  it("ignores a stored value it does not know", () => {
    window.localStorage.setItem("redaksi.lang", "fr");
    expect(storedLang(window.localStorage)).toBeUndefined();
  });

  it("explains known error codes and passes unknown ones through", () => {
    const i18n = new I18n("id");
    expect(i18n.error("not_found", "no row")).toBe("Artikel tidak ditemukan. (no row)");
    expect(i18n.error("weird", "something")).toBe("something");
  });
});

describe("translate", () => {
  it("labels marked text and attributes, and relabels them on a language change", () => {
    const root = document.createElement("div");
    root.innerHTML = `
      <button data-i18n="newArticle"></button>
      <input data-i18n-placeholder="titlePlaceholder" data-i18n-aria-label="titleLabel">
      <select><optgroup data-i18n-label="publishGroupFile"></optgroup></select>`;
    const i18n = new I18n("en");
    translate(root, i18n);
    const button = root.querySelector("button")!;
    const input = root.querySelector("input")!;
    expect(button.textContent).toBe("New article");
    expect(input.placeholder).toBe("Article title");
    expect(input.getAttribute("aria-label")).toBe("Title");
    expect(root.querySelector("optgroup")!.label).toBe("File");
    i18n.setLang("id");
    translate(root, i18n);
    expect(button.textContent).toBe("Artikel baru");
    expect(input.placeholder).toBe("Judul artikel");
  });

  it("fails loudly for a key that has no text", () => {
    const root = document.createElement("div");
    root.innerHTML = '<span data-i18n="noSuchKey"></span>';
    expect(() => translate(root, new I18n("en"))).toThrow('no UI text for "noSuchKey"');
  });

  it("marks elements for el() with the keys as attributes", () => {
    expect(translated("close", { title: "cancel" })).toEqual({ "data-i18n": "close", "data-i18n-title": "cancel" });
    expect(translated(undefined, { "aria-label": "close" })).toEqual({ "data-i18n-aria-label": "close" });
  });

  it("tells its listeners about a change, once, and stops when asked", () => {
    const i18n = new I18n("en");
    const heard = vi.fn();
    const stop = i18n.onChange(heard);
    i18n.setLang("en");
    expect(heard).not.toHaveBeenCalled();
    i18n.setLang("id");
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    i18n.setLang("en");
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

describe("plurals", () => {
  it.each([
    ["en", 1, "1 word"],
    ["en", 0, "0 words"],
    ["en", 2, "2 words"],
    // Indonesian does not inflect for number.
    ["id", 1, "1 kata"],
    ["id", 5, "5 kata"],
  ] as const)("%s: %d", (lang, n, text) => {
    expect(new I18n(lang).t("wordCount", { n })).toBe(text);
  });
});

describe("the string tables", () => {
  it("give every key one home, with text in both languages", () => {
    const keys = STRING_TABLES.flatMap((table) => Object.keys(table));
    const twice = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(twice).toEqual([]);
    for (const table of STRING_TABLES) {
      for (const [key, text] of Object.entries(table) as [string, Record<string, unknown>][]) {
        expect(Object.keys(text).sort(), key).toEqual(["en", "id"]);
      }
    }
  });
});
