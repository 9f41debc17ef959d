import { describe, expect, it } from "vitest";
import { I18n } from "../lib/i18n";
import { revisionLabel } from "./history";

describe("revision labels", () => {
  it.each([
    ["id", { kind: "restore", name: "restored from revision 12" }, "Dipulihkan dari revisi 12"],
    ["en", { kind: "restore", name: "restored from revision 3" }, "Restored from revision 3"],
    ["id", { kind: "restore", name: null }, "Dipulihkan"],
    ["id", { kind: "named", name: "Versi redaktur" }, "★ Versi redaktur"],
    ["id", { kind: "before_restore", name: null }, "Sebelum pemulihan"],
    ["en", { kind: "snapshot", name: null }, "Automatic snapshot"],
    // A kind this UI does not know yet still shows something rather than nothing.
    ["en", { kind: "imported", name: null }, "imported"],
  ] as const)("%s %o", (lang, rev, text) => {
    expect(revisionLabel(new I18n(lang), rev as never)).toBe(text);
  });
});
