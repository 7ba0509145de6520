import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertChannels, alertRules, alerts } from '@/lib/server/db/schema';
import { demoRefreshed, email } from '@/lib/server/views/demo-refresh.test-support';
import { sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';
import { POST as ack } from './[id]/ack/route';
import { POST as addChannel, GET as listChannels } from './channels/route';
import { PUT as putQuietHours } from './channels/[id]/quiet-hours/route';
import { GET as count } from './count/route';
import { PUT as putRule } from './rules/[id]/route';
import { GET as listRules, POST as addRule } from './rules/route';
import { GET as list } from './route';

let demo: Awaited<ReturnType<typeof demoRefreshed>>;
let owner: string;
let ops: string;

type Handler = typeof list;
const call = (handler: Handler, cookie: string, init: { method?: string; body?: unknown; params?: Record<string, string>; query?: string } = {}) =>
  handler(
    new Request(`http://localhost/api/alerts${init.query ?? ''}`, {
      method: init.method ?? 'GET',
      headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve(init.params ?? {}) },
  );
const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  demo = await demoRefreshed();
  owner = await sessionCookieFor(demo.database.db, 'owner');
  ops = await sessionCookieFor(demo.database.db, 'ops');
});
afterAll(() => demo?.close());

describe('/api/alerts', () => {
  it('the first refresh of the demo raised the default rules’ alerts; ops reads them, filtered, and the count', async () => {
    const res = await call(list, ops, { query: `?state=open&kind=keys_near_limit` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { alerts: { account: string; title: string; link: string }[]; open: number; matching: number };
    expect(body.alerts.map((a) => a.title)).toEqual(['desk-hotel: 30 of 30 keys (27 or more of 30 keys)']);
    expect(body.alerts[0]!.link).toBe('/accounts/desk-hotel%40fundx.example');
    const { open } = (await (await call(count, ops)).json()) as { open: number };
    expect(open).toBe(body.open);
    expect(open).toBeGreaterThan(1);
  });

  it('ops acknowledges with a note; a second acknowledge is refused; the note is kept and audited', async () => {
    const [row] = await demo.database.db.select().from(alerts).where(eq(alerts.accountEmail, email('desk-hotel')));
    const empty = await call(ack, ops, { method: 'POST', params: { id: row!.id }, body: { note: '  ' } });
    expect(empty.status).toBe(400);
    const ok = await call(ack, ops, { method: 'POST', params: { id: row!.id }, body: { note: 'Hotel is exiting: keys go with it.' } });
    expect(ok.status).toBe(200);
    const again = await call(ack, ops, { method: 'POST', params: { id: row!.id }, body: { note: 'again' } });
    expect(again.status).toBe(409);
    const [after] = await demo.database.db.select().from(alerts).where(eq(alerts.id, row!.id));
    expect(after).toMatchObject({ ackNote: 'Hotel is exiting: keys go with it.', acknowledgedBy: expect.stringContaining('ops-') });
  });

  it('only owners edit rules and channels', async () => {
    expect((await call(addRule, ops, { method: 'POST', body: { kind: 'margin_level', threshold: '1.5' } })).status).toBe(403);
    expect((await call(addChannel, ops, { method: 'POST', body: { kind: 'email', name: 'x', to: ['a@b.example'] } })).status).toBe(403);
    expect((await call(listRules, ops)).status).toBe(200);
  });

  it.each([
    [{ kind: 'liquidation_distance', threshold: '-5' }, 'threshold: must be a number that is not negative'],
    [{ kind: 'projected_loan', threshold: '1000', shockPercent: '-100' }, 'shockPercent: must be above −100 %'],
    [{ kind: 'margin_level', threshold: '1.5', scope: { kind: 'account', email: 'nobody@fundx.example' } }, 'scope.email: No sub-account nobody@fundx.example is known'],
  ])('refuses %j with a clear 400 and saves nothing', async (body, why) => {
    const res = await call(addRule, owner, { method: 'POST', body });
    expect(res.status).toBe(400);
    expect(await message(res)).toContain(why);
    expect(await demo.database.db.select().from(alertRules)).toEqual([]);
  });

  it('an owner edits a default and adds a rule for one account', async () => {
    const put = await call(putRule, owner, { method: 'PUT', params: { id: 'default-distance' }, body: { kind: 'liquidation_distance', threshold: '15', rearmMargin: '3', escalationStep: '5' } });
    expect(put.status).toBe(200);
    const added = await call(addRule, owner, { method: 'POST', body: { kind: 'margin_level', threshold: '1.5', scope: { kind: 'account', email: 'DESK-ALPHA@fundx.example' } } });
    expect(added.status).toBe(201);
    const { rules } = (await (await call(listRules, ops)).json()) as { rules: { id: string; threshold: string; edited: boolean; scope: unknown }[] };
    expect(rules.find((r) => r.id === 'default-distance')).toMatchObject({ threshold: '15', edited: true });
    expect(rules.at(-1)).toMatchObject({ threshold: '1.5', scope: { kind: 'account', email: email('desk-alpha') } });
  });

  it('a webhook must be https (loopback http only in demo or test); secrets never come back', async () => {
    const http = await call(addChannel, owner, { method: 'POST', body: { kind: 'webhook', name: 'Ops', format: 'generic', url: 'http://hooks.example/x', signingSecret: 'secret-0123456789abcdef' } });
    expect(http.status).toBe(400);
    expect(await message(http)).toContain('url: must use https');
    const ok = await call(addChannel, owner, { method: 'POST', body: { kind: 'webhook', name: 'Slack', format: 'slack', url: 'https://hooks.slack.example/T000/B000/XXXXSECRET', signingSecret: 'secret-0123456789abcdef' } });
    expect(ok.status).toBe(201);
    const text = await (await call(listChannels, ops)).text();
    expect(text).toContain('hooks.slack.example');
    expect(text).not.toContain('XXXXSECRET');
    expect(text).not.toContain('secret-0123456789abcdef');
    const [row] = await demo.database.db.select().from(alertChannels);
    expect(row!.sealedConfig).not.toContain('XXXXSECRET');
  });

  it('quiet hours: only owners set them; a zone Intl does not know, or a malformed time, is refused and nothing saved', async () => {
    const [row] = await demo.database.db.select().from(alertChannels);
    const put = (cookie: string, quietHours: unknown) => call(putQuietHours, cookie, { method: 'PUT', params: { id: row!.id }, body: { quietHours } });
    const night = { start: '22:00', end: '07:00', timeZone: 'europe/paris', severeBreaksThrough: true };
    expect((await put(ops, night)).status).toBe(403);
    const badZone = await put(owner, { ...night, timeZone: 'Europe/Atlantis' });
    expect(badZone.status).toBe(400);
    expect(await message(badZone)).toBe('Invalid body: quietHours.timeZone: Time zone “Europe/Atlantis” is not a known IANA zone (such as Europe/Paris or America/New_York)');
    expect((await put(owner, { ...night, start: '25:00' })).status).toBe(400);
    expect((await put(owner, { ...night, end: '22:00' })).status).toBe(400);
    const stored = async () => (await demo.database.db.select().from(alertChannels).where(eq(alertChannels.id, row!.id)))[0]!.quietHours;
    expect(await stored()).toBeNull();

    const ok = await put(owner, night);
    expect(ok.status).toBe(200);
    expect(await stored()).toEqual({ ...night, timeZone: 'Europe/Paris' });
    const listed = (await (await call(listChannels, ops)).json()) as { id: string; quietHours: unknown; held: number }[];
    expect(listed.find((c) => c.id === row!.id)).toMatchObject({ quietHours: { timeZone: 'Europe/Paris', start: '22:00' }, held: 0 });
    expect((await put(owner, null)).status).toBe(200);
    expect(await stored()).toBeNull();
  });
});
