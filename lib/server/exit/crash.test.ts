import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '@/sim/server';
import { loadScenario, type Scenario } from '@/sim/scenario';
import type { RequestRecord } from '@/sim/recorder';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { createPostgresDatabase } from '@/lib/testing/databases';
import { openDatabase, type Database } from '../db/client';
import { accountExits } from '../db/schema';
import { createExchangeClient } from '../exchange';
import type { ExitHooks } from './context';
import { recentRuns } from './store';
import { exitRunView } from './views';

process.env.MARGINWATCH_SECRET_KEY ??= randomBytes(32).toString('base64');

const HOTEL = 'desk-hotel@fundx.example';
const CHILD = path.join(__dirname, 'testing', 'crash-child.ts');

/** Where the database lives for the child processes: a PGlite folder, or a PostgreSQL database when CI gives one. */
type Place = { env: Record<string, string>; open(): Promise<Database>; drop(): Promise<void> };

async function freshPlace(): Promise<Place> {
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const created = await createPostgresDatabase(admin);
    return { env: { DATABASE_URL: created.url }, open: () => openDatabase({ url: created.url }), drop: created.drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'mw-exit-crash-'));
  return { env: { PGLITE_DIR: dir }, open: () => openDatabase({ dataDir: dir }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the fixture as its own process; resolves with how it ended (a SIGKILL is the expected crash). */
function child(place: Place, args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    // One process (node with tsx's loader, not the tsx CLI's wrapper), so the SIGKILL ends the instance itself.
    const p = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', CHILD, ...args], { env: { ...process.env, ...place.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    p.stdout.on('data', (d: Buffer) => (output += d.toString()));
    p.stderr.on('data', (d: Buffer) => (output += d.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

/** The demo's desk-hotel, its debts repaid with its own key, so it can exit. */
async function repayHotel(sim: { url: string }, scenario: Scenario) {
  const key = scenario.subAccounts.find((s) => s.email === HOTEL)!.keys.find((k) => k.name === 'hotel-monitor')!;
  const client = createExchangeClient({ baseUrl: sim.url, credentials: { apiKey: key.apiKey, keyKind: 'normal', signer: { type: 'HMAC', secret: key.secretKey! } } });
  await client.borrowRepay({ asset: 'ETH', amount: '500', type: 'REPAY' });
  await client.borrowRepay({ asset: 'USDT', amount: '1000000', type: 'REPAY' });
}

const BOUNDARIES: (keyof ExitHooks)[] = ['afterDeleteSent', 'afterExitSent', 'beforeConfirmationRecorded'];

describe('the exit run survives its process being killed at each boundary', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await loadScenario('demo');
    sim = await startSimulator({ port: 0, scenario });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it.each(BOUNDARIES)('killed at %s, restarted: the run ends confirmed, no key deleted twice, one exit call', async (boundary) => {
    await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
    await repayHotel(sim, scenario);
    const place = await freshPlace();
    try {
      const setup = await place.open();
      const masterId = await seedDemoConnection(setup.db, scenario, sim.url);
      await setup.close();

      const crashed = await child(place, [`crash:${boundary}`, masterId, HOTEL]);
      expect(crashed.signal, crashed.output).toBe('SIGKILL');
      const resumed = await child(place, ['resume', masterId, HOTEL]);
      expect(resumed.code, resumed.output).toBe(0);

      const database = await place.open();
      try {
        const [run] = await recentRuns(database.db, masterId, 1);
        const view = (await exitRunView(database.db, run!.id))!;
        expect(view.phase).toBe('done');
        expect(view.accounts).toEqual([expect.objectContaining({ email: HOTEL, stage: 'confirmed', confirmedAt: expect.any(String) })]);
        expect(view.accounts[0]!.keys.map((k) => k.status)).toEqual(['deleted', 'deleted', 'deleted', 'deleted']);
        expect(await database.db.select().from(accountExits).where(eq(accountExits.accountEmail, HOTEL))).toHaveLength(1);
      } finally {
        await database.close();
      }

      const { requests } = (await (await fetch(`${sim.url}/__sim/requests`)).json()) as { requests: RequestRecord[] };
      const mine = requests.filter((r) => r.account === HOTEL);
      // Deletions the exchange carried out, once per key. On a loaded machine a DELETE can time out before its
      // answer; one the exchange then refused (past its recvWindow, or the key already gone) deleted nothing.
      const deletes = mine.filter((r) => r.method === 'DELETE' && r.path === '/sapi/v1/margin/apiKey' && r.status === 200);
      expect(deletes).toHaveLength(4);
      expect(new Set(deletes.map((r) => r.targetKey)).size).toBe(4);
      expect(mine.filter((r) => r.path === '/sapi/v1/margin/exit-special-key-mode')).toHaveLength(1);
      const state = (await (await fetch(`${sim.url}/__sim/state`)).json()) as { accounts: { email: string; bound: boolean }[] };
      expect(state.accounts.find((a) => a.email === HOTEL)!.bound).toBe(false);
    } finally {
      await place.drop();
    }
  }, 120_000);
});
