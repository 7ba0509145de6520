import { describe, expect, it } from 'vitest';
import { noteBodySchema } from '@/lib/contracts/accounts';

const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe('note body', () => {
  it.each([
    [{ body: 'Reviewed, OK' }, null],
    [{ body: '  Reviewed  ', okUntil: tomorrow }, 'date'],
    [{ body: 'x', okUntil: '2099-01-01T12:00:00Z' }, 'date'],
    [{ body: 'x', okUntil: null }, null],
  ])('accepts %j', (input, okUntil) => {
    const parsed = noteBodySchema.parse(input);
    expect(parsed.body).toBe(input.body.trim());
    expect(parsed.okUntil === null ? null : 'date').toBe(okUntil);
  });

  it('ends a calendar date at the end of that day (UTC)', () => {
    expect(noteBodySchema.parse({ body: 'ok', okUntil: tomorrow }).okUntil?.toISOString()).toBe(`${tomorrow}T23:59:59.999Z`);
  });

  it.each([
    [{}, /required|expected string/i],
    [{ body: '   ' }, /cannot be empty/],
    [{ body: 'x'.repeat(2001) }, /at most 2000/],
    [{ body: 'ok', okUntil: '2001-01-01' }, /future/],
    [{ body: 'ok', okUntil: 'next week' }, /ISO date/],
    [{ body: 'ok', okUntil: '2099-02-30' }, /ISO date/],
  ])('refuses %j', (input, message) => {
    const result = noteBodySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(message);
  });
});
