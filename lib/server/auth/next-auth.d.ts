import type { Role } from '@/lib/permissions';

declare module 'next-auth' {
  interface User {
    role?: Role;
    /** The sessions row this sign-in created (session-store.ts). */
    sid?: string;
  }
  interface Session {
    user: { id: string; role: Role; email: string; name?: string | null };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
    sid?: string;
  }
}
