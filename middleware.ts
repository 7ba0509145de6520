import NextAuth from 'next-auth';
import { authConfig } from '@/lib/server/auth/config';

// Anonymous page requests go to /login. API routes answer 401 themselves (the route wrapper), and every
// page checks the session and role again on the server; this is only the first, cheap gate.
const { auth } = NextAuth(authConfig);

export default auth;

export const config = {
  matcher: ['/((?!api|login|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
