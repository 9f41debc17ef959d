import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { getArticle, saveArticle, type Article } from "./backend";
import { emptyMeta } from "./meta";

afterEach(() => clearMocks());

const loaded: Article = {
  id: "a1",
  title: "Rapat",
  body: "versi awal",
  created_at: "2026-01-01T08:00:00Z",
  updated_at: "2026-01-01T08:00:00Z",
  meta: { ...emptyMeta(), status: "draft" },
};

describe("saves carry their base", () => {
  it("sends the loaded article as the base, and after a merge keeps merging from what it sent", async () => {
    const sent: Record<string, unknown>[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "get_article") return loaded;
      if (cmd !== "save_article") throw new Error(cmd);
      const a = args as { article: Article; base: Article | null };
      sent.push(a);
      // The status changed elsewhere; Rust merged it into the typing.
      return { ...a.article, meta: { ...emptyMeta(), status: "in_review" }, updated_at: "2026-01-01T09:00:00Z", merged: true, kept: null };
    });
    const article = await getArticle("a1");
    const first = { ...article, body: "versi awal, diketik" };
    const saved = await saveArticle(first);
    expect(sent[0].base).toEqual(loaded);
    // The editor's copy lacks the merged status, so it stays based on the older version…
    expect(saved.updated_at).toBe(loaded.updated_at);
    const second = { ...first, body: "versi awal, diketik lagi" };
    await saveArticle(second);
    // …and the next save is merged from the text it sent, which cannot undo the status change.
    expect(sent[1].base).toEqual(first);
  });
});
