import { z } from 'zod';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** https everywhere; plain http only to this machine, and only in demo or test (docs/alerts.md#webhooks). */
export function webhookUrlProblem(raw: string, allowLoopback: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a URL such as https://hooks.example/…';
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) {
    return allowLoopback ? null : 'must use https (plain http to this machine is allowed only in demo mode)';
  }
  return 'must use https';
}

const email = z.string().trim().email('must be an email address');

/** A channel as an owner adds it. The URL and signing secret are sealed once saved and never shown again. */
export const channelInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('webhook'),
    name: z.string().trim().min(1, 'is required').max(80),
    format: z.enum(['generic', 'slack', 'discord']),
    url: z.string().trim().min(1, 'is required').max(2000),
    /** HMAC-SHA256 key the receiver checks; at least 16 characters so it cannot be guessed. */
    signingSecret: z.string().min(16, 'must be at least 16 characters').max(200),
  }),
  z.object({
    kind: z.literal('email'),
    name: z.string().trim().min(1, 'is required').max(80),
    to: z.array(email).min(1, 'needs at least one address').max(20),
  }),
]);

export type ChannelInput = z.infer<typeof channelInputSchema>;
