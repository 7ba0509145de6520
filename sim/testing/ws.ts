import { WebSocket } from 'ws';

/** A test listener on a simulator stream: keeps every message, waits for one matching a condition. */
export interface Probe {
  messages: unknown[];
  next(match: (m: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  closed: Promise<number>;
  close(): void;
}

export async function listen(url: string): Promise<Probe> {
  const ws = new WebSocket(url);
  const messages: unknown[] = [];
  const waiters: Array<{ match: (m: unknown) => boolean; resolve: (m: unknown) => void; from: number }> = [];
  ws.on('message', (raw) => {
    const m: unknown = JSON.parse(String(raw));
    messages.push(m);
    for (const w of [...waiters]) {
      if (w.match(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
  let seen = 0;
  return {
    messages,
    closed,
    close: () => ws.close(),
    // Looks at messages after the last one a previous next() matched, then waits for new ones.
    next(match, timeoutMs = 5_000) {
      for (let i = seen; i < messages.length; i++) {
        if (match(messages[i])) {
          seen = i + 1;
          return Promise.resolve(messages[i]);
        }
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching message in ${timeoutMs} ms; got ${JSON.stringify(messages.slice(-5))}`)), timeoutMs);
        waiters.push({
          match,
          from: messages.length,
          resolve: (m) => {
            clearTimeout(timer);
            seen = messages.length;
            resolve(m);
          },
        });
      });
    },
  };
}

export function wsUrl(httpUrl: string, path: string): string {
  return httpUrl.replace(/^http/, 'ws') + path;
}
