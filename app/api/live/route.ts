import { z } from 'zod';
import type { LiveMessage } from '@/lib/contracts/live';
import { liveFrame } from '@/lib/live/sse';
import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { liveHub } from '@/lib/server/live/registry';
import { currentMaster } from '@/lib/server/views/latest';

const liveQuery = z.object({ masterId: z.uuid().optional() });
/** Keeps proxies from closing an idle stream; the browser ignores comment lines. */
const HEARTBEAT_MS = 15_000;

/** Server-Sent Events: the live figures of the master's accounts (docs/live.md); 204 before any master exists. */
export const GET = apiRoute({ permission: 'dashboard.read', query: liveQuery }, async ({ req, query }) => {
  const master = await currentMaster(await getDb(), query.masterId);
  if (!master) return new Response(null, { status: 204 });
  const hub = liveHub(master.id);
  const encoder = new TextEncoder();
  let cleanup = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (m: LiveMessage) => {
        try {
          controller.enqueue(encoder.encode(liveFrame(m)));
        } catch {
          cleanup();
        }
      };
      const off = hub.subscribe(send);
      const beat = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(': keep-alive\n\n'));
        } catch {
          cleanup();
        }
      }, HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(beat);
        off();
      };
      req.signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' } });
});
