import { describe, expect, it } from "vitest";
import { I18n, detectLang, storeLang, storedLang } from "./i18n";

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
