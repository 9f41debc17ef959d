// The article list on the left.
import type { Messages } from "../lib/i18n";

export const SIDEBAR_STRINGS = {
  articles: { id: "Artikel", en: "Articles" },
  newArticle: { id: "Artikel baru", en: "New article" },
  emptyList: { id: "Belum ada artikel.", en: "No articles yet." },
  appName: { id: "Redaksi", en: "Redaksi" },
} as const satisfies Messages;
