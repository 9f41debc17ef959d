// The focus keyword chips.
import type { Messages } from "../lib/i18n";

export const KEYWORDS_STRINGS = {
  keywords: { id: "Kata kunci fokus", en: "Focus keywords" },
  keywordPlaceholder: { id: "Ketik kata kunci, lalu Enter", en: "Type a keyword, then Enter" },
  keywordPrimary: { id: "utama", en: "primary" },
  keywordLimit: { id: "Paling banyak 5 kata kunci.", en: "At most 5 keywords." },
  removeKeyword: { id: "Hapus kata kunci {k}", en: "Remove keyword {k}" },
  synonyms: { id: "Sinonim (pisahkan dengan koma)", en: "Synonyms (comma-separated)" },
} as const satisfies Messages;
