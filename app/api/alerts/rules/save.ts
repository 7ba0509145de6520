import type { AlertRuleInput } from '@/lib/contracts/alerts';
import { badRequest } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { saveRule, UnknownAccountError } from '@/lib/server/alerts/rules-store';

/** Saves a rule; an account nobody knows is the person's mistake (400), nothing saved. */
export async function saveRuleOr400(id: string, body: AlertRuleInput, by: string) {
  try {
    return await saveRule(await getDb(), id, body, by);
  } catch (error) {
    if (error instanceof UnknownAccountError) throw badRequest(`Invalid body: scope.email: ${error.message}`);
    throw error;
  }
}
