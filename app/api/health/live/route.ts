export const dynamic = 'force-dynamic';

/** Liveness (docs/production.md, Health): the process answers. No database, no session, no secrets. */
export function GET(): Response {
  return Response.json({ status: 'ok' });
}
