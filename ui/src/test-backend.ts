// The article commands in memory, in the shapes the Rust shell answers with, for the UI tests
// that drive the whole App through mockIPC. Each test file extends it with the commands of the
// screens it tests.
import type { Article } from "./lib/backend";
import { emptyMeta } from "./lib/meta";

export const byTestId = <T extends HTMLElement = HTMLElement>(id: string, root: ParentNode = document) =>
  root.querySelector<T>(`[data-testid="${id}"]`)!;
export const allByTestId = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

export class ArticleBackend {
  articles = new Map<string, Article>();
  calls: { cmd: string; args: Record<string, unknown> }[] = [];
  failSaves = false;
  private clock = Date.parse("2026-01-01T08:00:00Z");

  handle = (cmd: string, args: unknown): unknown => {
    const a = (args ?? {}) as Record<string, unknown>;
    this.calls.push({ cmd, args: a });
    return this.answer(cmd, a);
  };

  /** Answers one command; a test's own backend answers its commands and passes the rest here. */
  answer(cmd: string, a: Record<string, unknown>): unknown {
    const now = () => new Date((this.clock += 1000)).toISOString();
    switch (cmd) {
      case "list_articles":
        return [...this.articles.values()]
          .sort((x, y) => y.updated_at.localeCompare(x.updated_at))
          .map(({ id, title, updated_at }) => ({ id, title, updated_at }));
      case "create_article": {
        const stamp = now();
        const article: Article = {
          id: `id-${this.articles.size + 1}`,
          title: a.title as string,
          body: a.body as string,
          created_at: stamp,
          updated_at: stamp,
          meta: { ...emptyMeta(), status: "draft" },
        };
        this.articles.set(article.id, article);
        return article;
      }
      case "get_article": {
        const found = this.articles.get(a.id as string);
        if (!found) throw { code: "not_found", message: `no article ${String(a.id)}` };
        return structuredClone(found);
      }
      case "save_article": {
        if (this.failSaves) throw { code: "io", message: "disk full" };
        const article = { ...(a.article as Article), updated_at: now() };
        this.articles.set(article.id, article);
        return article;
      }
      case "delete_article":
        this.articles.delete(a.id as string);
        return null;
      case "render_preview":
        // Marks the text so a test can tell the backend's rendering from the raw Markdown.
        return `<p class="rendered">${String(a.markdown)}</p>`;
      case "plugin:window|destroy":
        return null;
      // The desk's scoring and preview run on every change; their own tests are in desk.test.ts.
      case "analyze_article":
        return { profile: "newsroom", score: 10, band: "bad", keyword: null, checks: [], secondary: [], words: 0, reading_minutes: 0, scored_title: "", issues: [] };
      case "dashboard_rows":
        return [];
      case "set_score":
        return null;
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  }

  count(cmd: string): number {
    return this.calls.filter((c) => c.cmd === cmd).length;
  }

  args(cmd: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.cmd === cmd).map((c) => c.args);
  }
}
