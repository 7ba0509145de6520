import 'server-only';
import { randomUUID } from 'node:crypto';
import { z, type ZodType } from 'zod';
import type { AuditAction } from '@/lib/audit-actions';
import { can, type Permission } from '@/lib/permissions';
import { API_CACHE_CONTROL } from '@/lib/security/headers';
import { findNul, hasValidEscapes, MAX_BODY_BYTES } from '@/lib/security/input';
import { refuseForeignRequest, refuseNonJson } from '@/lib/security/same-origin';
import { needsStepUp } from '@/lib/security/step-up';
import { writeAudit } from '../audit';
import { requireStepUp } from '../auth/second-factor';
import { sessionFromRequest, type SessionUser } from '../auth/session';
import { getDb } from '../db/client';
import { isDraining } from '../lifecycle';
import { actOnce } from './claims';
import { ApiError, badRequest, forbidden, toApiError, unauthorized } from './errors';
import { logger } from '../log/logger';

interface Spec<P, Q, B> {
  permission: Permission;
  /**
   * An action that must act once: at most one at a time per the scope this names (e.g. the account), and once
   * per Idempotency-Key header (claims.ts; docs/security.md, "Acting once").
   */
  oncePer?: (input: { params: P; body: B }) => string;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
}

export interface HandlerContext<P, Q, B> {
  req: Request;
  user: SessionUser;
  /** The session this request came with (its row holds the last second-factor proof). */
  sessionId: string;
  params: P;
  query: Q;
  body: B;
  requestId: string;
  audit(action: AuditAction, target: string | null, change?: { before?: unknown; after?: unknown }): Promise<void>;
}

type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

export type RouteHandler = ((req: Request, ctx: NextRouteContext) => Promise<Response>) & { permission: Permission };

/**
 * The one wrapper every API route goes through: origin → session → role → a recent second factor (for actions
 * on the exchange or the connections) → zod-validated input → handler → typed errors to HTTP. A state-changing request from anywhere but our own pages, or not in JSON, is
 * refused before anything else (docs/security.md). The permission is checked before the input is even
 * parsed, so a forbidden caller learns nothing about the shape of the request.
 */
export function apiRoute<P = undefined, Q = undefined, B = undefined>(
  spec: Spec<P, Q, B>,
  handler: (ctx: HandlerContext<P, Q, B>) => Promise<unknown>,
): RouteHandler {
  const route = async (req: Request, ctx: NextRouteContext): Promise<Response> => {
    const requestId = req.headers.get('x-request-id') ?? randomUUID();
    try {
      const refusal = refuseForeignRequest(req) ?? refuseNonJson(req);
      if (refusal) throw new ApiError(refusal.status, refusal.code, refusal.message);
      // A stopping instance starts nothing new; the balancer's readiness check already sends people elsewhere.
      if (req.method !== 'GET' && req.method !== 'HEAD' && isDraining()) throw new ApiError(503, 'shutting_down', 'This marginwatch instance is shutting down; nothing was changed. Try again in a moment.');
      const session = await sessionFromRequest(req);
      if (!session) throw unauthorized();
      const { user } = session;
      if (!can(user.role, spec.permission)) {
        // A refused attempt is part of the trail: who tried what, without the request's content.
        await writeAudit({ actor: user, action: 'access.refused', target: `${req.method} ${new URL(req.url).pathname}`, after: { permission: spec.permission }, requestId });
        throw forbidden(spec.permission);
      }
      // An action on the exchange or the connections needs a recent second factor, checked before the request
      // is even read: refused, nothing is parsed, written or sent (docs/security.md, "Second factor").
      if (needsStepUp(spec.permission, req.method)) await requireStepUp(await getDb(), user.id, session.sessionId);

      const url = new URL(req.url);
      if (!hasValidEscapes(url.pathname)) throw badRequest('The address holds a malformed %-escape.');
      const params = parse(spec.params, clean(await ctx?.params, 'path'), 'path');
      const query = parse(spec.query, clean(Object.fromEntries(url.searchParams), 'query'), 'query');
      const body = spec.body ? parse(spec.body, clean(await readJson(req), 'body'), 'body') : (undefined as B);

      const run = () =>
        handler({
          req,
          user,
          sessionId: session.sessionId,
          params,
          query,
          body,
          requestId,
          audit: (action, target, change) =>
            writeAudit({ actor: user, action, target, before: change?.before, after: change?.after, requestId }),
        });
      const result = spec.oncePer
        ? await actOnce(await getDb(), { scope: spec.oncePer({ params, body }), userId: user.id, idempotencyKey: req.headers.get('idempotency-key') }, run)
        : await run();
      const response = result instanceof Response ? result : Response.json(result ?? { ok: true });
      response.headers.set('x-request-id', requestId);
      response.headers.set('cache-control', API_CACHE_CONTROL);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
  return Object.assign(route, { permission: spec.permission });
}

function parse<T>(schema: ZodType<T> | undefined, input: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  throw badRequest(first ? `Invalid ${where}: ${first.path ? `${first.path}: ` : ''}${first.message}` : `Invalid ${where}`, issues);
}

/** Input no schema of ours should see: a NUL character anywhere (docs/security.md, "Bad input"). */
function clean<T>(input: T, where: string): T {
  const at = findNul(input);
  if (at !== null) throw badRequest(`Invalid ${where}: ${at} contains a NUL character.`);
  return input;
}

async function readJson(req: Request): Promise<unknown> {
  const text = await readLimited(req);
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The request body must be JSON.');
  }
}

/** The body as text, refused with 413 (never echoed) past MAX_BODY_BYTES, whatever Content-Length claims. */
async function readLimited(req: Request): Promise<string> {
  const tooLarge = () => new ApiError(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB; nothing was read or changed.`);
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function errorResponse(error: unknown, requestId: string): Response {
  const known = toApiError(error);
  if (known) {
    const error = known;
    return Response.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      { status: error.status, headers: { 'x-request-id': requestId, 'cache-control': API_CACHE_CONTROL } },
    );
  }
  // Unexpected: log for operators (our errors never carry secrets), show people a reference only.
  logger('api').error({ requestId, err: error }, 'request failed');
  return Response.json(
    { error: { code: 'internal', message: `Something went wrong. Reference: ${requestId}` } },
    { status: 500, headers: { 'x-request-id': requestId, 'cache-control': API_CACHE_CONTROL } },
  );
}

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
