import { createTestApp, TestApp } from './support/test-app';
import { registration } from './support/factories';
import { refused } from './support/refusals';

describe('HTTP conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '65536' });
  });
  afterAll(() => t.close());

  const expectErrorShape = (body: Record<string, unknown>, statusCode: number) => {
    expect(body).toMatchObject({ statusCode, error: expect.any(String), message: expect.anything(), requestId: expect.any(String) });
  };

  it('answers malformed JSON with 400 in the one error shape', async () => {
    const response = await t.http.post('/api/auth/register').set('content-type', 'application/json').send('{"email": "a@b.org",').expect(refused(400, 'INVALID_JSON'));
    expectErrorShape(response.body, 400);
    expect(response.body.message).toMatch(/JSON/);
  });

  it('answers an oversized body with 413', async () => {
    const response = await t.http.post('/api/auth/register').send({ ...registration(), padding: 'x'.repeat(70000) }).expect(refused(413, 'PAYLOAD_TOO_LARGE'));
    expectErrorShape(response.body, 413);
  });

  it('answers an unknown route with 404', async () => {
    const response = await t.http.get('/api/no-such-thing').expect(refused(404, 'ROUTE_NOT_FOUND'));
    expectErrorShape(response.body, 404);
  });

  it('answers a URL Fastify cannot read, before any route, in the one error shape', async () => {
    const undecodable = await t.http.get('/api/catalogue/%zz').expect(refused(400, 'BAD_REQUEST'));
    expectErrorShape(undecodable.body, 400);
    expect(undecodable.body.message).toBe("'/api/catalogue/%zz' is not a valid url component");
    expect(undecodable.headers).toMatchObject({ 'x-request-id': undecodable.body.requestId, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    // a path part longer than the router reads matches no route
    const tooLong = await t.http.get(`/api/catalogue/${'a'.repeat(200)}`).expect(refused(404, 'ROUTE_NOT_FOUND'));
    expectErrorShape(tooLong.body, 404);
  });

  it('refuses unknown fields, wrong types, missing fields and huge strings with 400 naming them', async () => {
    const unknown = await t.http.post('/api/auth/register').send({ ...registration(), isAdmin: true }).expect(refused(400, 'VALIDATION_FAILED'));
    expect(unknown.body.message).toContain('property isAdmin should not exist');
    const types = await t.http.post('/api/auth/register').send(registration({ password: 12345678901234 }, { languages: 'en' })).expect(refused(400, 'VALIDATION_FAILED'));
    expect(types.body.message.join()).toMatch(/password must be a string/);
    expect(types.body.message.join()).toMatch(/languages must be an array/);
    const missing = await t.http.post('/api/auth/register').send({ email: 'a@b.org' }).expect(refused(400, 'VALIDATION_FAILED'));
    expect(missing.body.message.join()).toMatch(/password/);
    expect(missing.body.message.join()).toMatch(/profile/);
    const huge = await t.http.post('/api/auth/register').send(registration({}, { fullName: 'x'.repeat(20000) })).expect(refused(400, 'VALIDATION_FAILED'));
    expect(huge.body.message.join()).toMatch(/fullName must be shorter than or equal to 200 characters/);
    const notObject = await t.http.post('/api/auth/register').send([1, 2]).expect(refused(400, 'VALIDATION_FAILED'));
    expectErrorShape(notObject.body, 400);
    const loginArray = await t.http.post('/api/auth/login').send([]).expect(refused(400, 'VALIDATION_FAILED'));
    expectErrorShape(loginArray.body, 400);
  });

  it('sends security headers and echoes a request id', async () => {
    const response = await t.http.get('/api/health').set('x-request-id', 'trace-123').expect(200);
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    const error = await t.http.get('/api/nope').set('x-request-id', 'trace-456').expect(refused(404, 'ROUTE_NOT_FOUND'));
    expect(error.body.requestId).toBe('trace-456');
  });

  it('serves the OpenAPI document generated from the code, and the docs page', async () => {
    const document = await t.http.get('/docs/openapi.json').expect(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/users', '/api/health']));
    expect(document.body.components.schemas.RegisterDto.required).toEqual(expect.arrayContaining(['email', 'password', 'profile']));
    const page = await t.http.get('/docs').expect(200);
    expect(page.text).toContain('swagger');
  });

  it('reports database and Redis in the health check', async () => {
    const response = await t.http.get('/api/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });
});
