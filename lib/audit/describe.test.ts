import { describe, expect, it } from 'vitest';
import { describeAudit } from './describe';

const entry = (action: string, target: string | null, after: unknown = null, actorEmail: string | null = 'owner@marginwatch.demo') => ({ action, target, after, actorEmail });

describe('describeAudit', () => {
  it.each([
    { e: entry('auth.signin', 'owner@marginwatch.demo'), sentence: 'owner@marginwatch.demo signed in.', link: null },
    { e: entry('auth.signin_fail', 'x@desk.example', null, null), sentence: 'Someone failed to sign in as x@desk.example (wrong email or password).', link: null },
    { e: entry('notes.create', 'desk-charlie@fundx.example', { okUntil: '2099-01-31T23:59:59.999Z' }), sentence: 'owner@marginwatch.demo wrote a review note on desk-charlie@fundx.example, OK until a set date.', link: '/accounts/desk-charlie%40fundx.example' },
    { e: entry('access.refused', 'POST /api/keys/special', { permission: 'keys.write' }, 'ops@marginwatch.demo'), sentence: 'ops@marginwatch.demo was refused POST /api/keys/special (needs keys.write).', link: null },
    { e: entry('exit.confirmed', 'exit-run:1b2c', { account: 'desk-hotel@fundx.example' }), sentence: 'owner@marginwatch.demo confirmed the exit of desk-hotel@fundx.example: no longer bound.', link: '/accounts/desk-hotel%40fundx.example' },
    { e: entry('exit.start', 'exit-run:1b2c', { accounts: ['a', 'b'] }), sentence: 'owner@marginwatch.demo started an exit run for 2 accounts.', link: '/exit' },
    { e: entry('labels.set', 'desk-alpha@fundx.example', { label: 'BTC/ETH basis desk' }), sentence: 'owner@marginwatch.demo set the desk label of desk-alpha@fundx.example to “BTC/ETH basis desk”.', link: '/accounts/desk-alpha%40fundx.example' },
    { e: entry('labels.set', 'desk-alpha@fundx.example', { label: null }), sentence: 'owner@marginwatch.demo removed the desk label of desk-alpha@fundx.example.', link: '/accounts/desk-alpha%40fundx.example' },
    { e: entry('something.new', 'x'), sentence: 'owner@marginwatch.demo did “something.new” on x.', link: null },
  ])('$e.action', ({ e, sentence, link }) => {
    const line = describeAudit(e);
    expect(line.sentence).toBe(sentence);
    expect(line.link?.href ?? null).toBe(link);
  });
});
