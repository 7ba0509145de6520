import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSevere, type QuietHours } from '@/lib/alerts/quiet-hours';
import { INITIAL_ALERT_FILTERS } from '@/lib/contracts/alerts';
import { testDatabases } from '@/lib/testing/databases';
import { alertDeliveries, alerts } from '../db/schema';
import { runRefresh } from '../refresh/run-refresh';
import { demoRefreshed } from '../views/demo-refresh.test-support';
import { createChannel, setQuietHours } from './channels';
import { sendDue } from './sender';
import { channelsView } from './settings-view';
import { startWebhookReceiver } from './testing/receivers';
import { listAlerts } from './views';

const SECRET = 'whsec-quiet-0123456789abcdef';
const HOUR = 3_600_000;
const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);

type Digest = { type: string; idempotencyKey: string; digest: { count: number; quietHours: string; windowEnd: string; alerts: { id: string }[] } };

/**
 * Quiet hours with a daily digest (docs/alerts.md#quiet-hours), against the simulator and a real receiver: the
 * window is put around the real clock (UTC, two hours either side), and the sender is handed a clock at the
 * window's end instead of anyone waiting for it.
 */
describe.each(testDatabases())('quiet hours hold alerts for one digest per channel, on $driver', ({ open }) => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  /** Severe alerts break through on this channel, not on the strict one. */
  let night: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let strict: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let nightId: string;
  let strictId: string;
  const raised: (typeof alerts.$inferSelect)[] = [];
  let windowEnd = 0;

  const db = () => demo.database.db;
  const shockAndRefresh = async (shock: string) => {
    const res = await fetch(`${demo.sim.url}/__sim/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shock }) });
    expect(res.status).toBe(200);
    const { runId } = await runRefresh(demo.masterId, 'manual');
    const rows = await db().select().from(alerts).where(eq(alerts.refreshId, runId));
    raised.push(...rows);
    return rows;
  };
  const drain = async (now?: () => Date) => {
    while ((await sendDue(db(), { now })) > 0);
  };
  const digestsAt = (hook: typeof night) => hook.received.filter((r) => (r.json as Digest).type === 'marginwatch.digest');
  const alertIdsAt = (hook: typeof night) => hook.received.filter((r) => (r.json as Digest).type === 'marginwatch.alert').map((r) => r.headers['idempotency-key']);

  beforeAll(async () => {
    night = await startWebhookReceiver(SECRET);
    strict = await startWebhookReceiver(SECRET);
    demo = await demoRefreshed(open);
    const now = Date.now();
    const window = (severeBreaksThrough: boolean): QuietHours => ({ start: hhmm(now - 2 * HOUR), end: hhmm(now + 2 * HOUR), timeZone: 'UTC', severeBreaksThrough });
    nightId = (await createChannel(db(), { kind: 'webhook', name: 'Night desk', format: 'generic', url: night.url, signingSecret: SECRET }, 'owner@test')).id;
    strictId = (await createChannel(db(), { kind: 'webhook', name: 'Strict night', format: 'generic', url: strict.url, signingSecret: SECRET }, 'owner@test')).id;
    await setQuietHours(db(), nightId, window(true));
    await setQuietHours(db(), strictId, window(false));
  });
  afterAll(async () => {
    await demo?.close();
    await night?.close();
    await strict?.close();
  });

  it('inside the window only severe alerts go out, and only where the channel lets them through', async () => {
    await shockAndRefresh('-0.1');
    // −45 %: the simulator liquidates accounts, and each forced-liquidation order is a severe alert.
    await shockAndRefresh('-0.45');
    const severe = raised.filter(isSevere).map((a) => a.id).sort();
    const mild = raised.filter((a) => !isSevere(a)).map((a) => a.id);
    expect(severe.length).toBeGreaterThan(0);
    expect(mild.length).toBeGreaterThan(0);

    await drain();
    expect(alertIdsAt(night).sort()).toEqual(severe);
    expect(night.received.every((r) => r.validSignature)).toBe(true);
    expect(strict.received).toEqual([]);

    const held = await db().select().from(alertDeliveries).where(eq(alertDeliveries.status, 'held'));
    expect(held.filter((d) => d.channelId === nightId).map((d) => d.alertId).sort()).toEqual([...mild].sort());
    expect(held.filter((d) => d.channelId === strictId)).toHaveLength(raised.length);
    // Both refreshes fell in one window: one digest time, two hours from now at most.
    const ends = new Set(held.map((d) => d.heldUntil!.getTime()));
    expect(ends.size).toBe(1);
    windowEnd = [...ends][0]!;
    expect(windowEnd - Date.now()).toBeGreaterThan(HOUR);
    expect(windowEnd - Date.now()).toBeLessThanOrEqual(2 * HOUR);

    const view = await channelsView(db());
    expect(view.find((c) => c.id === strictId)).toMatchObject({ held: raised.length, pending: 0, quietHours: { timeZone: 'UTC', severeBreaksThrough: false } });
    const inbox = await listAlerts(db(), { ...INITIAL_ALERT_FILTERS, state: 'all' });
    const mildView = inbox.alerts.find((a) => a.id === mild[0])!;
    expect(mildView.deliveries.find((d) => d.channel === 'Night desk')).toMatchObject({ status: 'held', heldUntil: new Date(windowEnd).toISOString(), inDigest: false });
  });

  it('a second before the window ends nothing is sent', async () => {
    const before = night.received.length + strict.received.length;
    await drain(() => new Date(windowEnd - 1000));
    expect(night.received.length + strict.received.length).toBe(before);
  });

  it('when it ends each channel gets one digest, signed, with exactly the alerts it held, even with three senders at once', async () => {
    const at = () => new Date(windowEnd + 1000);
    await Promise.all([sendDue(db(), { owner: 'instance-a', now: at }), sendDue(db(), { owner: 'instance-b', now: at }), sendDue(db(), { owner: 'instance-c', now: at })]);
    await drain(at);

    const [nightDigest, ...moreNight] = digestsAt(night);
    const [strictDigest, ...moreStrict] = digestsAt(strict);
    expect(moreNight).toEqual([]);
    expect(moreStrict).toEqual([]);
    for (const [hook, digest, expected] of [[night, nightDigest, raised.filter((a) => !isSevere(a))], [strict, strictDigest, raised]] as const) {
      expect(digest!.validSignature).toBe(true);
      const body = digest!.json as Digest;
      expect(body.idempotencyKey).toBe(digest!.headers['idempotency-key']);
      expect(body.digest).toMatchObject({ count: expected.length, quietHours: expect.stringMatching(/^\d\d:\d\d–\d\d:\d\d UTC$/), windowEnd: new Date(windowEnd).toISOString() });
      // In the order they were raised.
      const order = [...expected].sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || a.id.localeCompare(b.id)).map((a) => a.id);
      expect(body.digest.alerts.map((a) => a.id)).toEqual(order);
      // Each alert once on each channel: in the digest or on its own, never both.
      expect(alertIdsAt(hook).filter((id) => order.includes(id as string))).toEqual([]);
    }

    const left = await db().select().from(alertDeliveries).where(inArray(alertDeliveries.status, ['held', 'pending']));
    expect(left).toEqual([]);
    const inbox = await listAlerts(db(), { ...INITIAL_ALERT_FILTERS, state: 'all' });
    const mild = inbox.alerts.find((a) => a.id === raised.find((r) => !isSevere(r))!.id)!;
    expect(mild.deliveries.find((d) => d.channel === 'Night desk')).toMatchObject({ status: 'sent', inDigest: true });
    const history = (await channelsView(db())).find((c) => c.id === strictId)!.history;
    expect(history[0]).toMatchObject({ ok: true, statusCode: 200, test: false, alertTitle: `Digest of ${raised.length} alerts held during quiet hours` });
  });

  it('later passes send nothing more', async () => {
    const before = night.received.length + strict.received.length;
    await drain(() => new Date(windowEnd + HOUR));
    expect(night.received.length + strict.received.length).toBe(before);
  });
});
