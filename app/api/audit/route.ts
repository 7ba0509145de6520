import { apiRoute, pageQuery } from '@/lib/server/api/handler';
import { listAudit } from '@/lib/server/audit';
import { auditFilterQuery } from './query';

export const GET = apiRoute({ permission: 'audit.read', query: pageQuery.extend(auditFilterQuery.shape) }, ({ query }) =>
  listAudit({ ...query, actor: query.actor || undefined, account: query.account || undefined }),
);
