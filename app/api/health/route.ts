import { sql } from 'drizzle-orm';
import { getDatabase } from '@/lib/server/db/client';

export const dynamic = 'force-dynamic';

/** Public liveness check for load balancers: no session, no secrets, just whether the database answers. */
export async function GET(): Promise<Response> {
  try {
    const { db } = await getDatabase();
    await db.execute(sql`select 1`);
    return Response.json({ status: 'ok', db: 'ok' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return Response.json({ status: 'error', db: 'unavailable', reason }, { status: 503 });
  }
}
