import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, PERMISSIONS } from '@/lib/permissions';
import { and, eq } from 'drizzle-orm';
import { setDatabaseForTesting, type Database } from '@/lib/server/db/client';
import { auditLog } from '@/lib/server/db/schema';
import { testDatabases } from '@/lib/testing/databases';
import { handlersOf, MUTATING, PUBLIC_ROUTES, requestFor, routeFiles } from '@/lib/testing/route-walk';
import { OWN_PAGE_HEADERS, sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';

describe('every API route checks the session and the role', () => {
  let database: Database;
  let opsCookie: string;
  const files = routeFiles().filter((f) => !PUBLIC_ROUTES.has(f));

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    database = await testDatabases()[0]!.open();
    setDatabaseForTesting(database);
    opsCookie = await sessionCookieFor(database.db, 'ops');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('finds the route files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', async (file) => {
    const handlers = await handlersOf(file);
    expect(handlers.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
    for (const [method, handler] of handlers) {
      expect(handler.permission, `${method} ${file} is not built with apiRoute() and a permission`).toBeDefined();
      expect(Object.keys(PERMISSIONS)).toContain(handler.permission);

      const anonymous = await handler(...requestFor(file, method, { headers: { ...OWN_PAGE_HEADERS } }));
      expect(anonymous.status, `${method} ${file} anonymous`).toBe(401);

      if (MUTATING.has(method)) {
        const asOps = await handler(...requestFor(file, method, { headers: { ...OWN_PAGE_HEADERS, cookie: opsCookie } }));
        const opsAllowed = can('ops', handler.permission as keyof typeof PERMISSIONS);
        if (opsAllowed) expect(asOps.status, `${method} ${file} ops`).not.toBe(403);
        else {
          expect(asOps.status, `${method} ${file} ops`).toBe(403);
          // The refusal is in the audit trail: who tried which route, and the permission it needs.
          const [refused] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'access.refused'), eq(auditLog.requestId, asOps.headers.get('x-request-id')!)));
          expect(refused, `${method} ${file} refusal audited`).toMatchObject({ actorEmail: expect.stringContaining('@'), role: 'ops', after: { permission: handler.permission } });
          expect(refused!.target).toMatch(new RegExp(`^${method} /api/`));
        }
      }
    }
  });
});
