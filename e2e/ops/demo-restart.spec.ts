import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { expect, test } from '@playwright/test';
import { launch, newDataDir, type Launched } from './launcher';

// Demo mode keeps the simulated exchange's state in the data folder beside the database (README, Demo mode):
// a restart must find the exchange the stored history describes, not the scenario's first day.
test.describe.configure({ timeout: 300_000 });

type SimAccount = { email: string; isMaster: boolean; bound: boolean; keys: { kind: string }[]; liquidationLoan: { amount: string; repaidAmount: string } | null };
type SimView = { prices: Record<string, string>; accounts: SimAccount[] };

async function simState(app: Launched): Promise<SimView> {
  return (await (await fetch(`${app.simUrl}/__sim/state`)).json()) as SimView;
}

/** What the app stored from its newest refresh: each account's status and special keys, read from its database. */
async function storedView(dataDir: string) {
  const db = new PGlite(path.join(dataDir, 'pglite'));
  try {
    const { rows } = await db.query<{ account_email: string; status: string; special: number | null }>(
      `select account_email, status, (keys->>'special')::int as special from account_snapshots
       where refresh_id = (select id from refresh_runs where status = 'ok' order by started_at desc limit 1)`,
    );
    return Object.fromEntries(rows.map((r) => [r.account_email, { status: r.status, special: r.special }]));
  } finally {
    await db.close();
  }
}

const REFRESH_OK = /"context":"refresh",.*"status":"ok","accounts":14,.*"msg":"refresh ok"/;

async function stop(app: Launched) {
  app.proc.kill('SIGTERM');
  expect((await app.exited).code, app.output()).toBe(0);
}

test('after two restarts the account pages and the simulator still tell one story: liquidations and keys kept on both sides', async () => {
  const dir = newDataDir();
  const first = await launch(dir);
  await first.waitFor(REFRESH_OK, 90_000);
  // A crash on the first day: every non-stable price falls 40 %, and the simulator liquidates what that takes.
  const shocked = await fetch(`${first.simUrl}/__sim/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shock: '-0.4' }) });
  const { liquidations } = (await shocked.json()) as { liquidations: unknown[] };
  expect(liquidations.length).toBeGreaterThan(0);
  const held = await simState(first);
  await stop(first);

  let previous: Awaited<ReturnType<typeof storedView>> | null = null;
  for (const round of [1, 2]) {
    const app = await launch(dir, first.ports);
    await app.waitFor(/Demo exchange \(simulator\) on \S+, as it was when last stopped/);
    await app.waitFor(REFRESH_OK, 90_000);
    const now = await simState(app);
    await stop(app);
    const stored = await storedView(dir);

    // The exchange is the one that was stopped: the fallen prices, its loans and its keys.
    expect(now.prices, `round ${round}`).toEqual(held.prices);
    expect(now.accounts, `round ${round}`).toEqual(held.accounts);
    // What the account pages show (the newest stored refresh) agrees with what the simulator holds.
    for (const a of now.accounts.filter((x) => !x.isMaster)) {
      const s = stored[a.email]!;
      if (s.special !== null) expect(s.special, `${a.email} special keys, round ${round}`).toBe(a.keys.filter((k) => k.kind === 'special').length);
      if (s.status === 'LOAN_OUTSTANDING') expect(a.liquidationLoan, `${a.email} loan, round ${round}`).not.toBeNull();
    }
    // A second restart moves no account back: the stored story is the same after each.
    if (previous) expect(stored).toEqual(previous);
    previous = stored;
  }
});
