// The only module that talks to Tauri. Everything else in the UI calls these functions, so that
// tests can replace the backend with `mockIPC` and the IPC contract lives in one place.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { openUrl } from "@tauri-apps/plugin-opener";

/** An article as the Rust `redaksi_article::Article` serialises it. */
export interface Article {
  id: string;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
  // Keys the UI does not edit are sent back unchanged on save.
  meta: Meta;
}

/** A row of the article list, newest update first. */
export interface ArticleSummary {
  id: string;
  title: string;
  updated_at: string;
}

/** Article metadata as `redaksi_article::Meta` serialises it (unknown keys pass through). */
export interface Meta {
  seo_title?: string | null;
  slug?: string | null;
  description?: string | null;
  keywords?: { phrase: string; synonyms?: string[] }[];
  lang?: "id" | "en" | null;
  featured_image?: { src: string; alt?: string | null } | null;
  byline?: string | null;
  dateline?: string | null;
  category?: string | null;
  tags?: string[];
  editor_note?: string | null;
  status?: WorkflowStatus;
  embargo?: string | null;
  publish_at?: string | null;
  muted_checks?: { id: string; reason: string }[];
  [key: string]: unknown;
}

export type WorkflowStatus = "draft" | "in_review" | "ready" | "scheduled" | "published";

export type Band = "good" | "ok" | "bad";
export type CheckStatus = "pass" | "warning" | "fail" | "not_applicable" | "muted";

/** One line of the SEO checklist, its hint already in the UI language. */
export interface CheckView {
  id: string;
  group: string;
  status: CheckStatus;
  points: number;
  max: number;
  hint: string;
  /** Byte ranges into the Markdown body; see lib/offsets.ts. */
  marks?: { start: number; end: number }[];
  mute_reason?: string;
}

export interface ReportView {
  profile: string;
  score: number;
  band: Band;
  keyword: string | null;
  checks: CheckView[];
  secondary: { keyword: string; score: number; band: Band }[];
  words: number;
  reading_minutes: number;
  scored_title: string;
  issues: string[];
}

export interface Site {
  url: string;
  name: string;
  title_template: string;
}

export type StoreBand = "low" | "medium" | "high";

export interface DashboardFilter {
  text?: string;
  status?: WorkflowStatus | null;
  tag?: string | null;
  band?: StoreBand | null;
  byline?: string | null;
  category?: string | null;
  /** RFC 3339: last updated at or after. */
  updated_from?: string | null;
  /** RFC 3339: last updated before. */
  updated_to?: string | null;
}

export interface DashboardRow {
  id: string;
  title: string;
  byline: string | null;
  status: WorkflowStatus;
  score: number | null;
  updated_at: string;
  snippet: string | null;
}

export interface StatusChange {
  id: string;
  error: BackendError | null;
}

export interface RevisionInfo {
  id: number;
  article_id: string;
  created_at: string;
  kind: "snapshot" | "save" | "before_restore" | "restore" | "before_publish" | "named";
  name: string | null;
  title: string;
  word_count: number;
}

export interface DiffChunk {
  op: "equal" | "insert" | "delete";
  text: string;
}

