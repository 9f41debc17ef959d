// Every view's strings in one table for the I18n class. Each view keeps its own words next to
// it (views/*.strings.ts); a key may live in one file only (i18n.test.ts checks).
import { APP_STRINGS } from "./app.strings";
import { COMMON_STRINGS } from "./views/common.strings";
import { DASHBOARD_STRINGS } from "./views/dashboard.strings";
import { DATA_STRINGS } from "./views/data.strings";
import { DESK_STRINGS } from "./views/desk.strings";
import { HELP_STRINGS } from "./views/help.strings";
import { HISTORY_STRINGS } from "./views/history.strings";
import { INSERT_IMAGE_STRINGS } from "./views/insert-image.strings";
import { KEYWORDS_STRINGS } from "./views/keywords.strings";
import { META_PANEL_STRINGS } from "./views/meta-panel.strings";
import { PUBLISHING_STRINGS } from "./views/publishing.strings";
import { SEO_PANEL_STRINGS } from "./views/seo-panel.strings";
import { SETTINGS_STRINGS } from "./views/settings.strings";
import { SIDEBAR_STRINGS } from "./views/sidebar.strings";
import { SITE_STRINGS } from "./views/site.strings";

export const STRING_TABLES = [
  APP_STRINGS,
  COMMON_STRINGS,
  DASHBOARD_STRINGS,
  DATA_STRINGS,
  DESK_STRINGS,
  HELP_STRINGS,
  HISTORY_STRINGS,
  INSERT_IMAGE_STRINGS,
  KEYWORDS_STRINGS,
  META_PANEL_STRINGS,
  PUBLISHING_STRINGS,
  SEO_PANEL_STRINGS,
  SETTINGS_STRINGS,
  SIDEBAR_STRINGS,
  SITE_STRINGS,
] as const;

export const STRINGS = {
  ...APP_STRINGS,
  ...COMMON_STRINGS,
  ...DASHBOARD_STRINGS,
  ...DATA_STRINGS,
  ...DESK_STRINGS,
  ...HELP_STRINGS,
  ...HISTORY_STRINGS,
  ...INSERT_IMAGE_STRINGS,
  ...KEYWORDS_STRINGS,
  ...META_PANEL_STRINGS,
  ...PUBLISHING_STRINGS,
  ...SEO_PANEL_STRINGS,
  ...SETTINGS_STRINGS,
  ...SIDEBAR_STRINGS,
  ...SITE_STRINGS,
};
