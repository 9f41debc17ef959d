// The only module that talks to Tauri. Everything else in the UI calls these functions, so that
// tests can replace the backend with `mockIPC` and the IPC contract lives in one place.
import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";

/** An article as the Rust `redaksi_article::Article` serialises it. */
export interface Article {
  id: string;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
  // Metadata the foundation UI does not edit; it is sent back unchanged on save.
  meta: Record<string, unknown>;
}

/** A row of the article list, newest update first. */
export interface ArticleSummary {
  id: string;
  title: string;
  updated_at: string;
}

/** The one error shape that crosses IPC: a stable code the UI switches on, and a detail text. */
export interface BackendError {
  code: string;
  message: string;
}

export function isBackendError(value: unknown): value is BackendError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as BackendError).code === "string" &&
    typeof (value as BackendError).message === "string"
  );
}

/** Turns whatever a rejected invoke gave us into the one error shape. */
export function toBackendError(value: unknown): BackendError {
  if (isBackendError(value)) return value;
  return { code: "ipc", message: value instanceof Error ? value.message : String(value) };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (error) {
    throw toBackendError(error);
  }
}

export function createArticle(title: string, body: string): Promise<Article> {
  return call("create_article", { title, body });
}

export function listArticles(): Promise<ArticleSummary[]> {
  return call("list_articles");
}

export function getArticle(id: string): Promise<Article> {
  return call("get_article", { id });
}

export function saveArticle(article: Article): Promise<Article> {
  return call("save_article", { article });
}

export function deleteArticle(id: string): Promise<void> {
  return call("delete_article", { id });
}

export function renderPreview(markdown: string): Promise<string> {
  return call("render_preview", { markdown });
}

/**
 * Runs `beforeClose` when the user closes the window. The window closes when it resolves to
 * true; false keeps it open (the caller shows why).
 */
export async function onWindowClose(beforeClose: () => Promise<boolean>): Promise<void> {
  await getCurrentWindow().onCloseRequested(async (event) => {
    if (!(await beforeClose())) event.preventDefault();
  });
}
