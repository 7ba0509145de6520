import { z } from 'zod';
import { IMPLAUSIBLE_DATE, isPlausibleDate } from '@/lib/security/input';

/** The audit log's filters, shared by the page's list and the export. */
export const auditFilterQuery = z.object({
  actor: z.string().trim().max(320).optional(),
  action: z.string().trim().regex(/^[a-z_]+\.[a-z_]+$/, 'an action like auth.signin').optional(),
  account: z.string().trim().max(320).optional(),
  from: z.coerce.date().refine(isPlausibleDate, IMPLAUSIBLE_DATE).optional(),
  to: z.coerce.date().refine(isPlausibleDate, IMPLAUSIBLE_DATE).optional(),
});
