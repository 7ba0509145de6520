import { describe, expect, it } from 'vitest';
import { parseTheme, themeCookie } from './theme';

describe('theme', () => {
  it.each([
    ['dark', 'dark'],
    ['light', 'light'],
    ['system', 'system'],
    [undefined, 'system'],
    ['', 'system'],
    ['purple', 'system'],
    ['DARK', 'system'],
  ])('%j reads as %s', (value, theme) => {
    expect(parseTheme(value)).toBe(theme);
  });

  it('is remembered for a year on every path', () => {
    expect(themeCookie('dark')).toBe('marginwatch-theme=dark; Path=/; Max-Age=31536000; SameSite=Lax');
  });
});
