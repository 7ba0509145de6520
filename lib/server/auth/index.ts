import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '../db/client';
import { authenticate } from './authenticate';
import { authConfig } from './config';
import { invalidateSessionCache } from './session-cache';
import { clientIp } from './throttle';
import { createSession, revokeSession } from './session-store';
import { logger } from '../log/logger';

const credentialsSchema = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected outcome, already audited; only real failures belong in the log.
    error(error) {
      if (error.name === 'CredentialsSignin' || error instanceof CredentialsSignin) return;
      logger('auth').error({ err: error }, 'auth failed');
    },
  },
  events: {
    // Both ways out (our sign-out action and Auth.js's own endpoint) end the session on the server, so the
    // old cookie is worthless even if someone kept a copy.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid !== 'string') return;
      await revokeSession(await getDb(), sid);
      invalidateSessionCache();
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await authenticate(parsed.data.email, parsed.data.password, { ip: clientIp(request.headers) });
        if (result.ok) {
          const sid = await createSession(await getDb(), result.user.id);
          invalidateSessionCache();
          return { ...result.user, sid };
        }
        return null;
      },
    }),
  ],
});
