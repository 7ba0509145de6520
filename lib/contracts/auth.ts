// The signed-in user as pages and components see it, and the sign-in form's state: shared by the server
// (session, actions) and the client components. Types only.
import type { Role } from '@/lib/permissions';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** What the sign-in action answers the login form. */
export interface SignInState {
  error: string | null;
}
