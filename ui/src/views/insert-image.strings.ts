// Inserting an image from a file.
import type { Messages } from "../lib/i18n";

export const INSERT_IMAGE_STRINGS = {
  imageTitle: { id: "Sisipkan gambar dari berkas", en: "Insert an image from a file" },
  imageOpen: { id: "Gambar…", en: "Image…" },
  imagePath: { id: "Jalur berkas gambar", en: "Image file path" },
  imageAlt: { id: "Teks alternatif", en: "Alt text" },
  imageInsert: { id: "Sisipkan", en: "Insert" },
} as const satisfies Messages;
