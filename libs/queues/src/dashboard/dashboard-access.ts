import { fastifyCookie } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpRefusals } from '@trta/http';
import { SESSION_COOKIE } from './session-cookie';

/** What the dashboard needs to know of the caller: the role their token carries. */
export interface DashboardCaller {
  role: string;
}

/** Verifies a signed access token; resolves null when it is invalid or expired. */
export type VerifyToken = (token: string) => Promise<DashboardCaller | null>;

/** The token of a request: `Authorization: Bearer` first, else the session cookie. */
export function accessTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (match) return match[1];
  }
  const cookies = request.headers.cookie ? fastifyCookie.parse(request.headers.cookie) : {};
  return cookies[SESSION_COOKIE] || null;
}

/**
 * The dashboard's onRequest hook: admins only. Without a valid token a browser asking for a page
 * gets a small sign-in page (401); anything else gets the API's JSON error body.
 */
export function dashboardAccessHook(verify: VerifyToken, basePath: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = accessTokenOf(request);
    const caller = token ? await verify(token) : null;
    if (!caller) {
      if (request.method === 'GET' && wantsHtml(request)) {
        await reply.code(401).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(signInPage(basePath));
        return;
      }
      await refuse(reply, 401, 'Unauthorized', 'Sign in as an admin to open the queue dashboard');
      return;
    }
    if (caller.role !== 'admin') await refuse(reply, 403, 'Forbidden', `The queue dashboard is not open to the role ${caller.role}`);
  };
}

/** The API's error shape, with the generic code of the refusal (UNAUTHORIZED, FORBIDDEN). */
function refuse(reply: FastifyReply, statusCode: 401 | 403, error: string, message: string): FastifyReply {
  const code = statusCode === 401 ? HttpRefusals.UNAUTHORIZED.code : HttpRefusals.FORBIDDEN.code;
  return reply.code(statusCode).header('cache-control', 'no-store').send({ statusCode, error, code, params: {}, message });
}

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

/** Signs in through the API, which sets the session cookie, and opens the board; the page keeps no token. */
function signInPage(basePath: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Queue dashboard: sign in</title>
<style>body{font:16px system-ui,sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}p.error{color:#b00}</style></head>
<body><h1>Queue dashboard</h1><p>Sign in as an admin.</p>
<form id="sign-in"><label>Email <input name="email" type="email" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button><p class="error" id="error" role="alert"></p></form>
<script>
document.getElementById('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const response = await fetch('/api/auth/login', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: form.get('email'), password: form.get('password') }) });
  if (response.ok) location.assign(${JSON.stringify(basePath)});
  else document.getElementById('error').textContent = (await response.json().catch(() => ({}))).message || 'Sign-in failed';
});
</script></body></html>`;
}
