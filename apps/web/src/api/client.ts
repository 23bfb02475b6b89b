import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { connection } from './connection';
import { session } from './session';

/**
 * The one API client: requests and JSON answers are typed from the OpenAPI document
 * in schema.d.ts (`npm run api:types` regenerates it). Every call carries the session's token,
 * marks the connection lost or back, and reports an expired session.
 */
export const api = createClient<paths, 'application/json'>({ baseUrl: '' });

const middleware: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    connection.reachable(response.status !== 502 && response.status !== 503 && response.status !== 504);
    // A 401 on a call that carried a token means the session expired or was revoked; a 401 on a
    // call without one (a wrong password at sign-in) is the page's own business.
    if (response.status === 401 && request.headers.has('authorization')) session.expired();
    return response;
  },
  onError({ error }) {
    connection.reachable(false);
    throw error;
  },
};
api.use(middleware);
