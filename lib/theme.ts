/**
 * The reader's theme choice, remembered in a cookie so that the server renders the right theme on
 * the first paint. No cookie: follow the system setting.
 */
export const THEME_COOKIE = 'theme';
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export function themeFrom(value: string | undefined): Theme {
  return value === 'light' || value === 'dark' ? value : 'system';
}
