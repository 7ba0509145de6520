import { checkReadiness } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

/**
 * Readiness (docs/production.md, Health): 200 when this instance should take traffic, else 503 with the
 * failing checks. Public like liveness: it names no secret, account or figure.
 */
export async function GET(): Promise<Response> {
  const result = await checkReadiness();
  return Response.json({ status: result.ready ? 'ready' : 'not_ready', checks: result.checks }, { status: result.ready ? 200 : 503 });
}
