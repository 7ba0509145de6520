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

export type WebhookFormat = 'generic' | 'slack' | 'discord';

function figuresLine(m: AlertMessage): string {
  return Object.entries(m.figures).filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`).join(' · ');
}

export function webhookBody(format: WebhookFormat, m: AlertMessage): unknown {
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

export function emailText(m: AlertMessage): { subject: string; text: string } {
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
