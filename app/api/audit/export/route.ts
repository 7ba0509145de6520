import { z } from 'zod';
import { apiRoute } from '@/lib/server/api/handler';
import { auditCsv, exportAudit } from '@/lib/server/audit-export';
import { auditFilterQuery } from '../query';

const exportQuery = auditFilterQuery.extend({ format: z.enum(['csv', 'json'], { error: 'format must be csv or json' }).default('json') });

/** Every entry the filters match (up to the export cap, said in `x-audit-truncated`), as a CSV or JSON download. */
export const GET = apiRoute({ permission: 'audit.read', query: exportQuery }, async ({ query }) => {
  const { entries, truncated } = await exportAudit({ ...query, actor: query.actor || undefined, account: query.account || undefined });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const common = { 'x-audit-truncated': String(truncated), 'content-disposition': `attachment; filename="audit-${stamp}.${query.format}"` };
  if (query.format === 'csv') return new Response(auditCsv(entries), { headers: { ...common, 'content-type': 'text/csv; charset=utf-8' } });
  return new Response(JSON.stringify({ entries, truncated }, null, 2), { headers: { ...common, 'content-type': 'application/json' } });
});
