// The window's frame: the view tabs, the settings and help buttons, notices.
import type { Messages } from "./lib/i18n";

export const APP_STRINGS = {
  viewWrite: { id: "Tulis", en: "Write" },
  viewDashboard: { id: "Dasbor", en: "Dashboard" },
  settings: { id: "Pengaturan", en: "Settings" },
} as const satisfies Messages;
