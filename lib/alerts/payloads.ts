/**
 * What a webhook receives (docs/alerts.md#webhooks): marginwatch's own JSON, or a body Slack's and Discord's
 * incoming webhooks accept. Pure: the sender signs and posts it.
 */
export type AlertMessage = {
  id: string;
  kind: string;
  transition: 'fire' | 'escalate' | 'test';
  level: number;
  title: string;
  condition: string;
  account: string | null;
  figures: Record<string, string | number | null>;
  raisedAt: string;
  /** The account page (or the inbox for a desk-level alert), absolute. */
  link: string;
};

/**
 * The alerts a channel held during its quiet hours, sent as one message when the window ended
 * (docs/alerts.md#quiet-hours). `id` is the digest's own, and its idempotency key.
 */
export type DigestMessage = {
  id: string;
  /** "22:00–07:00 Europe/Paris"; null if the channel's quiet hours were removed since. */
  quietHours: string | null;
  windowEnd: string;
  alerts: AlertMessage[];
  /** The inbox, absolute. */
  link: string;
};

export type Outbound = AlertMessage | DigestMessage;
export const isDigest = (m: Outbound): m is DigestMessage => 'alerts' in m;

export type WebhookFormat = 'generic' | 'slack' | 'discord';

function digestHeadline(d: DigestMessage): string {
  const n = d.alerts.length;
  return `Digest: ${n} alert${n === 1 ? '' : 's'} held during quiet hours${d.quietHours ? ` (${d.quietHours})` : ''}`;
}

function digestBody(format: WebhookFormat, d: DigestMessage): unknown {
  const lines = d.alerts.map((a) => `• ${a.transition === 'escalate' ? 'Worse: ' : ''}${a.title}`);
  switch (format) {
    case 'generic':
      return { type: 'marginwatch.digest', idempotencyKey: d.id, digest: { quietHours: d.quietHours, windowEnd: d.windowEnd, count: d.alerts.length, alerts: d.alerts, link: d.link } };
    case 'slack':
      return { text: [digestHeadline(d), ...lines, `<${d.link}|Open the inbox>`].join('\n') };
    case 'discord': {
      // Discord refuses content over 2,000 characters: the lines that do not fit are counted instead.
      const tail = `\n${d.link}`;
      let content = digestHeadline(d);
      let shown = 0;
      for (const line of lines) {
        const more = `\n… and ${lines.length - shown - 1} more`;
        if (content.length + 1 + line.length + more.length + tail.length > 2000) break;
        content += `\n${line}`;
        shown++;
      }
      if (shown < lines.length) content += `\n… and ${lines.length - shown} more`;
      return { content: content + tail, allowed_mentions: { parse: [] } };
    }
  }
}

function figuresLine(m: AlertMessage): string {
  return Object.entries(m.figures).filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`).join(' · ');
}

export function webhookBody(format: WebhookFormat, m: Outbound): unknown {
  if (isDigest(m)) return digestBody(format, m);
  const head = m.transition === 'escalate' ? '⚠ Worse' : m.transition === 'test' ? 'Test' : '⚠ Alert';
  switch (format) {
    case 'generic':
      return { type: 'marginwatch.alert', idempotencyKey: m.id, alert: m };
    case 'slack':
      return { text: `${head}: ${m.title}\n${figuresLine(m)}\n<${m.link}|Open in marginwatch>` };
    case 'discord':
      // Discord refuses content over 2,000 characters.
      return { content: `${head}: ${m.title}\n${figuresLine(m)}\n${m.link}`.slice(0, 2000), allowed_mentions: { parse: [] } };
  }
}

export function emailText(m: Outbound): { subject: string; text: string } {
  if (isDigest(m)) {
    const blocks = m.alerts.map((a) => [a.title, `  Rule: ${a.condition}`, `  Raised: ${a.raisedAt}`, `  Open: ${a.link}`].join('\n'));
    return { subject: `[marginwatch] ${digestHeadline(m)}`.slice(0, 200), text: [digestHeadline(m), '', ...blocks, '', `Inbox: ${m.link}`, `Digest id: ${m.id}`].join('\n') };
  }
  const head = m.transition === 'escalate' ? 'Worse' : m.transition === 'test' ? 'Test' : 'Alert';
  return {
    subject: `[marginwatch] ${head}: ${m.title}`.slice(0, 200),
    text: [m.title, '', `Rule: ${m.condition}`, ...Object.entries(m.figures).map(([k, v]) => `${k}: ${v ?? '—'}`), '', `Raised: ${m.raisedAt}`, `Open: ${m.link}`, `Alert id: ${m.id}`].join('\n'),
  };
}

/** The page an alert links to: the account with its figures, or the inbox for the desk as a whole. */
export function alertPath(account: string | null): string {
  return account ? `/accounts/${encodeURIComponent(account)}` : '/alerts';
}
