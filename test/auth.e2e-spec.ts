import { JwtService } from '@nestjs/jwt';
import { createTestApp, TestApp } from './support/test-app';
import { login, PASSWORD, registration, uniqueEmail } from './support/factories';
import { refused } from './support/refusals';

describe('sign-up and sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  it('registers an applicant with a profile and signs them in', async () => {
    const body = registration();
    const registered = await t.http.post('/api/auth/register').send(body).expect(201);
    expect(registered.body.user).toMatchObject({ email: body.email, role: 'applicant', locale: 'en' });
    expect(registered.body.accessToken).toEqual(expect.any(String));
    expect(registered.body.user).not.toHaveProperty('passwordHash');

    const token = await login(t.http, body.email.toUpperCase());
    const me = await t.http.get('/api/auth/me').auth(token, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ email: body.email, role: 'applicant', profile: { fullName: 'Amina Diallo', country: 'SEN', languages: ['fr', 'en'] } });

    const [row] = await t.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [registered.body.user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second account for the same email in any letter case', async () => {
    const body = registration();
    await t.http.post('/api/auth/register').send(body).expect(201);
    const again = await t.http.post('/api/auth/register').send({ ...body, email: body.email.toUpperCase() }).expect(refused(409, 'EMAIL_TAKEN'));
    expect(again.body.message).toContain('already registered');
  });

  it('creates exactly one account when the same email registers concurrently', async () => {
    const body = registration();
    const responses = await Promise.all(Array.from({ length: 8 }, () => t.http.post('/api/auth/register').send(body)));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM users WHERE lower(email) = lower($1)', [body.email]);
    expect(count).toBe(1);
  });

  it('lets nobody register as anything but an applicant', async () => {
    const response = await t.http.post('/api/auth/register').send({ ...registration(), role: 'admin' }).expect(refused(400, 'VALIDATION_FAILED'));
    expect(response.body.message).toContain('property role should not exist');
  });

  it('names every problem of a bad sign-up', async () => {
    const response = await t.http
      .post('/api/auth/register')
      .send(registration({ email: 'not-an-email', password: 'short' }, { gender: 'unknown', country: 'XXX1', languages: ['de'] }))
      .expect(refused(400, 'VALIDATION_FAILED'));
    const messages = (response.body.message as string[]).join('\n');
    expect(messages).toMatch(/email must be an email/);
    expect(messages).toMatch(/password must be longer than or equal to 12/);
    expect(messages).toMatch(/profile\.gender/);
    expect(messages).toMatch(/country must be an ISO 3166-1 alpha-3 code/);
    expect(messages).toMatch(/profile\.each value in languages/);
  });

  it('refuses a country code that is not in the reference data, naming the field', async () => {
    const response = await t.http.post('/api/auth/register').send(registration({}, { country: 'ZZZ' })).expect(refused(400, 'UNKNOWN_COUNTRY'));
    expect(response.body.message).toBe('profile.country ZZZ is not a known country code');
  });

  it('answers 401 to a wrong password and to an unknown email, alike', async () => {
    const body = registration();
    await t.http.post('/api/auth/register').send(body).expect(201);
    const wrong = await t.http.post('/api/auth/login').send({ email: body.email, password: 'wrong-password-1' }).expect(refused(401, 'WRONG_CREDENTIALS'));
    const unknown = await t.http.post('/api/auth/login').send({ email: uniqueEmail(), password: PASSWORD }).expect(refused(401, 'WRONG_CREDENTIALS'));
    expect(wrong.body.message).toBe('Wrong email or password');
    expect(unknown.body.message).toBe('Wrong email or password');
  });

  it('answers 400 to a login without a password', async () => {
    const response = await t.http.post('/api/auth/login').send({ email: 'a@b.org' }).expect(refused(400, 'VALIDATION_FAILED'));
    expect(response.body.message).toEqual(expect.arrayContaining(['password must be a string']));
  });

  it('throttles repeated failed logins, even with the right password, until the window passes', async () => {
    const body = registration();
    await t.http.post('/api/auth/register').send(body).expect(201);
    for (let i = 0; i < 3; i++) {
      await t.http.post('/api/auth/login').send({ email: body.email, password: 'wrong-password-1' }).expect(refused(401, 'WRONG_CREDENTIALS'));
    }
    const blocked = await t.http.post('/api/auth/login').send({ email: body.email, password: PASSWORD }).expect(refused(429, 'TOO_MANY_SIGN_IN_ATTEMPTS'));
    expect(blocked.body.message).toMatch(/Too many failed sign-in attempts/);
    expect(blocked.body.retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same address is not affected.
    const other = registration();
    await t.http.post('/api/auth/register').send(other).expect(201);
    await login(t.http, other.email);
  });

  it('refuses a missing, malformed or forged token', async () => {
    await t.http.get('/api/auth/me').expect(refused(401, 'UNAUTHORIZED'));
    await t.http.get('/api/auth/me').set('authorization', 'Bearer not.a.token').expect(refused(401, 'UNAUTHORIZED'));
    const forged = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url') +
      '.' + Buffer.from(JSON.stringify({ sub: 'x', role: 'admin' })).toString('base64url') + '.c2lnbmF0dXJl';
    await t.http.get('/api/users').auth(forged, { type: 'bearer' }).expect(refused(401, 'UNAUTHORIZED'));
  });

  it('refuses a token once it expires, although it was accepted before', async () => {
    // The API remembers tokens it has verified (JwtAuthenticator): only until they expire.
    const body = registration();
    await t.http.post('/api/auth/register').send(body).expect(201);
    const { sub, sid } = t.app.get(JwtService).decode<{ sub: string; sid: string }>(await login(t.http, body.email));
    const shortLived = t.app.get(JwtService).sign({ sub, sid }, { expiresIn: 2 });
    await t.http.get('/api/auth/me').auth(shortLived, { type: 'bearer' }).expect(200);
    // A forged twin (same header and payload, another signature) is not taken for the remembered one.
    const [header, payload] = shortLived.split('.');
    await t.http.get('/api/auth/me').auth(`${header}.${payload}.c2lnbmF0dXJl`, { type: 'bearer' }).expect(refused(401, 'UNAUTHORIZED'));
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await t.http.get('/api/auth/me').auth(shortLived, { type: 'bearer' }).expect(refused(401, 'UNAUTHORIZED'));
  });
});
