import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';

/**
 * Anonymous page requests go to /login. API routes answer 401 themselves (the route wrapper), and every
 * page checks the session and role again on the server; this is only the first, cheap gate.
 * It reads the session and never re-issues the cookie: a response to a prefetch still in flight when the
 * user signs out would otherwise set the session cookie again and undo the sign-out.
 */
export default async function middleware(req: NextRequest) {
  const token = await getToken({ req, secret: process.env.AUTH_SECRET, secureCookie: req.nextUrl.protocol === 'https:' });
  if (token) return NextResponse.next();
  return NextResponse.redirect(new URL('/login', req.url));
}

export const config = {
  matcher: ['/((?!api|login|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
