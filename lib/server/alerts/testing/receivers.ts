import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../signature';

export type Received = { headers: IncomingHttpHeaders; body: string; json: unknown; validSignature: boolean; answered: number };

/**
 * A real webhook receiver on loopback (node:http), checking every request's signature as a customer's
 * receiver would. `failNext(n)` makes it answer 500 to the next n requests.
 */
export async function startWebhookReceiver(secret: string) {
  const received: Received[] = [];
  let failures = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const answered = failures > 0 ? 500 : 200;
      if (failures > 0) failures--;
      const header = (name: string) => (req.headers[name] as string | undefined) ?? null;
      received.push({
        headers: req.headers, body, json: JSON.parse(body), answered,
        validSignature: verifySignature(secret, { signature: header(SIGNATURE_HEADER), timestamp: header(TIMESTAMP_HEADER) }, body),
      });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'receiver down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** Requests answered 200, one per idempotency key: what a receiver that drops duplicates keeps. */
    accepted: () => received.filter((r) => r.answered === 200),
    failNext(n: number) {
      failures = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Mail = { from: string; to: string[]; raw: string; subject: string; alertId: string | null };

/** A real SMTP server on loopback (smtp-server), keeping every message it accepts. */
export async function startSmtpServer() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        const header = (name: string) => new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw)?.[1]?.replace(/\r?\n[ \t]+/g, ' ') ?? null;
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw, subject: header('Subject') ?? '', alertId: header('X-Marginwatch-Alert-Id'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
