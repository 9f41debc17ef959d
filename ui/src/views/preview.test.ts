import { describe, expect, it, vi } from "vitest";
import { PreviewPane, browserUrl } from "./preview";

function mount(html: string) {
  const openInBrowser = vi.fn(async (_url: string) => undefined);
  const pane = new PreviewPane({ renderPreview: async () => html, openInBrowser });
  pane.root.innerHTML = html;
  pane.show(true);
  document.body.replaceChildren(pane.root);
  return { pane, openInBrowser };
}

/** Clicks like a user does; returns whether the webview would have followed the link. */
function click(target: Element, init: MouseEventInit = {}): boolean {
  return target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ...init }));
}

describe("links in the preview", () => {
  it("open in the system browser and never navigate the window", () => {
    const { pane, openInBrowser } = mount('<p>Lihat <a href="https://example.com/berita?id=1"><em>situs</em></a>.</p>');
    // A click on the link's inner text is a click on the link.
    const followed = click(pane.root.querySelector("em")!);
    expect(followed).toBe(false);
    expect(openInBrowser).toHaveBeenCalledExactlyOnceWith("https://example.com/berita?id=1");
  });

  it("a middle click does not open a second window either", () => {
    const { pane, openInBrowser } = mount('<a href="http://example.com/">x</a>');
    const link = pane.root.querySelector("a")!;
    const followed = link.dispatchEvent(new MouseEvent("auxclick", { bubbles: true, cancelable: true, button: 1 }));
    expect(followed).toBe(false);
    expect(openInBrowser).toHaveBeenCalledWith("http://example.com/");
  });

  it.each([
    ["a local file", "file:///etc/passwd"],
    ["a script", "javascript:alert(1)"],
    ["a relative path", "lain.html"],
    ["an anchor", "#bagian"],
    ["mail", "mailto:redaksi@example.com"],
  ])("%s is neither followed nor opened", (_what, href) => {
    const { pane, openInBrowser } = mount(`<a href="${href}">x</a>`);
    expect(click(pane.root.querySelector("a")!)).toBe(false);
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it("clicks elsewhere in the preview are left alone", () => {
    const { pane, openInBrowser } = mount("<p>Teks biasa</p>");
    expect(click(pane.root.querySelector("p")!)).toBe(true);
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it("a browser that cannot be opened loses nothing and raises nothing", async () => {
    const openInBrowser = vi.fn(async () => {
      throw { code: "ipc", message: "not allowed" };
    });
    const pane = new PreviewPane({ renderPreview: async () => "", openInBrowser });
    pane.root.innerHTML = '<a href="https://example.com/">x</a>';
    document.body.replaceChildren(pane.root);
    expect(click(pane.root.querySelector("a")!)).toBe(false);
    await vi.waitFor(() => expect(openInBrowser).toHaveBeenCalled());
  });

  it.each([
    ["https://example.com/a b", "https://example.com/a%20b"],
    ["HTTP://Example.com", "http://example.com/"],
    ["ftp://example.com/", undefined],
    ["//example.com/", undefined],
    [null, undefined],
  ])("browserUrl(%j) is %j", (href, url) => {
    expect(browserUrl(href)).toBe(url);
  });
});
