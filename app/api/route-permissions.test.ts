import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, PERMISSIONS } from '@/lib/permissions';
import { setDatabaseForTesting, type Database } from '@/lib/server/db/client';
import { testDatabases } from '@/lib/testing/databases';
import { sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';

// Routes that are public by design. Every other route must be built with apiRoute() and a permission.
const PUBLIC_ROUTES = new Set(['health/route.ts', 'health/live/route.ts', 'health/ready/route.ts', 'auth/[...nextauth]/route.ts']);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const API_DIR = path.join(process.cwd(), 'app', 'api');

function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === 'route.ts' ? [path.relative(API_DIR, full)] : [];
  });
}

/** A URL for the route with every dynamic segment filled, and Next's params promise to match. */
function requestFor(file: string, method: string, cookie?: string) {
  const params: Record<string, string> = {};
  const urlPath = path
    .dirname(file)
    .split(path.sep)
    .map((segment) => {
      const m = /^\[(.+)\]$/.exec(segment);
      if (!m) return segment;
      params[m[1]!] = '00000000-0000-4000-8000-000000000000';
      return params[m[1]!];
    })
    .join('/');
  const req = new Request(`http://localhost/api/${urlPath}`, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: MUTATING.has(method) ? '{}' : undefined,
  });
  return [req, { params: Promise.resolve(params) }] as const;
}

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
    const mod = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
    const handlers = METHODS.filter((m) => typeof mod[m] === 'function');
    expect(handlers.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
    for (const method of handlers) {
      const handler = mod[method] as ((...args: unknown[]) => Promise<Response>) & { permission?: string };
      expect(handler.permission, `${method} ${file} is not built with apiRoute() and a permission`).toBeDefined();
      expect(Object.keys(PERMISSIONS)).toContain(handler.permission);

      const anonymous = await handler(...requestFor(file, method));
      expect(anonymous.status, `${method} ${file} anonymous`).toBe(401);

      if (MUTATING.has(method)) {
        const asOps = await handler(...requestFor(file, method, opsCookie));
        const opsAllowed = can('ops', handler.permission as keyof typeof PERMISSIONS);
        if (opsAllowed) expect(asOps.status, `${method} ${file} ops`).not.toBe(403);
        else expect(asOps.status, `${method} ${file} ops`).toBe(403);
      }
    }
  });
});
