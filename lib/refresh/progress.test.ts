import { describe, expect, it } from 'vitest';
import { describeProgress } from './progress';

const now = new Date('2026-12-01T17:50:00Z');
const run = { accountsTotal: 0, accountsDone: 0, currentStep: 'listing sub-accounts', waitingUntil: null };

describe('describeProgress', () => {
  it.each([
    ['before the account list arrives: the step, never "0 of 0"', run, 'Listing sub-accounts'],
    ['listing without a recorded step', { ...run, currentStep: null }, 'Listing sub-accounts'],
    ['counts while accounts are read', { ...run, accountsTotal: 12, accountsDone: 5, currentStep: 'read a@x' }, '5 of 12 accounts read'],
    ['names the step after the accounts', { ...run, accountsTotal: 12, accountsDone: 12, currentStep: 'evaluating risk' }, 'Evaluating risk (12 of 12 accounts read)'],
    ['prices before the first account', { ...run, accountsTotal: 12, currentStep: 'reading prices' }, 'Reading prices (0 of 12 accounts read)'],
    ['waits until the Retry-After ends', { ...run, waitingUntil: '2026-12-01T17:51:30Z' }, 'Waiting for the exchange until 17:51:30 UTC'],
    ['a wait that has ended is not shown', { ...run, accountsTotal: 12, accountsDone: 3, currentStep: 'read a@x', waitingUntil: '2026-12-01T17:49:59Z' }, '3 of 12 accounts read'],
  ])('%s', (_, input, expected) => {
    expect(describeProgress(input, now)).toBe(expected);
  });
});
