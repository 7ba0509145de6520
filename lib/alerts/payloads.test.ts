import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from './channel-schema';
import { alertPath, emailText, webhookBody, type AlertMessage, type DigestMessage } from './payloads';

const message: AlertMessage = {
  id: '7d1c0a52-0000-4000-8000-000000000001', kind: 'margin_level', transition: 'fire', level: 0,
  title: 'desk-charlie: margin level 1.45833333 (margin level under 1.5)', condition: 'margin level under 1.5',
  account: 'desk-charlie@fundx.example', figures: { marginLevel: '1.45833333', pair: null }, raisedAt: '2026-12-01T15:00:00.000Z',
  link: 'https://mw.desk.example/accounts/desk-charlie%40fundx.example',
};

describe('alert bodies', () => {
  it('generic JSON carries the whole alert and its idempotency key', () => {
    expect(webhookBody('generic', message)).toEqual({ type: 'marginwatch.alert', idempotencyKey: message.id, alert: message });
  });

  it('Slack gets one text field with the figures and a link; Discord one content field, mentions off', () => {
    expect(webhookBody('slack', message)).toEqual({
      text: '⚠ Alert: desk-charlie: margin level 1.45833333 (margin level under 1.5)\nmarginLevel: 1.45833333\n<https://mw.desk.example/accounts/desk-charlie%40fundx.example|Open in marginwatch>',
    });
    const discord = webhookBody('discord', { ...message, transition: 'escalate', title: 'x'.repeat(3000) }) as { content: string; allowed_mentions: unknown };
    expect(discord.content.startsWith('⚠ Worse: xxx')).toBe(true);
    expect(discord.content).toHaveLength(2000);
    expect(discord.allowed_mentions).toEqual({ parse: [] });
  });

  it('email has a subject people can sort by and the alert id', () => {
    const mail = emailText(message);
    expect(mail.subject).toBe('[marginwatch] Alert: desk-charlie: margin level 1.45833333 (margin level under 1.5)');
    expect(mail.text).toContain('pair: —');
    expect(mail.text).toContain(`Alert id: ${message.id}`);
  });

  it('links to the account page, or to the inbox for the desk', () => {
    expect(alertPath('desk-a@x.example')).toBe('/accounts/desk-a%40x.example');
    expect(alertPath(null)).toBe('/alerts');
  });
});

describe('webhook URL', () => {
  it.each([
    ['https://hooks.slack.com/services/T/B/X', false, null],
    ['http://hooks.example/x', true, 'must use https'],
    ['http://127.0.0.1:9000/hook', true, null],
    ['http://localhost:9000/hook', true, null],
    ['http://[::1]:9000/hook', true, null],
    ['http://127.0.0.1:9000/hook', false, 'must use https (plain http to this machine is allowed only in demo mode)'],
    ['ftp://127.0.0.1/x', true, 'must use https'],
    ['https://user:pw@hooks.example/x', false, 'must not carry a user name or password'],
    ['not a url', true, 'must be a URL such as https://hooks.example/…'],
  ])('%s (loopback allowed: %s) → %s', (url, loopback, problem) => {
    expect(webhookUrlProblem(url, loopback)).toBe(problem);
  });
});

describe('digest bodies (quiet hours)', () => {
  const digest = (n: number): DigestMessage => ({
    id: '7d1c0a52-0000-4000-8000-0000000000d1', quietHours: '22:00–07:00 Europe/Paris', windowEnd: '2026-12-02T06:00:00.000Z',
    alerts: Array.from({ length: n }, (_, i) => ({ ...message, id: `a-${i}`, title: `desk-${i}: margin level 1.4 (margin level under 1.5)` })),
    link: 'https://mw.desk.example/alerts',
  });

  it('generic JSON: its own type, the digest id as idempotency key, every alert whole', () => {
    expect(webhookBody('generic', digest(2))).toEqual({
      type: 'marginwatch.digest', idempotencyKey: digest(2).id,
      digest: { quietHours: '22:00–07:00 Europe/Paris', windowEnd: '2026-12-02T06:00:00.000Z', count: 2, alerts: digest(2).alerts, link: 'https://mw.desk.example/alerts' },
    });
  });

  it('Slack lists every title; Discord stays under 2,000 characters and counts what it left out', () => {
    expect(webhookBody('slack', digest(2))).toEqual({
      text: 'Digest: 2 alerts held during quiet hours (22:00–07:00 Europe/Paris)\n• desk-0: margin level 1.4 (margin level under 1.5)\n• desk-1: margin level 1.4 (margin level under 1.5)\n<https://mw.desk.example/alerts|Open the inbox>',
    });
    const { content } = webhookBody('discord', digest(100)) as { content: string };
    expect(content.length).toBeLessThanOrEqual(2000);
    const shown = content.split('\n').filter((l) => l.startsWith('• ')).length;
    expect(shown).toBeGreaterThan(10);
    expect(content).toContain(`\n… and ${100 - shown} more\nhttps://mw.desk.example/alerts`);
    expect((webhookBody('discord', digest(1)) as { content: string }).content).not.toContain('more');
  });

  it('email: the count and window in the subject, each alert with its rule and link', () => {
    const { subject, text } = emailText(digest(1));
    expect(subject).toBe('[marginwatch] Digest: 1 alert held during quiet hours (22:00–07:00 Europe/Paris)');
    expect(text).toContain('desk-0: margin level 1.4 (margin level under 1.5)\n  Rule: margin level under 1.5\n  Raised: 2026-12-01T15:00:00.000Z\n  Open: https://mw.desk.example/accounts/desk-charlie%40fundx.example');
    expect(text).toContain(`Digest id: ${digest(1).id}`);
  });
});
