import { describe, expect, it } from "vitest";
import { ERROR_CODES, LANGS } from "../i18n";
import { CODES } from "./Code";

// The Rust side's every error code (generated into ./Code.ts) needs words in both languages:
// a code the UI cannot word would reach the reporter as an English detail only.
describe("error codes", () => {
  it.each(CODES)("%s has Indonesian and English text", (code) => {
    for (const lang of LANGS) {
      expect(ERROR_CODES[code]?.[lang]?.trim(), `${code} in ${lang}`).toBeTruthy();
    }
  });
});
