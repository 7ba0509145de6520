// Test-only: every API route file under app/api, and a request for each with its dynamic segments filled.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Routes that are public by design. Every other route must be built with apiRoute() and a permission.
export const PUBLIC_ROUTES = new Set(['health/route.ts', 'health/live/route.ts', 'health/ready/route.ts', 'auth/[...nextauth]/route.ts']);
export const API_DIR = path.join(process.cwd(), 'app', 'api');

export type Handler = ((...args: unknown[]) => Promise<Response>) & { permission?: string };

export function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return routeFiles(full);
      return name === 'route.ts' ? [path.relative(API_DIR, full)] : [];
    })
    .sort();
}

/** The handlers a route file exports, by HTTP method. */
export async function handlersOf(file: string): Promise<[string, Handler][]> {
  const mod = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
  return METHODS.filter((m) => typeof mod[m] === 'function').map((m) => [m, mod[m] as Handler]);
}

/** A URL for the route with every dynamic segment filled (`values` by segment name), and Next's params promise. */
export function requestFor(
  file: string,
  method: string,
  init: { headers?: Record<string, string>; body?: string; values?: Record<string, string> } = {},
) {
  const params: Record<string, string> = {};
  const urlPath = path
    .dirname(file)
    .split(path.sep)
    .map((segment) => {
      const m = /^\[(.+)\]$/.exec(segment);
      if (!m) return segment;
      params[m[1]!] = init.values?.[m[1]!] ?? '00000000-0000-4000-8000-000000000000';
      return encodeURIComponent(params[m[1]!]!);
    })
    .join('/');
  const req = new Request(`http://localhost/api/${urlPath}`, {
    method,
    headers: init.headers,
    body: MUTATING.has(method) ? (init.body ?? '{}') : undefined,
  });
  return [req, { params: Promise.resolve(params) }] as const;
}