export interface RevisionDiff {
  title: DiffChunk[];
  body: DiffChunk[];
  meta_changed: boolean;
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

/** A save's answer: the article as stored (with changes made elsewhere merged in). */
export interface Saved extends Article {
  /** Changes made elsewhere were merged into this save. */
  merged: boolean;
  /** Both sides changed the same text: the revision that keeps the other side's version. */
  kept: number | null;
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

/** A rules file checked before the settings keep it: usable, or where and why not. */
export interface RulesCheck {
  valid: boolean;
  line: number | null;
  column: number | null;
  /** The engine's explanation, in English; empty when valid. */
  message: string;
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

/** A publish request's state in the outbox (crates/store/src/outbox.rs). */
export type OutboxState =
  | "queued"
  | "sending"
  | "sent"
  | "conflict"
  | "needs-auth"
  | "failed"
  | "needs-confirmation";

/** One outbox row, as `list_outbox` and `enqueue_publish` return it. */
export interface OutboxItem {
  id: number;
  article_id: string;
  target: string;
  remote_status: PublishStatus;
  publish_at: string | null;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  remote_id: string | null;
  remote_url: string | null;
  version_token: string | null;
  /** On conflict: the CMS's current version. */
  remote_copy: string | null;
  /** JSON: which SEO fields stuck, terms that could not be created. */
  report: string | null;
  overwrite: boolean;
  confirmed: boolean;
  created_at: string;
  updated_at: string;
}

/** The status the post gets in the CMS. */
export type PublishStatus = "draft" | "pending" | "publish" | "future";

/** A CMS account; its secret stays in the OS keyring. */
export interface PublishTarget {
  name: string;
  kind: "wordpress" | "ghost";
  url: string;
  username: string | null;
}

/** What the app's outbox worker reports, as the `outbox-progress` event. */
export type OutboxProgress =
  | { event: "sending"; id: number; attempt: number }
  | { event: "uploaded"; id: number; done: number; total: number }
  | { event: "retrying"; id: number; at: string; reason: string }
  | { event: "finished"; id: number; state: OutboxState; message: string | null };

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

/** What `preview_payload` shows: the exact text a publish sends (CMS) or writes (file). */
export interface PayloadView {
  kind: "wordpress" | "ghost" | "html" | "md" | "ninjs";
  content: string;
  /** CMS values the site fills in at send time (term ids, uploaded image URLs). */
  pending: string[];
  /** Fields a file format cannot hold. */
  dropped: { field: string; reason: string }[];
}

export type ExportFormat = "html" | "md" | "ninjs";

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

/** Both sides of a conflict; both HTMLs are sanitised by Rust. */
export interface ConflictView {
  id: number;
  target: string;
  local_title: string;
  local_html: string;
  remote_title: string | null;
  remote_html: string;
  remote_modified: string | null;
  remote_url: string | null;
}

export function outboxConflict(id: number): Promise<ConflictView> {
  return call("outbox_conflict", { id });
}

/** Keeps the CMS's version: the local text becomes a new draft called `copyTitle`. */
export function keepRemote(id: number, copyTitle: string): Promise<Article> {
  return call("keep_remote", { id, copyTitle });
}

// --- Data: backups, the store's health, trash, Markdown import and the folder mirror ---

/** A backup of the database, as `list_backups` and `backup_now` return it. */
export interface BackupInfo {
  name: string;
  path: string;
  created_at: string;
  size: number;
}

/** Whether the store opened; when the database is damaged, the backup to offer. */
export interface StoreStatus {
  ok: boolean;
  error: BackendError | null;
  newest_good_backup: BackupInfo | null;
  data_dir: string | null;
}

export interface RestoreResult {
  restored: string;
  /** The database as it was just before, listed with the backups (null when it was unreadable). */
  safety_backup: BackupInfo | null;
  kept_aside: boolean;
}

export interface TrashItem {
  article: ArticleSummary;
  deleted_at: string;
}

export interface ImportResult {
  imported: { path: string; id: string; created: boolean }[];
  failed: { path: string; code: string; line: number | null; message: string }[];
}

export interface Maintenance {
  purged_articles: number;
  pruned_revisions: number;
  backup: BackupInfo | null;
}

export interface SyncCounts {
  imported: number;
  updated: number;
  exported: number;
  trashed: number;
  conflicts: number;
  failed: number;
}

/** The folder mirror, as `mirror_status` returns it and the `mirror-sync` event carries it. */
export interface MirrorStatus {
  folder: string | null;
  running: boolean;
  last_sync: string | null;
  last: SyncCounts;
  error: BackendError | null;
}

/** Both sides changed: the article kept the app's text; the file's text is `copy_file`. */
export interface ConflictNotice {
  id: string;
  copy: string;
  file: string;
  copy_file: string;
}

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

/** What `move_data_folder` answers: the new folder (used from the next start) and the kept old one. */
export interface MoveResult {
  data_dir: string;
  old_data_dir: string;
  files: number;
  webview_skipped: number;
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

/** An image stored once by content hash in the data folder. */
export interface MediaRef {
  hash: string;
  path: string;
  /** The path to use in Markdown: `media/<hash>.<ext>`. */
  markdown_path: string;
  size: number;
}

/** Copies an image file into the data folder for article `id`. */
export function importMedia(id: string, path: string): Promise<MediaRef> {
  return call("import_media", { id, path });
}
