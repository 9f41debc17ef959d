// The UI's seams, checked: only the composition root (app.ts) reaches the backend module; the
// views get what they need through their `deps`.
import { describe, expect, it } from "vitest";

const sources = import.meta.glob(["./**/*.ts", "!./**/*.test.ts", "!./test-*.ts"], { query: "?raw", import: "default", eager: true }) as Record<string, string>;

/** The import statements of a module that load lib/backend.ts at run time (not `import type`). */
function backendImports(source: string): string[] {
  return [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+"[./]*(?:lib\/)?backend";/gm)].map((m) => m[0]);
}

describe("the UI's seams", () => {
  it("finds the modules it checks", () => {
    expect(Object.keys(sources)).toEqual(expect.arrayContaining(["./app.ts", "./views/desk.ts", "./views/sidebar.ts", "./lib/backend.ts"]));
  });

  it("no view imports the backend; the composition root does", () => {
    const importers = Object.entries(sources)
      .filter(([, source]) => backendImports(source).length > 0)
      .map(([path]) => path);
    expect(importers.sort()).toEqual(["./app.ts", "./lib/i18n.ts"]);
  });

  it("one element builder: only views/dom.ts creates elements by hand", () => {
    const builders = Object.entries(sources)
      .filter(([, source]) => /document\.createElement\((?!"canvas")/.test(source))
      .map(([path]) => path);
    expect(builders).toEqual(["./views/dom.ts"]);
  });
});
