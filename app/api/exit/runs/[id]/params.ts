import { z } from 'zod';

export const runParams = z.object({ id: z.uuid() });
/** Every command names the run version the person saw (optimistic concurrency). */
export const versionBody = z.object({ version: z.number().int().min(1) });
