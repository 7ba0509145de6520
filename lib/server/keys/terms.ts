import 'server-only';
import { eq } from 'drizzle-orm';
import { notFound } from '../api/errors';
import type { Db } from '../db/client';
import { termsRecords } from '../db/schema';
import { refreshAfterChange } from '../refresh/refresh-after-change';
import { currentMaster } from '../views/latest';
import type { ActionActor } from './actions';
import { logger } from '../log/logger';

/**
 * Records (or corrects) when the master signed the Supplemental Product Terms: no API reports it, so the
 * owner's record is the evidence. The risk engine reads it at the next refresh, started here.
 */
export async function recordTerms(db: Db, input: { signedOn: string; note: string }, actor: ActionActor) {
  const master = await currentMaster(db);
  if (!master) throw notFound('A master connection');
  const [before] = await db.select().from(termsRecords).where(eq(termsRecords.masterId, master.id));
  const values = { signedOn: new Date(`${input.signedOn}T00:00:00Z`), note: input.note, recordedBy: actor.email, recordedAt: new Date() };
  await db.insert(termsRecords).values({ masterId: master.id, ...values }).onConflictDoUpdate({ target: termsRecords.masterId, set: values });
  const shown = (r: { signedOn: Date; note: string } | undefined) => (r ? { signedOn: r.signedOn.toISOString().slice(0, 10), note: r.note } : null);
  await actor.audit('terms.record', `master:${master.id}`, { before: shown(before), after: shown(values) });
  refreshAfterChange(db, master.id, actor.email).catch((error) => logger('terms').error({ masterId: master.id, err: error }, 'refresh after recording failed'));
  return { signedOn: input.signedOn, note: input.note };
}
