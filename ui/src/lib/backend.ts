// The only module that talks to Tauri. Everything else in the UI calls these functions, so that
// tests can replace the backend with `mockIPC` and the IPC contract lives in one place.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { openUrl } from "@tauri-apps/plugin-opener";
// The types that cross IPC are generated from the Rust ones (crates/desk/src/bindings.rs).
import type { BackendError as RustError, Article, AuditProgress, AuditRequest, Audited, SiteReport, ArticleSummary, BackupInfo, ConflictNotice, ConflictView, DashboardFilter, DashboardRow, ExportFormat, ImportResult, Maintenance, MediaRef, MirrorStatus, MoveResult, OutboxItem, OutboxProgress, PayloadView, PublishStatus, PublishTarget, ReportView, RestoreResult, RevisionDiff, RevisionInfo, RulesCheck, Saved, Site, StatusChange, StoreStatus, TrashItem, WorkflowStatus } from "./bindings";
export type { Article, ArticleSummary, AuditProgress, AuditRequest, Audited, SitePost, SiteReport, BackupInfo, Band, CheckStatus, CheckView, ConflictNotice, ConflictView, DashboardFilter, DashboardRow, DiffChunk, ExportFormat, ImportResult, Maintenance, MediaRef, Meta, MirrorStatus, MoveResult, OutboxItem, OutboxProgress, OutboxState, PayloadView, PublishStatus, PublishTarget, ReportView, RestoreResult, RevisionDiff, RevisionInfo, RulesCheck, Saved, Site, StatusChange, StoreStatus, SyncCounts, TrashItem, WorkflowStatus } from "./bindings";

/**
 * The one error shape the UI handles: a Rust error (its `Code`), or `ipc` when the call never
 * reached Rust.
 */
export type BackendError = Omit<RustError, "code"> & { code: RustError["code"] | "ipc" };

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

/**
 * What each open article's editor holds, by id: the base its next save is merged from. A save
 * sends it along, so a change made elsewhere meanwhile (the folder mirror, a bulk status change,
 * the CLI) is merged in by Rust (crates/desk/src/editing.rs) instead of being overwritten.
 */
const known = new Map<string, Article>();

function remember<T extends Article>(article: T): T {
  known.set(article.id, structuredClone(article));
  return article;
}

/**
 * After a merged save the editor still shows its own text without the other side's changes.
 * Its copy stays based on the older version, so every later save is merged again (from what
 * it sent) until the article is opened anew, and nothing made elsewhere is undone.
 */
function afterSave(sent: Article, saved: Saved): Saved {
  if (!saved.merged) return remember(saved);
  known.set(sent.id, structuredClone(sent));
  return { ...saved, updated_at: sent.updated_at };
}

export async function createArticle(title: string, body: string): Promise<Article> {
  return remember(await call<Article>("create_article", { title, body }));
}

export function listArticles(): Promise<ArticleSummary[]> {
  return call("list_articles");
}

export async function getArticle(id: string): Promise<Article> {
  return remember(await call<Article>("get_article", { id }));
}

export async function saveArticle(article: Article): Promise<Saved> {
  const base = known.get(article.id) ?? null;
  return afterSave(article, await call<Saved>("save_article", { article, base }));
}

export function deleteArticle(id: string): Promise<void> {
  return call("delete_article", { id });
}

export function renderPreview(markdown: string): Promise<string> {
  return call("render_preview", { markdown });
}

/** Opens a link of the preview in the system browser (the capability allows http(s) only). */
export function openInBrowser(url: string): Promise<void> {
  return openUrl(url);
}

/** `rules`: the path of a newsroom rules file to score with (newsroom profile), or null. */
export function analyzeArticle(
  article: Article,
  profile: string,
  lang: string,
  site: Site,
  rules: string | null = null,
): Promise<ReportView> {
  return call("analyze_article", { article, profile, lang, site, rules });
}

export function checkRulesFile(path: string): Promise<RulesCheck> {
  return call("check_rules_file", { path });
}

/** Keeps the last score for the dashboard's filters and sorts (not an edit). */
export function recordScore(id: string, score: number | null): Promise<void> {
  return call("set_score", { id, score });
}

export function dashboardRows(filter: DashboardFilter): Promise<DashboardRow[]> {
  return call("dashboard_rows", { filter });
}

export function setStatus(ids: string[], status: WorkflowStatus): Promise<StatusChange[]> {
  return call("set_status", { ids, status });
}

/** Saves and always leaves a revision (Ctrl/Cmd+S). */
export async function saveRevision(article: Article): Promise<Saved> {
  const base = known.get(article.id) ?? null;
  return afterSave(article, await call<Saved>("save_article_as", { article, base, reason: { kind: "explicit" } }));
}

export function listRevisions(id: string): Promise<RevisionInfo[]> {
  return call("list_revisions", { id });
}

/** `null` stands for the article as it is now. */
export function diffRevisions(id: string, from: number | null, to: number | null): Promise<RevisionDiff> {
  return call("diff_revisions", { id, from, to });
}

export async function restoreRevision(id: string, rev: number): Promise<Article> {
  return remember(await call<Article>("restore_revision", { id, revision: rev }));
}

