import { LIVE_EVENT, type LiveMessage } from '@/lib/contracts/live';

/** One Server-Sent Events frame of the live stream, as `/api/live` writes it and `EventSource` reads it. */
export function liveFrame(m: LiveMessage): string {
  return `event: ${LIVE_EVENT}\ndata: ${JSON.stringify(m)}\n\n`;
}
