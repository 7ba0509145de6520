import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, forcedLiquidationMarks } from '../db/schema';
import { runRefresh } from '../refresh/run-refresh';
import { demoRefreshed, email } from '../views/demo-refresh.test-support';
import { createChannel } from './channels';
import { sendDue } from './sender';
import { startWebhookReceiver } from './testing/receivers';

const SECRET = 'whsec-forced-0123456789abcdef';

/**
 * A forced liquidation the simulator carries out is read from the account's record
 * (GET /sapi/v1/margin/forceLiquidationRec, signed by its own key) and told once per order, with its figures
 * and a link to the account; the history the first refresh found (desk-delta's March liquidation) is not news.
 */
describe('a forced liquidation is told once per order', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const db = () => demo.database.db;
  const forcedOf = async (runId: string) => db().select().from(alerts).where(and(eq(alerts.refreshId, runId), eq(alerts.kind, 'forced_liquidation')));

  beforeAll(async () => {
    hook = await startWebhookReceiver(SECRET);
    demo = await demoRefreshed();
    await createChannel(db(), { kind: 'webhook', name: 'Desk hook', format: 'generic', url: hook.url, signingSecret: SECRET }, 'owner@test');
  });
  afterAll(async () => {
    await demo?.close();
    await hook?.close();
  });

  it('the first refresh only marks what the record already held', async () => {
    const [delta] = await db().select().from(forcedLiquidationMarks).where(eq(forcedLiquidationMarks.accountEmail, email('desk-delta')));
    expect(delta?.seenIds).toHaveLength(2);
    expect(await db().select().from(alerts).where(eq(alerts.kind, 'forced_liquidation'))).toEqual([]);
  });

  it('a shock the simulator liquidates on raises one alert per order, delivered once, and the next refresh none', async () => {
    const res = await fetch(`${demo.sim.url}/__sim/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shock: '-0.45' }) });
    const { liquidations } = (await res.json()) as { liquidations: { email: string; kind: string }[] };
    const liquidated = [...new Set(liquidations.filter((l) => l.kind !== 'PORTFOLIO_MARGIN_PRO').map((l) => l.email))];
    expect(liquidated.length).toBeGreaterThan(0);

    const { runId } = await runRefresh(demo.masterId, 'manual');
    const raised = await forcedOf(runId);
    expect(raised.length).toBeGreaterThan(0);
    // Only accounts the simulator liquidated now, and only orders placed now: never desk-delta's March orders.
    expect(raised.every((a) => liquidated.includes(a.accountEmail!))).toBe(true);
    expect(raised.every((a) => Date.parse(String(a.figures.at)) > Date.now() - 3_600_000)).toBe(true);
    const ids = raised.map((a) => String(a.figures.orderId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of raised) {
      expect(a.figures).toMatchObject({ symbol: expect.stringMatching(/USDT$|USDC$/), side: expect.stringMatching(/^(BUY|SELL)$/), executedQty: expect.stringMatching(/^\d+(\.\d+)?$/) });
      expect(a.title).toContain(`${a.figures.side} ${a.figures.executedQty} ${a.figures.symbol} at ${a.figures.avgPrice}`);
    }

    while ((await sendDue(db())) > 0);
    const delivered = hook.received.filter((r) => (r.json as { alert: { kind: string } }).alert.kind === 'forced_liquidation');
    expect(delivered.map((r) => r.headers['idempotency-key']).sort()).toEqual(raised.map((a) => a.id).sort());
    expect(delivered.every((r) => r.validSignature)).toBe(true);
    const first = delivered.find((r) => r.headers['idempotency-key'] === raised[0]!.id)!;
    expect((first.json as { alert: { link: string } }).alert.link).toContain(`/accounts/${encodeURIComponent(raised[0]!.accountEmail!)}`);

    const again = await runRefresh(demo.masterId, 'manual');
    expect(await forcedOf(again.runId)).toEqual([]);
  });
});