export function nameVersion(id: string, name: string): Promise<RevisionInfo> {
  return call("name_version", { id, name });
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

/** Queues a publish; the worker sends it when it can. `publishAt` (RFC 3339) is needed for "future". */
export function enqueuePublish(
  articleId: string,
  target: string,
  status: PublishStatus,
  publishAt: string | null = null,
): Promise<OutboxItem> {
  return call("enqueue_publish", { articleId, target, status, publishAt });
}

export function listOutbox(): Promise<OutboxItem[]> {
  return call("list_outbox");
}

/** Sends a stopped row again: `overwrite` answers a conflict, `confirm` a passed schedule. */
export function retryOutbox(id: number, overwrite = false, confirm = false): Promise<OutboxItem> {
  return call("retry_outbox", { id, overwrite, confirm });
}

export function listTargets(): Promise<PublishTarget[]> {
  return call("list_targets");
}

/** Adds or changes a CMS account; the secret goes to the OS keyring, never to the database. */
export function saveTarget(target: PublishTarget, secret: string): Promise<PublishTarget> {
  return call("save_target", { ...target, secret });
}

export function removeTarget(name: string): Promise<void> {
  return call("remove_target", { name });
}

/** Calls `handler` with each event of the app's outbox worker; resolves to the unsubscribe. */
export function onOutboxProgress(handler: (progress: OutboxProgress) => void): Promise<() => void> {
  return listen<OutboxProgress>("outbox-progress", (event) => handler(event.payload));
}

/** Audits a WordPress account's site (and writes scores back when asked); see `onSiteProgress`. */
export function siteAudit(target: string, request: AuditRequest): Promise<Audited> {
  return call("site_audit", { target, request });
}

/** The last audit's report from the ledger, or `null` when the site was never audited. */
export function siteReport(target: string): Promise<SiteReport | null> {
  return call("site_report", { target });
}

/** Calls `handler` with each step of a running site audit; resolves to the unsubscribe. */
export function onSiteProgress(handler: (progress: AuditProgress) => void): Promise<() => void> {
  return listen<AuditProgress>("site-audit-progress", (event) => handler(event.payload));
}

/** Where a publish goes: a configured CMS account or a file format. */
export type Destination = { target: string } | { format: ExportFormat };

/** Builds the payload the way the publisher does, from the stored article (save first). */
export function previewPayload(
  articleId: string,
  destination: Destination,
  status: PublishStatus,
  publishAt: string | null = null,
): Promise<PayloadView> {
  return call("preview_payload", { articleId, ...destination, status, publishAt });
}

/** Writes the article into `folder` (or the data folder's `exports`); resolves to the file's path. */
export function exportArticle(
  articleId: string,
  format: ExportFormat,
  folder: string | null,
): Promise<{ path: string; dropped: PayloadView["dropped"] }> {
  return call("export_article", { articleId, format, folder });
}

export function outboxConflict(id: number): Promise<ConflictView> {
  return call("outbox_conflict", { id });
}

/** Keeps the CMS's version: the local text becomes a new draft called `copyTitle`. */
export function keepRemote(id: number, copyTitle: string): Promise<Article> {
  return call("keep_remote", { id, copyTitle });
}

// --- Data: backups, the store's health, trash, Markdown import and the folder mirror ---

export function storeStatus(): Promise<StoreStatus> {
  return call("store_status");
}

export function backupNow(): Promise<BackupInfo> {
  return call("backup_now");
}

export function listBackups(): Promise<BackupInfo[]> {
  return call("list_backups");
}

/** Replaces the database with a backup (after a safety backup); reload the UI afterwards. */
export function restoreBackup(name: string): Promise<RestoreResult> {
  return call("restore_backup", { name });
}

/** Copies the data folder to `folder` and points the next start there; the store is closed
 * afterwards, so call `restartApp` next. Flush unsaved text first. */
export function moveDataFolder(folder: string): Promise<MoveResult> {
  return call("move_data_folder", { folder });
}

/** Restarts Redaksi (on the moved data folder). */
export function restartApp(): Promise<void> {
  return call("restart_app");
}

export function listTrash(): Promise<TrashItem[]> {
  return call("list_trash");
}

export function restoreFromTrash(id: string): Promise<void> {
  return call("restore_from_trash", { id });
}

/** Imports `.md` files or whole folders; each file is all or nothing. */
export function importMarkdown(paths: string[]): Promise<ImportResult> {
  return call("import_markdown", { paths });
}

/** Purges the trash's expired articles, prunes old revisions, takes the daily backup if due. */
export function runMaintenance(): Promise<Maintenance> {
  return call("run_maintenance");
}

export function mirrorStatus(): Promise<MirrorStatus> {
  return call("mirror_status");
}

export function startMirror(folder: string): Promise<MirrorStatus> {
  return call("start_mirror", { folder });
}

export function stopMirror(): Promise<MirrorStatus> {
  return call("stop_mirror");
}

export function onMirrorSync(handler: (status: MirrorStatus) => void): Promise<() => void> {
  return listen<MirrorStatus>("mirror-sync", (event) => handler(event.payload));
}

export function onMirrorConflict(handler: (conflict: ConflictNotice) => void): Promise<() => void> {
  return listen<ConflictNotice>("mirror-conflict", (event) => handler(event.payload));
}

/** Copies an image file into the data folder for article `id`. */
export function importMedia(id: string, path: string): Promise<MediaRef> {
  return call("import_media", { id, path });
}
