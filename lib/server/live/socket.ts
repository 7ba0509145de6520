import 'server-only';
import { WebSocket } from 'ws';
import { logger } from '../log/logger';
import { errorText } from '../log/redact';

export interface SocketHandlers {
  /** Builds the URL for each (re)connection: listen keys may have to be created again first. */
  url: () => Promise<string>;
  onFrame: (text: string) => void;
  /** Called on an open that follows a close or a failed attempt: whatever happened while away is read over REST. */
  onReopen: () => void | Promise<void>;
  onDown: (reason: string) => void;
}

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 };

/**
 * One WebSocket that keeps itself open: a close (the exchange's 24 h limit, a network drop, an expired
 * listen key) reconnects after an exponential backoff with jitter, so a failing exchange is not hammered.
 */
export class ReconnectingSocket {
  private ws: WebSocket | null = null;
  private failures = 0;
  /** A close or a failed attempt since the last open: the next open must resync what was missed. */
  private missed = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly handlers: SocketHandlers,
    private readonly backoff: BackoffOptions = DEFAULT_BACKOFF,
  ) {}

  start(): void {
    void this.connect();
  }

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Closes and opens again now (e.g. with a new listen key); counts as a reconnection. */
  restart(reason: string): void {
    if (this.stopped) return;
    const ws = this.ws;
    this.ws = null;
    ws?.removeAllListeners();
    ws?.on('error', () => undefined);
    ws?.terminate();
    this.down(reason);
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.removeAllListeners();
    this.ws?.on('error', () => undefined);
    this.ws?.terminate();
    this.ws = null;
  }

  private async connect(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    let url: string;
    try {
      url = await this.handlers.url();
    } catch (e) {
      this.down(`could not prepare the stream: ${errorText(e)}`);
      return this.retry();
    }
    if (this.stopped) return;
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.on('open', () => {
      this.failures = 0;
      const again = this.missed;
      this.missed = false;
      if (again) void this.handlers.onReopen();
    });
    ws.on('message', (data) => this.handlers.onFrame(String(data)));
    ws.on('error', () => undefined); // 'close' follows and decides
    ws.on('close', (code) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.down(`stream closed (${code})`);
      this.retry();
    });
  }

  private down(reason: string): void {
    this.missed = true;
    logger('live').warn({ reason }, 'stream down');
    this.handlers.onDown(reason);
  }

  private retry(): void {
    if (this.stopped) return;
    this.failures++;
    const ceiling = Math.min(this.backoff.capMs, this.backoff.baseMs * 2 ** (this.failures - 1));
    this.schedule(Math.round(ceiling * (0.5 + Math.random() / 2)));
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), ms);
  }
}
