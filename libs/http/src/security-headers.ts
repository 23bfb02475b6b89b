import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type HeaderValues = Readonly<Record<string, string>>;

/**
 * The headers helmet sets for `options`, computed once. Run per request (as @fastify/helmet
 * does) helmet rebuilt every header, the CSP string included, for each answer (issue 16).
 * Options must be static: no function directives, which would need the request.
 */
export function helmetHeaders(options: HelmetOptions): HeaderValues {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(options)({ url: '/' } as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.freeze(headers);
}

/**
 * Sets security headers on every answer, errors and 404s included, as helmet's own hook did:
 * `choose` picks one of the precomputed lists from the request's path. Given to the reply rather
 * than the raw response, they go out in the one writeHead, as a route's own headers do (a route
 * may still replace one).
 */
export function registerSecurityHeaders(fastify: FastifyInstance, choose: (url: string) => HeaderValues): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(choose(request.url));
    done();
  });
}
