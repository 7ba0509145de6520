/**
 * The colour theme a person chose: light, dark, or whatever the system prefers. Kept in a cookie rather than
 * local storage so the server renders the page in it: no light flash before a script could run.
 */
export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = 'marginwatch-theme';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export function parseTheme(value: string | undefined | null): Theme {
  return THEMES.includes(value as Theme) ? (value as Theme) : 'system';
}

/** The cookie that remembers a choice (not a secret: readable by the page, sent to the server only to render). */
export function themeCookie(theme: Theme): string {
  return `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}
