// WCAG AA contrast of both palettes, read from styles.css itself (not a copy of its values):
// 4.5:1 for text, 3:1 for large text and for what identifies a control (outlines, focus rings,
// the badge's border). The pairs are the ones the stylesheet puts together.
import { describe, expect, it } from "vitest";
import { applyTheme } from "./lib/settings";
// The stylesheet's text as Vite reads it from disk.
import css from "./styles.css?raw";

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function palette(selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?:^|\\n)${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  if (!match) throw new Error(`styles.css has no rule for ${selector}`);
  const vars: Record<string, string> = {};
  for (const [, name, value] of match[1]!.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)) vars[name!] = value!;
  return vars;
}

const light = palette(":root");
// The dark palette overrides the light one; anything it leaves out is inherited.
const dark = { ...light, ...palette(':root[data-scheme="dark"]') };

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TEXT = 4.5;
const LARGE_OR_UI = 3;
const BACKGROUNDS = ["bg", "bg-side", "bg-hover", "bg-active"];

/** [foreground, background, minimum, where] */
const PAIRS: [string, string, number, string][] = [
  ...BACKGROUNDS.flatMap((bg): [string, string, number, string][] => [
    ["fg", bg, TEXT, "body text, list items, rows"],
    ["fg-muted", bg, TEXT, "hints, dates, group titles, counts"],
    ["ok", bg, TEXT, "pass icons, green badge and band"],
    ["warn", bg, TEXT, "warning icons, orange badge and band"],
    ["danger", bg, TEXT, "fail icons, delete button, red badge"],
    ["focus", bg, TEXT, "link buttons and preview links"],
    ["focus", bg, LARGE_OR_UI, "focus ring, pressed check outline, active row edge"],
    ["control-border", bg, LARGE_OR_UI, "outline of inputs, selects and buttons"],
  ]),
  ["accent", "bg", TEXT, "chip tags, named versions"],
  ["accent", "bg-side", LARGE_OR_UI, "the brand heading (large, bold)"],
  ["accent-fg", "accent", TEXT, "primary button"],
  ["accent", "bg-side", LARGE_OR_UI, "primary button against the sidebar"],
  ["fg", "mark-bg", TEXT, "text under a check's highlight"],
  ["fg", "ins-bg", TEXT, "inserted words in a diff"],
  ["fg", "del-bg", TEXT, "deleted words in a diff"],
];

describe.each([
  ["light", light],
  ["dark", dark],
] as const)("WCAG AA contrast, %s theme", (_theme, colours) => {
  it.each(PAIRS)("%s on %s ≥ %s (%s)", (fg, bg, min) => {
    const a = colours[fg];
    const b = colours[bg];
    if (!a || !b) throw new Error(`styles.css does not define --${a ? bg : fg}`);
    expect(contrast(a, b)).toBeGreaterThanOrEqual(min);
  });
});

describe("the palettes", () => {
  it("the dark palette is written once, and only data-scheme selects it", () => {
    expect(css.match(/--bg:\s*#1b1a19/g)).toHaveLength(1);
    expect(css).not.toMatch(/prefers-color-scheme/);
    expect(css).not.toMatch(/data-theme/);
    // Every colour of the light palette has its dark counterpart.
    expect(Object.keys(palette(':root[data-scheme="dark"]')).sort()).toEqual(Object.keys(light).sort());
  });

  it("the contrast formula matches WCAG's reference values", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it.each([
    ["system", false, undefined, "light"],
    ["system", true, undefined, "dark"],
    ["light", true, "light", "light"],
    ["dark", false, "dark", "dark"],
  ] as const)("theme %s with the OS dark=%s: data-theme %s, palette %s", (theme, osDark, chosen, scheme) => {
    const root = document.createElement("html");
    applyTheme(theme, root, osDark);
    expect(root.dataset.theme).toBe(chosen);
    expect(root.dataset.scheme).toBe(scheme);
  });
});
