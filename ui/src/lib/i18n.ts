// UI text in Indonesian and English. The OS locale picks the language unless the reporter chose
// one in the settings; every string lives in this table so a screen never mixes languages.

export type Lang = "id" | "en";

export const LANGS: readonly Lang[] = ["id", "en"];

const STRINGS = {
  appName: { id: "Redaksi", en: "Redaksi" },
  articles: { id: "Artikel", en: "Articles" },
  newArticle: { id: "Artikel baru", en: "New article" },
  untitled: { id: "Tanpa judul", en: "Untitled" },
  emptyList: { id: "Belum ada artikel.", en: "No articles yet." },
  noSelection: {
    id: "Pilih artikel di kiri atau buat artikel baru.",
    en: "Pick an article on the left or create a new one.",
  },
  titleLabel: { id: "Judul", en: "Title" },
  titlePlaceholder: { id: "Judul artikel", en: "Article title" },
  editorLabel: { id: "Isi artikel (Markdown)", en: "Article body (Markdown)" },
  bodyPlaceholder: { id: "Tulis beritanya di sini…", en: "Write the story here…" },
  deleteArticle: { id: "Hapus", en: "Delete" },
  confirmDelete: {
    id: "Hapus artikel ini? Tindakan ini tidak bisa dibatalkan.",
    en: "Delete this article? This cannot be undone.",
  },
  saved: { id: "Tersimpan", en: "Saved" },
  dirty: { id: "Belum disimpan", en: "Unsaved changes" },
  saving: { id: "Menyimpan…", en: "Saving…" },
  saveError: { id: "Gagal menyimpan", en: "Save failed" },
  loadError: { id: "Gagal memuat", en: "Could not load" },
  closeBlocked: {
    id: "Jendela tidak ditutup karena teks belum tersimpan. Tutup sekali lagi untuk tetap keluar.",
    en: "The window stayed open because the text is not saved. Close again to quit anyway.",
  },
  language: { id: "Bahasa", en: "Language" },
  languageAuto: { id: "Ikuti sistem", en: "Follow the system" },
  langName_id: { id: "Bahasa Indonesia", en: "Indonesian" },
  langName_en: { id: "Bahasa Inggris", en: "English" },

  // Navigation and toolbar
  viewWrite: { id: "Tulis", en: "Write" },
  viewDashboard: { id: "Dasbor", en: "Dashboard" },
  settings: { id: "Pengaturan", en: "Settings" },
  shortcuts: { id: "Pintasan keyboard", en: "Keyboard shortcuts" },
  undo: { id: "Urungkan", en: "Undo" },
  redo: { id: "Ulangi", en: "Redo" },
  find: { id: "Cari & ganti", en: "Find & replace" },
  focusMode: { id: "Mode fokus", en: "Focus mode" },
  preview: { id: "Pratinjau", en: "Preview" },
  previewLabel: { id: "Pratinjau artikel", en: "Article preview" },
  history: { id: "Riwayat", en: "History" },
  close: { id: "Tutup", en: "Close" },
  counts: { id: "{words} kata · {chars} karakter · {minutes} menit baca", en: "{words} words · {chars} characters · {minutes} min read" },
  // SEO panel
  tabSeo: { id: "SEO", en: "SEO" },
  tabMeta: { id: "Metadata", en: "Metadata" },
  scoreLabel: { id: "Skor SEO", en: "SEO score" },
  scoreNone: { id: "Skor SEO belum dihitung", en: "SEO score not computed yet" },
  profile: { id: "Profil penilaian", en: "Scoring profile" },
  profile_rankmath: { id: "Rank Math", en: "Rank Math" },
  profile_newsroom: { id: "Redaksi (newsroom)", en: "Newsroom" },
  keywords: { id: "Kata kunci fokus", en: "Focus keywords" },
  keywordPlaceholder: { id: "Ketik kata kunci, lalu Enter", en: "Type a keyword, then Enter" },
  keywordPrimary: { id: "utama", en: "primary" },
  keywordLimit: { id: "Paling banyak 5 kata kunci.", en: "At most 5 keywords." },
  removeKeyword: { id: "Hapus kata kunci {k}", en: "Remove keyword {k}" },
  synonyms: { id: "Sinonim (pisahkan dengan koma)", en: "Synonyms (comma-separated)" },
  secondaryScores: { id: "Skor kata kunci sekunder", en: "Secondary keyword scores" },
  group_basic_seo: { id: "SEO Dasar", en: "Basic SEO" },
  group_additional: { id: "Tambahan", en: "Additional" },
  group_title_readability: { id: "Keterbacaan Judul", en: "Title Readability" },
  group_content_readability: { id: "Keterbacaan Konten", en: "Content Readability" },
  group_language: { id: "Bahasa", en: "Language" },
  group_news: { id: "Berita", en: "News" },
  status_pass: { id: "Lulus", en: "Pass" },
  status_warning: { id: "Peringatan", en: "Warning" },
  status_fail: { id: "Gagal", en: "Fail" },
  status_not_applicable: { id: "Tidak berlaku", en: "Not applicable" },
  status_muted: { id: "Dibisukan", en: "Muted" },
  points: { id: "{p}/{max} poin", en: "{p}/{max} points" },
  noChecks: { id: "Belum ada pemeriksaan untuk ditampilkan.", en: "No checks to show yet." },
  mute: { id: "Bisukan", en: "Mute" },
  unmute: { id: "Aktifkan lagi", en: "Unmute" },
  muteReason: { id: "Alasan membisukan", en: "Reason for muting" },
  muteConfirm: { id: "Bisukan pemeriksaan", en: "Mute check" },
  mutedBecause: { id: "Dibisukan: {reason}", en: "Muted: {reason}" },
  scoreError: { id: "Penilaian gagal", en: "Scoring failed" },
  // Metadata panel
  seoTitle: { id: "Judul SEO", en: "SEO title" },
  slug: { id: "Slug", en: "Slug" },
  slugFromTitle: { id: "Buat dari judul", en: "From the title" },
  description: { id: "Deskripsi meta", en: "Meta description" },
  chars: { id: "{n} karakter", en: "{n} characters" },
  pixels: { id: "{n} / {max} piksel", en: "{n} / {max} pixels" },
  articleLang: { id: "Bahasa artikel", en: "Article language" },
  byline: { id: "Penulis", en: "Byline" },
  dateline: { id: "Dateline", en: "Dateline" },
  category: { id: "Kategori", en: "Category" },
  tags: { id: "Tag (pisahkan dengan koma)", en: "Tags (comma-separated)" },
  featuredImage: { id: "Gambar utama (URL)", en: "Featured image (URL)" },
  featuredAlt: { id: "Teks alternatif gambar", en: "Image alt text" },
  status: { id: "Status", en: "Status" },
  embargo: { id: "Embargo sampai", en: "Embargo until" },
  publishAt: { id: "Terbit pada", en: "Publish at" },
  editorNote: { id: "Catatan redaktur (tidak diekspor)", en: "Editor's note (never exported)" },
  wf_draft: { id: "Draf", en: "Draft" },
  wf_in_review: { id: "Ditinjau", en: "In review" },
  wf_ready: { id: "Siap", en: "Ready" },
  wf_scheduled: { id: "Terjadwal", en: "Scheduled" },
  wf_published: { id: "Terbit", en: "Published" },
  serp: { id: "Pratinjau hasil pencarian", en: "Search result preview" },
  serpDesktop: { id: "Desktop", en: "Desktop" },
  serpMobile: { id: "Ponsel", en: "Mobile" },
  // Dashboard
  searchArticles: { id: "Cari artikel", en: "Search articles" },
  searchPlaceholder: { id: "Cari judul, isi, tag, penulis…", en: "Search titles, text, tags, bylines…" },
  filterBand: { id: "Skor", en: "Score" },
  filterStatus: { id: "Status", en: "Status" },
  filterTag: { id: "Tag", en: "Tag" },
  filterByline: { id: "Penulis", en: "Byline" },
  any: { id: "Semua", en: "Any" },
  band_high: { id: "Bagus (> 80)", en: "Good (> 80)" },
  band_medium: { id: "Cukup (51–80)", en: "Fair (51–80)" },
  band_low: { id: "Kurang (≤ 50)", en: "Poor (≤ 50)" },
  colTitle: { id: "Judul", en: "Headline" },
  colByline: { id: "Penulis", en: "Byline" },
  colStatus: { id: "Status", en: "Status" },
  colScore: { id: "Skor", en: "Score" },
  colBand: { id: "Pita", en: "Band" },
  colUpdated: { id: "Diperbarui", en: "Updated" },
  rowsCount: { id: "{n} artikel", en: "{n} articles" },
  selectedCount: { id: "{n} dipilih", en: "{n} selected" },
  bulkStatus: { id: "Ubah status yang dipilih", en: "Change status of selected" },
  bulkApply: { id: "Terapkan", en: "Apply" },
  bulkResult: { id: "{ok} diubah, {failed} tidak sesuai alur kerja", en: "{ok} changed, {failed} not allowed by the workflow" },
  selectRow: { id: "Pilih {t}", en: "Select {t}" },
  noScore: { id: "—", en: "—" },
  // History
  historyTitle: { id: "Riwayat versi", en: "Version history" },
  current: { id: "Versi sekarang", en: "Current version" },
  kind_snapshot: { id: "Cuplikan otomatis", en: "Automatic snapshot" },
  kind_save: { id: "Disimpan", en: "Saved" },
  kind_before_restore: { id: "Sebelum pemulihan", en: "Before restore" },
  kind_restore: { id: "Dipulihkan", en: "Restored" },
  kind_before_publish: { id: "Sebelum terbit", en: "Before publishing" },
  kind_named: { id: "Versi bernama", en: "Named version" },
  compare: { id: "Bandingkan dengan versi sekarang", en: "Compare with the current version" },
  restore: { id: "Pulihkan versi ini", en: "Restore this version" },
  confirmRestore: {
    id: "Pulihkan versi ini? Teks sekarang tetap disimpan di riwayat.",
    en: "Restore this version? The current text stays in the history.",
  },
  confirm: { id: "Ya, pulihkan", en: "Yes, restore" },
  cancel: { id: "Batal", en: "Cancel" },
  nameVersion: { id: "Beri nama versi ini", en: "Name this version" },
  versionName: { id: "Nama versi", en: "Version name" },
  saveName: { id: "Simpan nama", en: "Save name" },
  noRevisions: { id: "Belum ada riwayat.", en: "No history yet." },
  metaChanged: { id: "Metadata juga berubah.", en: "Metadata changed too." },
  restored: { id: "Versi dipulihkan.", en: "Version restored." },
  // Settings
  settingsTitle: { id: "Pengaturan", en: "Settings" },
  siteUrl: { id: "URL situs", en: "Site URL" },
  siteName: { id: "Nama situs", en: "Site name" },
  titleTemplate: { id: "Templat judul SEO", en: "SEO title template" },
  titleTemplateHint: { id: "WordPress: %title% - %sitename%", en: "WordPress: %title% - %sitename%" },
  theme: { id: "Tema", en: "Theme" },
  theme_system: { id: "Ikuti sistem", en: "Follow the system" },
  theme_light: { id: "Terang", en: "Light" },
  theme_dark: { id: "Gelap", en: "Dark" },
  // Shortcuts
  kbNew: { id: "Artikel baru", en: "New article" },
  kbSave: { id: "Simpan sekarang", en: "Save now" },
  kbFind: { id: "Cari & ganti di teks", en: "Find & replace in the text" },
  kbSearch: { id: "Cari artikel (dasbor)", en: "Search articles (dashboard)" },
  kbPublish: { id: "Terbitkan", en: "Publish" },
  kbPanes: { id: "Fokus ke daftar / editor / panel", en: "Focus the list / editor / panel" },
  kbHelp: { id: "Tampilkan bantuan ini", en: "Show this help" },
  kbUndo: { id: "Urungkan / ulangi", en: "Undo / redo" },

  // --- Publishing: the publish dialog, the outbox, conflicts and CMS accounts (outboxui) ---
  publish: { id: "Terbitkan", en: "Publish" },
  publishTitle: { id: "Terbitkan artikel", en: "Publish the article" },
  publishDestination: { id: "Tujuan", en: "Destination" },
  publishGroupCms: { id: "Akun CMS", en: "CMS accounts" },
  publishGroupFile: { id: "Berkas", en: "File" },
  publishNoAccounts: {
    id: "Belum ada akun CMS. Tambahkan di Pengaturan, atau ekspor ke berkas.",
    en: "No CMS account yet. Add one in Settings, or export to a file.",
  },
  format_html: { id: "HTML (halaman utuh)", en: "HTML (standalone page)" },
  format_md: { id: "Markdown dengan front matter", en: "Markdown with front matter" },
  format_ninjs: { id: "IPTC ninjs 2.2 (JSON)", en: "IPTC ninjs 2.2 (JSON)" },
  publishStatus: { id: "Status di CMS", en: "Status in the CMS" },
  remoteStatus_draft: { id: "Draf", en: "Draft" },
  remoteStatus_pending: { id: "Menunggu tinjauan", en: "Pending review" },
  remoteStatus_publish: { id: "Terbit", en: "Published" },
  remoteStatus_future: { id: "Terjadwal", en: "Scheduled" },
  publishSchedule: { id: "Jadwalkan", en: "Schedule" },
  publishAtMissing: { id: "Pilih tanggal dan jam terbit.", en: "Choose the date and time to publish." },
  publishAtPast: { id: "Waktu terbit sudah lewat.", en: "The publish time has already passed." },
  publishPreview: { id: "Pratinjau muatan (persis yang dikirim)", en: "Payload preview (exactly what is sent)" },
  publishPending: { id: "Diisi situs saat dikirim:", en: "Filled in by the site when sent:" },
  publishDropped: { id: "Tidak muat di format ini:", en: "Not held by this format:" },
  publishNow: { id: "Terbitkan sekarang", en: "Publish now" },
  publishScheduleButton: { id: "Jadwalkan", en: "Schedule" },
  exportButton: { id: "Ekspor ke berkas", en: "Export to file" },
  publishQueued: { id: "Masuk kotak keluar; dikirim saat jaringan tersedia.", en: "In the outbox; sent when the network allows." },
  exported: { id: "Tersimpan di {path}", en: "Saved to {path}" },
  publishError: { id: "Gagal menerbitkan", en: "Could not publish" },
  previewError: { id: "Pratinjau gagal", en: "The preview failed" },
  noArticle: { id: "Buka atau buat artikel dulu.", en: "Open or create an article first." },
  outbox: { id: "Kotak keluar", en: "Outbox" },
  outboxEmpty: { id: "Kotak keluar kosong.", en: "The outbox is empty." },
  outboxState_queued: { id: "Antre", en: "Queued" },
  outboxState_sending: { id: "Mengirim", en: "Sending" },
  outboxState_sent: { id: "Terkirim", en: "Sent" },
  outboxState_conflict: { id: "Konflik", en: "Conflict" },
  "outboxState_needs-auth": { id: "Perlu login ulang", en: "Needs sign-in" },
  outboxState_failed: { id: "Gagal", en: "Failed" },
  "outboxState_needs-confirmation": { id: "Perlu konfirmasi", en: "Needs confirmation" },
  outboxSendingAttempt: { id: "Mengirim (percobaan {attempt})…", en: "Sending (attempt {attempt})…" },
  outboxUploaded: { id: "Gambar {done} dari {total} terunggah", en: "Image {done} of {total} uploaded" },
  outboxRetryAt: { id: "Dicoba lagi pukul {time}", en: "Trying again at {time}" },
  outboxOpen: { id: "Buka di CMS", en: "Open in the CMS" },
  outboxRetry: { id: "Coba lagi", en: "Retry" },
  outboxConfirm: { id: "Terbitkan sekarang", en: "Publish now" },
  outboxResolve: { id: "Lihat perbedaan…", en: "Compare…" },
  outboxScheduledFor: { id: "terjadwal {time}", en: "scheduled for {time}" },
  conflictTitle: { id: "Artikel diubah di CMS", en: "The article changed in the CMS" },
  conflictExplain: {
    id: "Seseorang mengubah tulisan ini di {target} sejak terakhir dikirim. Tidak ada yang ditimpa. Pilih versi yang dipakai; teks lokal tidak pernah dibuang.",
    en: "Someone changed this post in {target} since it was last sent. Nothing was overwritten. Choose which version to keep; the local text is never discarded.",
  },
  conflictLocal: { id: "Versi lokal (Redaksi)", en: "Local version (Redaksi)" },
  conflictRemote: { id: "Versi di CMS", en: "Version in the CMS" },
  conflictRemoteModified: { id: "diubah {time}", en: "changed {time}" },
  conflictOverwrite: { id: "Timpa versi CMS", en: "Overwrite the CMS version" },
  conflictKeepRemote: { id: "Pakai versi CMS, simpan teks lokal sebagai draf", en: "Keep the CMS version, save the local text as a draft" },
  conflictCancel: { id: "Batal", en: "Cancel" },
  conflictCopyTitle: { id: "{title} (salinan lokal)", en: "{title} (local copy)" },
  conflictKept: { id: "Teks lokal disimpan sebagai draf “{title}”.", en: "The local text was saved as the draft “{title}”." },
  accounts: { id: "Akun CMS", en: "CMS accounts" },
  accountsEmpty: { id: "Belum ada akun.", en: "No accounts yet." },
  accountName: { id: "Nama akun", en: "Account name" },
  accountKind: { id: "Jenis", en: "Kind" },
  accountKind_wordpress: { id: "WordPress", en: "WordPress" },
  accountKind_ghost: { id: "Ghost", en: "Ghost" },
  accountUrl: { id: "Alamat situs", en: "Site URL" },
  accountUser: { id: "Nama pengguna", en: "User name" },
  accountSecret_wordpress: { id: "Kata sandi aplikasi", en: "Application password" },
  accountSecret_ghost: { id: "Admin API key", en: "Admin API key" },
  accountSecretHint: {
    id: "Disimpan di keyring sistem operasi, tidak pernah di basis data atau log.",
    en: "Kept in the operating system's keyring, never in the database or logs.",
  },
  accountSecretKeep: { id: "Isi lagi untuk mengubah akun (rahasia lama tidak ditampilkan).", en: "Enter it again to change the account (the stored secret is never shown)." },
  accountAdd: { id: "Akun baru", en: "New account" },
  accountSave: { id: "Simpan akun", en: "Save account" },
  accountEdit: { id: "Ubah", en: "Edit" },
  accountRemove: { id: "Hapus", en: "Remove" },
  accountConfirmRemove: { id: "Hapus akun {name} dan rahasianya dari keyring?", en: "Remove the account {name} and its secret from the keyring?" },
  accountSaved: { id: "Akun {name} tersimpan.", en: "Account {name} saved." },
  accountError: { id: "Akun tidak tersimpan", en: "The account was not saved" },
  accountMissing: { id: "Isi nama, alamat, pengguna (WordPress) dan rahasia.", en: "Fill in the name, URL, user (WordPress) and secret." },
  exportFolder: { id: "Folder ekspor", en: "Export folder" },
  exportFolderHint: {
    id: "Jalur lengkap. Kosongkan untuk memakai folder “exports” di folder data Redaksi.",
    en: "A full path. Leave empty to use the “exports” folder in Redaksi's data folder.",
  },
  // --- end of publishing (outboxui) ---
  // --- Data (store helper): backups, trash, Markdown import, folder mirror, damaged database ---
  dataTitle: { id: "Data", en: "Data" },
  dataFolder: { id: "Folder data", en: "Data folder" },
  backupNow: { id: "Cadangkan sekarang", en: "Back up now" },
  backupsTitle: { id: "Cadangan", en: "Backups" },
  noBackups: { id: "Belum ada cadangan.", en: "No backups yet." },
  backupDone: { id: "Cadangan dibuat.", en: "Backup taken." },
  backupSize: { id: "{size} KB", en: "{size} KB" },
  restoreBackup: { id: "Pulihkan", en: "Restore" },
  confirmRestoreBackup: {
    id: "Ganti seluruh basis data dengan cadangan {date}? Basis data sekarang dicadangkan dulu, jadi bisa dikembalikan.",
    en: "Replace the whole database with the backup of {date}? The current database is backed up first, so this can be undone.",
  },
  restoreBackupYes: { id: "Ya, pulihkan cadangan", en: "Yes, restore the backup" },
  restoringBackup: { id: "Memulihkan cadangan…", en: "Restoring the backup…" },
  restoreFailed: { id: "Cadangan tidak bisa dipulihkan", en: "The backup could not be restored" },
  tidyUp: { id: "Rapikan sekarang", en: "Tidy up now" },
  tidyDone: {
    id: "{purged} artikel dihapus permanen dari tong sampah, {pruned} revisi lama dipangkas.",
    en: "{purged} articles purged from the trash, {pruned} old revisions pruned.",
  },
  importTitle: { id: "Impor berkas Markdown…", en: "Import Markdown files…" },
  importPaths: { id: "Berkas atau folder (satu jalur per baris)", en: "Files or folders (one path per line)" },
  importRun: { id: "Impor", en: "Import" },
  importResult: { id: "{ok} diimpor, {failed} gagal.", en: "{ok} imported, {failed} failed." },
  importLine: { id: "baris {line}", en: "line {line}" },
  mirrorTitle: { id: "Folder cermin", en: "Mirrored folder" },
  mirrorFolder: { id: "Jalur folder", en: "Folder path" },
  mirrorStart: { id: "Mulai mencerminkan", en: "Start mirroring" },
  mirrorStop: { id: "Hentikan", en: "Stop" },
  mirrorRunning: { id: "Aktif", en: "Running" },
  mirrorStopped: { id: "Berhenti", en: "Stopped" },
  mirrorNever: { id: "Belum pernah disinkronkan.", en: "Not synced yet." },
  mirrorLast: {
    id: "Sinkron terakhir {date}: {imported} masuk, {updated} diperbarui, {exported} ditulis, {conflicts} konflik.",
    en: "Last sync {date}: {imported} imported, {updated} updated, {exported} written, {conflicts} conflicts.",
  },
  mirrorSynced: {
    id: "Folder cermin: {imported} masuk, {updated} diperbarui, {exported} ditulis.",
    en: "Mirrored folder: {imported} imported, {updated} updated, {exported} written.",
  },
  mirrorConflict: {
    id: "Konflik: {file} diubah di dua tempat. Teks dari luar disimpan sebagai {copy}.",
    en: "Conflict: {file} was changed in both places. The outside text is kept as {copy}.",
  },
  mirrorError: { id: "Folder cermin bermasalah", en: "Mirrored folder problem" },
  trashTitle: { id: "Tong sampah", en: "Trash" },
  trashOpen: { id: "Tong sampah", en: "Trash" },
  trashEmpty: { id: "Tong sampah kosong.", en: "The trash is empty." },
  trashHint: {
    id: "Artikel di sini dihapus permanen setelah 30 hari.",
    en: "Articles here are deleted for good after 30 days.",
  },
  trashDeleted: { id: "Dihapus {date}", en: "Deleted {date}" },
  trashRestore: { id: "Kembalikan", en: "Restore" },
  trashRestored: { id: "Artikel dikembalikan.", en: "Article restored." },
  damagedTitle: { id: "Basis data rusak", en: "The database is damaged" },
  damagedOffer: {
    id: "Redaksi tidak membuat basis data baru. Pulihkan cadangan terbaru yang utuh ({date})? Berkas yang rusak disimpan di samping.",
    en: "Redaksi did not create a new database. Restore the newest good backup ({date})? The damaged file is kept aside.",
  },
  damagedNoBackup: {
    id: "Tidak ada cadangan yang utuh. Berkas tidak diubah; hubungi dukungan teknis.",
    en: "No good backup was found. The file was left unchanged; contact technical support.",
  },
  dismiss: { id: "Tutup", en: "Dismiss" },
  imageTitle: { id: "Sisipkan gambar dari berkas", en: "Insert an image from a file" },
  imageOpen: { id: "Gambar…", en: "Image…" },
  imagePath: { id: "Jalur berkas gambar", en: "Image file path" },
  imageAlt: { id: "Teks alternatif", en: "Alt text" },
  imageInsert: { id: "Sisipkan", en: "Insert" },
  exportTitle: { id: "Ekspor sebagai berkas Markdown", en: "Export as a Markdown file" },
  filterCategory: { id: "Kategori", en: "Category" },
  filterFrom: { id: "Diperbarui sejak", en: "Updated from" },
  filterTo: { id: "Diperbarui sampai", en: "Updated until" },
  // Desk polish (desk helper): points of checks that do not count, restore labels.
  pointsNotApplicable: { id: "tidak berlaku", en: "does not apply" },
  pointsMuted: { id: "tidak dihitung", en: "not counted" },
  restoredFrom: { id: "Dipulihkan dari revisi {n}", en: "Restored from revision {n}" },
  wordCount: { id: "{n} kata", en: "{n} words" },
  // Settings: the newsroom rules file (desk helper).
  rulesFile: { id: "Berkas aturan penilaian (profil Redaksi)", en: "Scoring rules file (newsroom profile)" },
  rulesFilePlaceholder: { id: "Kosong: aturan bawaan", en: "Empty: the built-in rules" },
  rulesFileHint: {
    id: "Path lengkap ke berkas JSON aturan redaksi; diperiksa sebelum dipakai.",
    en: "Full path of the newsroom's JSON rules file; checked before it is used.",
  },
  rulesValid: { id: "Aturan valid; penilaian memakai berkas ini.", en: "The rules are valid; scoring uses this file." },
  rulesBuiltin: { id: "Penilaian memakai aturan bawaan.", en: "Scoring uses the built-in rules." },
  rulesInvalidAt: {
    id: "Berkas aturan tidak valid di baris {line}, kolom {column}: {message}",
    en: "The rules file is not valid at line {line}, column {column}: {message}",
  },
  rulesInvalid: { id: "Berkas aturan tidak valid: {message}", en: "The rules file is not valid: {message}" },
  rulesKept: { id: "Aturan sebelumnya tetap dipakai.", en: "The previous rules stay in use." },
  // --- Moving the data folder (datadir helper) ---
  dataMovePath: { id: "Pindahkan ke folder (jalur lengkap)", en: "Move to folder (full path)" },
  dataMove: { id: "Pindahkan…", en: "Move…" },
  confirmDataMove: {
    id: "Salin semua data ke {folder} lalu mulai ulang Redaksi di sana? Folder lama tetap disimpan apa adanya.",
    en: "Copy all data to {folder} and restart Redaksi there? The old folder is kept as it is.",
  },
  dataMoveYes: { id: "Ya, pindahkan dan mulai ulang", en: "Yes, move and restart" },
  dataMoving: { id: "Menyalin data…", en: "Copying the data…" },
  dataMoved: {
    id: "Data dipindah ke {folder}; folder lama {old} tetap ada. Redaksi dimulai ulang…",
    en: "The data moved to {folder}; the old folder {old} is kept. Redaksi restarts…",
  },
  dataMoveFailed: { id: "Folder data tidak bisa dipindah", en: "The data folder could not be moved" },
  dataMoveUnsaved: {
    id: "Teks yang belum tersimpan tidak bisa disimpan; folder data tidak dipindah.",
    en: "Unsaved text could not be saved; the data folder was not moved.",
  },
  // --- end of moving the data folder ---
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof STRINGS;

/** Error codes from the backend, in words a reporter understands. */
const ERROR_CODES: Record<string, Record<Lang, string>> = {
  workflow: {
    id: "Perubahan status ini tidak sesuai alur kerja.",
    en: "The workflow does not allow this status change.",
  },
  profile_unavailable: {
    id: "Profil penilaian ini belum tersedia di versi ini.",
    en: "This scoring profile is not available in this version yet.",
  },
  invalid_input: { id: "Isian tidak valid.", en: "The input is not valid." },
  not_found: { id: "Artikel tidak ditemukan.", en: "The article was not found." },
  revision_not_found: { id: "Versi ini tidak ditemukan.", en: "This version was not found." },
  newer_database: {
    id: "Basis data dibuat oleh Redaksi versi yang lebih baru; perbarui Redaksi.",
    en: "The database was written by a newer version of Redaksi; update Redaksi.",
  },
  corrupt: {
    id: "Basis data rusak; pulihkan dari cadangan.",
    en: "The database is damaged; restore a backup.",
  },
  disk_full: { id: "Disk penuh; teks belum tersimpan.", en: "The disk is full; the text is not saved." },
  busy: {
    id: "Basis data sedang dipakai proses lain; coba lagi.",
    en: "The database is busy in another process; try again.",
  },
  io: { id: "Gagal membaca atau menulis berkas.", en: "A file could not be read or written." },
  store_closed: { id: "Penyimpanan berhenti bekerja.", en: "The draft store stopped working." },

  // --- Publishing errors (outboxui): crates/publish PublishError::code ---
  network: { id: "CMS tidak terjangkau; dicoba lagi otomatis.", en: "The CMS cannot be reached; it is retried automatically." },
  conflict: { id: "Tulisan diubah di CMS; tidak ada yang ditimpa.", en: "The post changed in the CMS; nothing was overwritten." },
  too_long: { id: "Ada isian yang terlalu panjang untuk CMS ini.", en: "A field is too long for this CMS." },
  invalid: { id: "Permintaan terbit tidak valid.", en: "The publish request is not valid." },
  image: { id: "Gambar tidak bisa dibaca atau diunggah.", en: "An image could not be read or uploaded." },
  no_credentials: {
    id: "Rahasia akun tidak ada di keyring; simpan akun lagi di Pengaturan.",
    en: "The account's secret is not in the keyring; save the account again in Settings.",
  },
  keyring: { id: "Keyring sistem operasi tidak bisa dipakai.", en: "The operating system's keyring is not available." },
  needs_auth: {
    id: "CMS menolak akun ini; periksa pengguna dan kata sandi aplikasi di Pengaturan.",
    en: "The CMS refused this account; check the user and application password in Settings.",
  },
  needs_confirmation: {
    id: "Waktu jadwal lewat saat menunggu; WordPress akan langsung menerbitkannya. Konfirmasi dulu.",
    en: "The scheduled time passed while waiting; WordPress would publish at once. Confirm first.",
  },
  remote: { id: "CMS menolak tulisan ini.", en: "The CMS refused the post." },
  // --- end of publishing errors ---
  // --- Data (store helper) ---
  malformed_file: { id: "Berkas Markdown tidak valid.", en: "The Markdown file is not valid." },
  file_too_large: { id: "Berkas terlalu besar.", en: "The file is too large." },
  watch_failed: { id: "Folder tidak bisa dipantau.", en: "The folder cannot be watched." },
  rules_invalid: {
    id: "Berkas aturan penilaian tidak valid; perbaiki atau kosongkan di Pengaturan.",
    en: "The scoring rules file is not valid; fix it or clear it in the Settings.",
  },
  // --- Moving the data folder (datadir helper): crates/store MoveRefusal, src-tauri/data_folder.rs ---
  target_not_absolute: {
    id: "Tulis jalur lengkap folder baru (mis. /home/nama/redaksi).",
    en: "Give the new folder's full path (e.g. /home/name/redaksi).",
  },
  target_inside_data_dir: {
    id: "Folder baru tidak boleh berada di dalam folder data sekarang.",
    en: "The new folder cannot be inside the current data folder.",
  },
  target_not_empty: {
    id: "Folder itu sudah berisi; pilih folder kosong atau yang belum ada.",
    en: "That folder already holds files; choose an empty or new folder.",
  },
  data_dir_from_env: {
    id: "Folder data ditentukan oleh REDAKSI_DATA_DIR; ubah variabel itu.",
    en: "REDAKSI_DATA_DIR chooses the data folder; change that variable instead.",
  },
  data_moved: { id: "Folder data sudah dipindah; mulai ulang Redaksi.", en: "The data folder has moved; restart Redaksi." },
  // --- end of moving the data folder ---
};

const SETTING_KEY = "redaksi.lang";

/** The language the OS asks for, when it is one we speak; English otherwise. */
export function detectLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    // "in" is the old ISO 639 code for Indonesian that some systems still report.
    if (primary === "id" || primary === "in") return "id";
    if (primary === "en") return "en";
  }
  return "en";
}

/** The reporter's explicit choice, or undefined to follow the OS. */
export function storedLang(storage: Storage): Lang | undefined {
  const value = storage.getItem(SETTING_KEY);
  return value === "id" || value === "en" ? value : undefined;
}

export function storeLang(storage: Storage, lang: Lang | undefined): void {
  if (lang) storage.setItem(SETTING_KEY, lang);
  else storage.removeItem(SETTING_KEY);
}

export class I18n {
  constructor(public lang: Lang) {}

  /** The text for `key`, with each `{name}` replaced by `args[name]`. */
  t(key: MessageKey, args: Record<string, string | number> = {}): string {
    return STRINGS[key][this.lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in args ? String(args[name]) : whole,
    );
  }

  /** For keys built from data (`group_${id}`): the text, or `fallback` for an unknown key. */
  maybe(key: string, fallback: string): string {
    return key in STRINGS ? STRINGS[key as MessageKey][this.lang] : fallback;
  }

  /** A backend error as one line: the explanation for its code, then the detail. */
  error(code: string, message: string): string {
    const known = ERROR_CODES[code]?.[this.lang];
    return known ? `${known} (${message})` : message;
  }
}
