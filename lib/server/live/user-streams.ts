import 'server-only';
import type { ExchangeClient } from '../exchange';
import type { ListenKind } from '../exchange/methods';

/**
 * The listen keys of the accounts one user-stream connection carries, of the given kinds (cross margin: risk and
 * trade; Portfolio Margin Pro: its own): created on (re)connection, kept alive on a timer (Binance: a key lives
 * 60 min; a PUT extends it), forgotten when the exchange says one expired.
 */
export class ListenKeySet {
  private readonly keys = new Map<string, Partial<Record<ListenKind, string>>>();
  private readonly owner = new Map<string, { email: string; kind: ListenKind }>();

  constructor(
    private readonly clients: Map<string, ExchangeClient>,
    private readonly kinds: readonly ListenKind[],
  ) {}

  ownerOf(listenKey: string) {
    return this.owner.get(listenKey);
  }

  /**
   * Every stream name for a (re)connection. Each key is POSTed again: Binance returns the account's active key
   * and extends it, or a new one when it expired, so a connection never opens on a dead key (UID weight 1 each).
   */
  async ensure(emails: string[]): Promise<string[]> {
    const names: string[] = [];
    for (const email of emails) {
      const client = this.clients.get(email);
      if (!client) continue;
      const k = this.keys.get(email) ?? {};
      for (const kind of this.kinds) {
        const { listenKey } = await client.createListenKey(kind);
        if (k[kind] && k[kind] !== listenKey) this.owner.delete(k[kind]!);
        k[kind] = listenKey;
        this.owner.set(listenKey, { email, kind });
        names.push(listenKey);
      }
      this.keys.set(email, k);
    }
    return names;
  }

  forget(listenKey: string): void {
    const o = this.owner.get(listenKey);
    if (!o) return;
    this.owner.delete(listenKey);
    const k = this.keys.get(o.email);
    if (k) delete k[o.kind];
  }

  /** PUT on every key; a key the exchange no longer knows (-1125) is forgotten and reported. */
  async keepAlive(): Promise<string[]> {
    const lost: string[] = [];
    for (const [listenKey, o] of [...this.owner]) {
      try {
        await this.clients.get(o.email)?.keepAliveListenKey(o.kind, listenKey);
      } catch {
        this.forget(listenKey);
        lost.push(o.email);
      }
    }
    return lost;
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.owner].map(([key, o]) => this.clients.get(o.email)?.closeListenKey(o.kind, key)));
    this.owner.clear();
    this.keys.clear();
  }
}
