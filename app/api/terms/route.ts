import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { recordTerms } from '@/lib/server/keys/terms';
import { termsSchema } from '@/lib/server/keys/schemas';

export const PUT = apiRoute({ permission: 'terms.write', body: termsSchema }, async ({ body, user, audit }) =>
  recordTerms(await getDb(), body, { email: user.email, audit }),
);
