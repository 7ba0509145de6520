import { z } from 'zod';
import { apiRoute, pageQuery } from '@/lib/server/api/handler';
import { listAudit } from '@/lib/server/audit';

const auditQuery = pageQuery.extend({
  actor: z.string().trim().max(320).optional(),
  action: z.string().trim().regex(/^[a-z_]+\.[a-z_]+$/, 'an action like auth.signin').optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export const GET = apiRoute({ permission: 'audit.read', query: auditQuery }, ({ query }) =>
  listAudit({ ...query, actor: query.actor || undefined }),
);
