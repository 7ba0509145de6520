import 'server-only';

// The offset between the exchange's clock and ours, from GET /api/v3/time. Binance rejects a timestamp more than
// 1 s ahead of its clock or older than recvWindow (-1021), so signed requests use now() + offset.
export class ClockOffset {
  private offsetMs: number | null = null;

  constructor(private readonly now: () => number) {}

  get synced(): boolean {
    return this.offsetMs !== null;
  }

  // The round trip is split in half: the server read its clock somewhere in the middle of it.
  update(serverTime: number, sentAt: number, receivedAt: number): void {
    this.offsetMs = Math.round(serverTime - (sentAt + receivedAt) / 2);
  }

  timestamp(): number {
    return this.now() + (this.offsetMs ?? 0);
  }

  get offset(): number {
    return this.offsetMs ?? 0;
  }
}
