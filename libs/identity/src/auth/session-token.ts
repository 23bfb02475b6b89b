import { fastifyCookie } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@trta/config';
import { SESSION_COOKIE, sessionCookieOptions } from '@trta/queues';

/**
 * The browser app's CSRF defence (double submit): at sign-in a random token goes into a cookie
 * the page can read; every unsafe request carried by the session cookie must repeat it in the
 * `X-CSRF-Token` header, which another site can neither read nor set.
 */
export const CSRF_COOKIE = 'trta_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestToken {
  token: string;
  /** `cookie` for the browser app's session cookie, `bearer` for API clients. */
  via: 'bearer' | 'cookie';
}

function cookiesOf(request: FastifyRequest): Record<string, string | undefined> {
  const parsed = (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies;
  if (parsed) return parsed;
  return request.headers.cookie ? fastifyCookie.parse(request.headers.cookie) : {};
}

/** The request's access token: `Authorization: Bearer` first, else the session cookie. */
export function requestToken(request: FastifyRequest): RequestToken | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match ? { token: match[1], via: 'bearer' } : null;
  }
  const cookie = cookiesOf(request)[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** Whether a request carried by the session cookie may go on: safe methods, or the CSRF header matching its cookie. */
export function csrfSatisfied(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const expected = cookiesOf(request)[CSRF_COOKIE];
  const given = request.headers[CSRF_HEADER];
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Secure in production and whenever the request came over https (as TRUST_PROXY lets the server tell). */
export function browserCookieOptions(request: FastifyRequest, config: AppConfig) {
  const options = sessionCookieOptions({ production: config.NODE_ENV === 'production', ttlSeconds: config.JWT_TTL_SECONDS });
  return { ...options, secure: options.secure || request.protocol === 'https' };
}

/** Starts the browser session: the token in the HttpOnly cookie, a fresh CSRF token in a readable one. */
export function setBrowserSession(request: FastifyRequest, reply: FastifyReply, accessToken: string, config: AppConfig): void {
  const options = browserCookieOptions(request, config);
  void reply.setCookie(SESSION_COOKIE, accessToken, options);
  void reply.setCookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), { ...options, httpOnly: false });
}

export function clearBrowserSession(request: FastifyRequest, reply: FastifyReply, config: AppConfig): void {
  const { maxAge: _maxAge, ...options } = browserCookieOptions(request, config);
  void reply.clearCookie(SESSION_COOKIE, options);
  void reply.clearCookie(CSRF_COOKIE, { ...options, httpOnly: false });
}
