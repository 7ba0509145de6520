import type { NextAuthConfig } from 'next-auth';
import { isRole } from '@/lib/permissions';

/**
 * The Auth.js configuration without the credentials provider: no database, no password hashing.
 * Sessions are JWTs (the credentials provider requires it) naming a row of the sessions table; every route
 * handler and page checks that row and reads the role as it is now (session-cache.ts).
 */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  // Strict: no other site can make the browser send the session, not even with a top-level link
  // (docs/security.md). Auth.js deep-merges this over its defaults, keeping the cookie's name (with the
  // __Secure- prefix over https), httpOnly and secure.
  cookies: { sessionToken: { options: { sameSite: 'strict' } } } as unknown as NextAuthConfig['cookies'],
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id && isRole(user.role)) {
        token.uid = user.id;
        token.role = user.role;
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string' && isRole(token.role)) {
        session.user.id = token.uid;
        session.user.role = token.role;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
