// Rich text pasted from a browser becomes Markdown: paragraphs stay paragraphs, links stay
// links, headings, lists, quotes and emphasis survive; scripts, styles and layout do not.

const BLOCKS = new Set(["P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "FIGURE", "TABLE", "TR"]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "NAV", "BUTTON", "SVG", "HEAD"]);
const SAFE_URL = /^(https?:|mailto:)/i;

function escapeText(text: string): string {
  // Characters that would start Markdown syntax in the middle of a paragraph.
  return text.replace(/([\\`*_[\]])/g, "\\$1");
}

function inline(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return escapeText((node.textContent ?? "").replace(/\s+/g, " "));
  if (!(node instanceof Element) || SKIP.has(node.tagName.toUpperCase())) return "";
  const tag = node.tagName.toUpperCase();
  const inner = () => Array.from(node.childNodes, inline).join("");
  switch (tag) {
    case "BR":
      return "  \n";
    case "A": {
      const href = node.getAttribute("href") ?? "";
      const text = inner().trim();
      if (!text) return "";
      return SAFE_URL.test(href) ? `[${text}](${href.replace(/[()\s]/g, encodeURIComponent)})` : text;
    }
    case "STRONG":
    case "B": {
      const text = inner().trim();
      return text ? `**${text}**` : "";
    }
    case "EM":
    case "I": {
      const text = inner().trim();
      return text ? `_${text}_` : "";
    }
    case "CODE":
      return `\`${node.textContent ?? ""}\``;
    case "IMG": {
      const src = node.getAttribute("src") ?? "";
      return SAFE_URL.test(src) ? `![${node.getAttribute("alt") ?? ""}](${src})` : "";
    }
    default:
      return inner();
  }
}

function blocks(node: Node, out: string[]): void {
  if (!(node instanceof Element)) {
    const text = inline(node).trim();
    if (text) out.push(text);
    return;
  }
  const tag = node.tagName.toUpperCase();
  if (SKIP.has(tag)) return;
  const heading = /^H([1-6])$/.exec(tag);
  if (heading) {
    const text = inline(node).trim();
    if (text) out.push(`${"#".repeat(Number(heading[1]))} ${text}`);
    return;
  }
  if (tag === "UL" || tag === "OL") {
    const items = Array.from(node.children)
      .filter((child) => child.tagName.toUpperCase() === "LI")
      .map((li, i) => `${tag === "OL" ? `${i + 1}.` : "-"} ${inline(li).trim()}`);
    if (items.length) out.push(items.join("\n"));
    return;
  }
  if (tag === "BLOCKQUOTE") {
    const inner: string[] = [];
    for (const child of Array.from(node.childNodes)) blocks(child, inner);
    if (inner.length) out.push(inner.map((b) => b.replace(/^/gm, "> ")).join("\n>\n"));
    return;
  }
  if (tag === "HR") {
    out.push("---");
    return;
  }
  const hasBlockChild = Array.from(node.children).some(
    (child) => BLOCKS.has(child.tagName.toUpperCase()) || /^(H[1-6]|UL|OL|BLOCKQUOTE|HR)$/.test(child.tagName.toUpperCase()),
  );
  if (!hasBlockChild) {
    const text = inline(node).trim();
    if (text) out.push(text);
    return;
  }
  // Mixed content: inline runs between block children form their own paragraphs.
  let run = "";
  const flush = () => {
    if (run.trim()) out.push(run.trim());
    run = "";
  };
  for (const child of Array.from(node.childNodes)) {
    if (child instanceof Element && (BLOCKS.has(child.tagName.toUpperCase()) || /^(H[1-6]|UL|OL|BLOCKQUOTE|HR)$/.test(child.tagName.toUpperCase()))) {
      flush();
      blocks(child, out);
    } else {
      run += inline(child);
    }
  }
  flush();
}

/** Markdown for an HTML clipboard fragment: blocks separated by blank lines. */
export function htmlToMarkdown(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const out: string[] = [];
  blocks(doc.body, out);
  return out.join("\n\n");
}

/** Plain text as Markdown paragraphs: lines separated by blank lines stay paragraphs. */
export function plainToMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .join("\n\n");
}
