import Fastify from 'fastify';
import { helmetHeaders, registerSecurityHeaders } from './security-headers';

describe('security headers', () => {
  const headers = helmetHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"] } } });

  it('are helmet’s, computed once', () => {
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('go out on answers, 404s included, and a route may still replace one', async () => {
    const fastify = Fastify();
    registerSecurityHeaders(fastify, () => headers);
    fastify.get('/framed', (_request, reply) => reply.header('x-frame-options', 'DENY').send('ok'));
    const [framed, missing] = [await fastify.inject('/framed'), await fastify.inject('/nothing')];
    expect(framed.headers['x-frame-options']).toBe('DENY');
    expect(framed.headers['content-security-policy']).toBe(headers['content-security-policy']);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['strict-transport-security']).toBe(headers['strict-transport-security']);
    await fastify.close();
  });
});
