import { expect, it } from 'vitest';
import { confirmationMatches } from './confirmation';

it.each([
  ['EXIT', 3, true],
  [' EXIT ', 1, true],
  ['3', 3, true],
  ['exit', 3, false],
  ['2', 3, false],
  ['0', 0, false],
  ['', 2, false],
  ['EXIT NOW', 1, false],
])('typed %j for %i account(s) → %s', (typed, count, ok) => {
  expect(confirmationMatches(typed, count)).toBe(ok);
});
