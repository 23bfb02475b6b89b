import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { connection } from './connection';
import { session } from './session';

/**
 * The one API client: requests and JSON answers are typed from the OpenAPI document
 * in schema.d.ts (`npm run api:types`) regenerates it). Every call goes with the session cookie
 * and its CSRF header, marks the connection lost or back, and, when the session ended under a
 * signed-in page, waits for the sign-in dialog and runs again, so nothing typed is lost.
 */
export const api = createClient<paths, 'application/json'>({ baseUrl: '', credentials: 'same-origin' });

/** Calls whose 401 is an answer for the page itself (a wrong password), not an ended session. */
const OWN_401 = /^\/api\/auth\/(login|logout|me|register|claim|password-reset)/;
const retries = new WeakMap<Request, Request>();
const sentAt = new WeakMap<Request, number>();

function withCsrf(request: Request): Request {
  const token = session.csrfToken();
  if (token) request.headers.set('x-csrf-token', token);
  return request;
}

const middleware: Middleware = {
  onRequest({ request }) {
    withCsrf(request);
    sentAt.set(request, connection.now());
    // Kept to send again after a new sign-in (a body can be read once).
    if (session.signedIn) retries.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    connection.answered(sentAt.get(request) ?? -Infinity, response.status !== 502 && response.status !== 503 && response.status !== 504);
    const copy = retries.get(request);
    if (response.status !== 401 || !copy || OWN_401.test(new URL(request.url).pathname)) return response;
    if (!(await session.waitForSignIn())) return response;
    return fetch(withCsrf(copy), { credentials: 'same-origin' });
  },
  onError({ error }) {
    connection.failed();
    throw error;
  },
};
api.use(middleware);
