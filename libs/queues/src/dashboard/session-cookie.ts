/**
 * The browser session: the access token in an HttpOnly cookie, set by `POST /api/auth/login`
 * and read by the queue dashboard, whose pages a browser opens without an Authorization header.
 * It lives here because the identity lib, which sets it, already depends on this one.
 */
export const SESSION_COOKIE = 'trta_session';

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  maxAge: number;
}

/** Lax keeps the cookie off cross-site POSTs, so the dashboard's actions cannot be forged from another site. */
export function sessionCookieOptions({ production, ttlSeconds }: { production: boolean; ttlSeconds: number }): SessionCookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: production, maxAge: ttlSeconds };
}
