import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '@/sim/server';
import { loadScenario } from '@/sim/scenario';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { createPostgresDatabase } from '@/lib/testing/databases';
import { openDatabase, setDatabaseForTesting, type Database } from '../db/client';
import { alertDeliveries, alerts } from '../db/schema';
import { runRefresh } from '../refresh/run-refresh';
import { createChannel } from './channels';
import { sendDue } from './sender';
import { startWebhookReceiver } from './testing/receivers';

process.env.MARGINWATCH_SECRET_KEY ??= randomBytes(32).toString('base64');

const CHILD = path.join(__dirname, 'testing', 'kill-child.ts');
const SECRET = 'whsec-restart-0123456789';

async function freshPlace(): Promise<{ env: Record<string, string>; open(): Promise<Database>; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const created = await createPostgresDatabase(admin);
    return { env: { DATABASE_URL: created.url }, open: () => openDatabase({ url: created.url }), drop: created.drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'mw-alerts-kill-'));
  return { env: { PGLITE_DIR: dir }, open: () => openDatabase({ dataDir: dir }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

function child(env: Record<string, string>, args: string[]): Promise<{ signal: NodeJS.Signals | null; code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', CHILD, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    p.stdout.on('data', (d: Buffer) => (output += d.toString()));
    p.stderr.on('data', (d: Buffer) => (output += d.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

describe('the app killed between the outbox write and the send', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let place: Awaited<ReturnType<typeof freshPlace>>;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, scenario: await loadScenario('demo') });
    hook = await startWebhookReceiver(SECRET);
    place = await freshPlace();
  });
  afterAll(async () => {
    await sim?.close();
    await hook?.close();
    await place?.drop();
  });

  it('delivers each alert once after the restart', async () => {
    let database = await place.open();
    setDatabaseForTesting(database);
    const masterId = await seedDemoConnection(database.db, await loadScenario('demo'), sim.url);
    await runRefresh(masterId, 'manual');
    await createChannel(database.db, { kind: 'webhook', name: 'Desk hook', format: 'slack', url: hook.url, signingSecret: SECRET }, 'owner@test');
    await database.close();

    await fetch(`${sim.url}/__sim/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shock: '-0.1' }) });
    const killed = await child(place.env, [masterId]);
    expect(killed.signal, killed.output).toBe('SIGKILL');
    expect(hook.received).toEqual([]);

    // The restarted instance: the committed outbox rows are there, and its sender delivers them.
    database = await place.open();
    setDatabaseForTesting(database);
    try {
      const pending = await database.db.select().from(alertDeliveries).where(eq(alertDeliveries.status, 'pending'));
      expect(pending.length).toBeGreaterThan(0);
      while ((await sendDue(database.db)) > 0);
      const raised = await database.db.select({ id: alerts.id, title: alerts.title }).from(alerts);
      const fromKill = raised.filter((a) => pending.some((p) => p.alertId === a.id));
      expect(fromKill.map((a) => a.title)).toContain('desk-charlie: margin call (status at margin call or worse)');
      expect(hook.received.map((r) => r.headers['idempotency-key']).sort()).toEqual(fromKill.map((a) => a.id).sort());
      expect(hook.received.every((r) => r.validSignature)).toBe(true);
      // Slack's incoming-webhook body: one text field.
      expect(hook.received.map((r) => Object.keys(r.json as object))).toEqual(fromKill.map(() => ['text']));
    } finally {
      await database.close();
    }
  }, 180_000);
});
