import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabases } from '@/lib/testing/databases';
import { alertAttempts, alertDeliveries, alertRules, alerts } from '../db/schema';
import { runRefresh } from '../refresh/run-refresh';
import { demoRefreshed, email } from '../views/demo-refresh.test-support';
import { channelById, createChannel, sendTest } from './channels';
import { channelsView } from './settings-view';
import { sendDue } from './sender';
import { startSmtpServer, startWebhookReceiver } from './testing/receivers';

const SECRET = 'whsec-test-0123456789abcdef';

// One SMTP server for the file: the app reads MARGINWATCH_SMTP_URL once per process (getEnv caches it), so a
// second server started for the next database would never be the one mail goes to.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.MARGINWATCH_SMTP_URL = smtp.url;
  process.env.MARGINWATCH_SMTP_FROM = 'marginwatch <alerts@desk.example>';
});
afterAll(async () => {
  await smtp?.close();
});

describe.each(testDatabases())('alerts reach a real webhook and a real SMTP server, once each, on $driver', ({ open }) => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let webhookId: string;

  const db = () => demo.database.db;
  const shock = async (s: string) => {
    const res = await fetch(`${demo.sim.url}/__sim/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shock: s }) });
    expect(res.status).toBe(200);
  };
  /** One refresh; returns the alerts it raised (ids and titles). */
  const refresh = async () => {
    const { runId } = await runRefresh(demo.masterId, 'manual');
    return db().select().from(alerts).where(eq(alerts.refreshId, runId));
  };
  /** Runs the sender until nothing is due: what the app's loop does every 2 s. */
  const drain = async () => {
    while ((await sendDue(db())) > 0);
  };
  const idsAt = (predicate: (r: (typeof hook.received)[number]) => boolean) => hook.received.filter(predicate).map((r) => r.headers['idempotency-key']);

  beforeAll(async () => {
    smtp.mails.length = 0;
    hook = await startWebhookReceiver(SECRET);
    demo = await demoRefreshed(open);
    webhookId = (await createChannel(db(), { kind: 'webhook', name: 'Desk hook', format: 'generic', url: hook.url, signingSecret: SECRET }, 'owner@test')).id;
    await createChannel(db(), { kind: 'email', name: 'Risk desk', to: ['risk@desk.example'] }, 'owner@test');
  });
  afterAll(async () => {
    await demo?.close();
    await hook?.close();
  });

  it('a shock raises alerts that arrive exactly once, signed, by webhook and by email', async () => {
    await shock('-0.1');
    const raised = await refresh();
    // desk-charlie (not bound, ML 1.62 → margin call after −10 %) is the case people watch for.
    const charlie = raised.find((a) => a.accountEmail === email('desk-charlie') && a.kind === 'status_worsens');
    expect(charlie?.figures).toEqual({ status: 'MARGIN_CALL' });
    expect(charlie?.title).toBe('desk-charlie: margin call (status at margin call or worse)');

    // Nothing is sent inside the refresh: the outbox holds one row per alert and channel.
    const pending = await db().select().from(alertDeliveries).where(inArray(alertDeliveries.alertId, raised.map((a) => a.id)));
    expect(pending).toHaveLength(raised.length * 2);
    expect(pending.every((d) => d.status === 'pending')).toBe(true);

    await drain();
    const ids = raised.map((a) => a.id).sort();
    expect(hook.received.map((r) => r.headers['idempotency-key']).sort()).toEqual(ids);
    expect(hook.received.every((r) => r.validSignature)).toBe(true);
    const charlieHook = hook.received.find((r) => r.headers['idempotency-key'] === charlie!.id)!;
    expect(charlieHook.json).toMatchObject({ type: 'marginwatch.alert', idempotencyKey: charlie!.id, alert: { account: email('desk-charlie'), figures: { status: 'MARGIN_CALL' } } });
    expect((charlieHook.json as { alert: { link: string } }).alert.link).toMatch(/\/accounts\/desk-charlie%40fundx\.example$/);
    expect(smtp.mails.map((m) => m.alertId).sort()).toEqual(ids);
    expect(smtp.mails.find((m) => m.alertId === charlie!.id)?.subject).toBe('[marginwatch] Alert: desk-charlie: margin call (status at margin call or worse)');
    expect(smtp.mails[0]!.to).toEqual(['risk@desk.example']);
  });

  it('a signature made with another secret, or replayed later, does not verify', async () => {
    const { verifySignature, signBody } = await import('./signature');
    const r = hook.received[0]!;
    const ts = r.headers['x-marginwatch-timestamp'] as string;
    expect(verifySignature('another-secret-0123456', { signature: r.headers['x-marginwatch-signature'] as string, timestamp: ts }, r.body)).toBe(false);
    expect(verifySignature(SECRET, { signature: r.headers['x-marginwatch-signature'] as string, timestamp: ts }, r.body, Number(ts) + 301)).toBe(false);
    expect(verifySignature(SECRET, { signature: signBody(SECRET, Number(ts), r.body), timestamp: ts }, `${r.body} `)).toBe(false);
  });

  it('the next refresh sends nothing new', async () => {
    const before = hook.received.length;
    expect(await refresh()).toEqual([]);
    await drain();
    expect(hook.received.length).toBe(before);
  });

  it('the price recovers, falls again, and the alert fires again', async () => {
    await shock('0.05');
    const recovered = await refresh();
    expect(recovered.filter((a) => a.accountEmail === email('desk-charlie'))).toEqual([]);
    await shock('-0.1');
    const again = await refresh();
    const charlie = again.find((a) => a.accountEmail === email('desk-charlie') && a.kind === 'status_worsens');
    expect(charlie).toBeDefined();
    await drain();
    expect(idsAt((r) => r.headers['idempotency-key'] === charlie!.id)).toHaveLength(1);
  });

  it('a receiver that fails twice gets the alert on the third try, every attempt recorded', async () => {
    // A rule only desk-alpha meets (its margin level is far under 100), raised by the next refresh.
    await db().insert(alertRules).values({ id: 'alpha-ml', kind: 'margin_level', threshold: '100', scope: { kind: 'account', email: email('desk-alpha') } });
    const [raised, ...rest] = await refresh();
    expect(rest).toEqual([]);
    hook.failNext(2);
    const [delivery] = await db().select().from(alertDeliveries).where(and(eq(alertDeliveries.alertId, raised!.id), eq(alertDeliveries.channelId, webhookId)));
    // The settings page's history of the channel: the failure, why, and when it is tried again.
    await sendDue(db(), { baseBackoffMs: 20 });
    const historyOf = async () => (await channelsView(db())).find((c) => c.id === webhookId)!.history;
    const [failed] = await historyOf();
    expect(failed).toMatchObject({ ok: false, statusCode: 500, error: 'the receiver answered HTTP 500', test: false, alertTitle: raised!.title });
    expect(Date.parse(failed!.nextAttemptAt!)).toBeGreaterThan(Date.parse(failed!.at));
    await vi.waitFor(async () => {
      await sendDue(db(), { baseBackoffMs: 20 });
      const [row] = await db().select().from(alertDeliveries).where(eq(alertDeliveries.id, delivery!.id));
      expect(row!.status).toBe('sent');
    }, { timeout: 10_000, interval: 30 });
    const attempts = await db().select().from(alertAttempts).where(eq(alertAttempts.deliveryId, delivery!.id)).orderBy(alertAttempts.id);
    expect(attempts.map((a) => [a.ok, a.statusCode])).toEqual([[false, 500], [false, 500], [true, 200]]);
    expect(attempts[0]!.error).toBe('the receiver answered HTTP 500');
    const copies = hook.received.filter((r) => r.headers['idempotency-key'] === raised!.id);
    expect(copies.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(smtp.mails.filter((m) => m.alertId === raised!.id)).toHaveLength(1);
    // Delivered since: no retry is ahead any more.
    expect((await historyOf()).slice(0, 3).map((a) => [a.ok, a.statusCode, a.nextAttemptAt])).toEqual([[true, 200, null], [false, 500, null], [false, 500, null]]);

    // "Send a test" goes into the same history, marked as a test, with its outcome.
    hook.failNext(1);
    const row = (await channelById(db(), webhookId))!;
    expect(await sendTest(db(), row, 'owner@test')).toEqual({ ok: false, statusCode: 500, error: 'the receiver answered HTTP 500' });
    expect(await sendTest(db(), row, 'owner@test')).toEqual({ ok: true, statusCode: 200 });
    expect((await historyOf()).slice(0, 2).map((a) => [a.test, a.ok, a.statusCode, a.nextAttemptAt])).toEqual([[true, true, 200, null], [true, false, 500, null]]);
  });

  it('two sender instances at once send each alert once', async () => {
    await shock('0.05');
    await refresh();
    await shock('-0.1');
    const raised = await refresh();
    expect(raised.length).toBeGreaterThan(0);
    await Promise.all([sendDue(db(), { owner: 'instance-a' }), sendDue(db(), { owner: 'instance-b' }), sendDue(db(), { owner: 'instance-c' })]);
    for (const a of raised) {
      expect(idsAt((r) => r.headers['idempotency-key'] === a.id)).toHaveLength(1);
      expect(smtp.mails.filter((m) => m.alertId === a.id)).toHaveLength(1);
    }
  });
});
