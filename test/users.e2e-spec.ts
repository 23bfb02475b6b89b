import { createTestApp, TestApp } from './support/test-app';
import { login, PASSWORD, signedIn, uniqueEmail } from './support/factories';
import { refused } from './support/refusals';

describe('users (admin)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedIn(t, 'admin')).token;
  });
  afterAll(() => t.close());

  it('creates staff, auditors and focal points who can then sign in', async () => {
    for (const [role, country] of [['staff', undefined], ['auditor', undefined], ['focal_point', 'ken']] as const) {
      const email = uniqueEmail(role);
      const created = await t.http.post('/api/users').auth(admin, { type: 'bearer' }).send({ email, password: PASSWORD, role, country }).expect(201);
      expect(created.body).toMatchObject({ email, role, country: role === 'focal_point' ? 'KEN' : null });
      const me = await t.http.get('/api/auth/me').auth(await login(t.http, email), { type: 'bearer' }).expect(200);
      expect(me.body.role).toBe(role);
    }
  });

  it('requires a known country for a focal point', async () => {
    const missing = await t.http.post('/api/users').auth(admin, { type: 'bearer' }).send({ email: uniqueEmail(), password: PASSWORD, role: 'focal_point' }).expect(refused(400, 'VALIDATION_FAILED'));
    expect(missing.body.message.join()).toMatch(/country must be an ISO 3166-1 alpha-3 code/);
    const unknown = await t.http.post('/api/users').auth(admin, { type: 'bearer' }).send({ email: uniqueEmail(), password: PASSWORD, role: 'focal_point', country: 'QQQ' }).expect(refused(400, 'UNKNOWN_COUNTRY'));
    expect(unknown.body.message).toBe('country QQQ is not a known country code');
  });

  it('does not create applicants or unknown roles', async () => {
    const response = await t.http.post('/api/users').auth(admin, { type: 'bearer' }).send({ email: uniqueEmail(), password: PASSWORD, role: 'applicant' }).expect(refused(400, 'VALIDATION_FAILED'));
    expect(response.body.message.join()).toMatch(/role must be one of: admin, staff, auditor, focal_point/);
  });

  it('lists users by role with keyset pagination', async () => {
    for (let i = 0; i < 5; i++) {
      await t.http.post('/api/users').auth(admin, { type: 'bearer' }).send({ email: uniqueEmail('auditor'), password: PASSWORD, role: 'auditor' }).expect(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; role: string }[]; nextCursor: string | null } } = await t.http
        .get('/api/users')
        .query({ role: 'auditor', limit: 2, ...(cursor ? { cursor } : {}) })
        .auth(admin, { type: 'bearer' })
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      page.body.items.forEach((user) => expect(user.role).toBe('auditor'));
      seen.push(...page.body.items.map((user) => user.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(new Set(seen).size).toBe(seen.length);
    await t.http.get('/api/users').query({ cursor: 'garbage' }).auth(admin, { type: 'bearer' }).expect(refused(400, 'INVALID_CURSOR'));
    await t.http.get('/api/users').query({ limit: 1000 }).auth(admin, { type: 'bearer' }).expect(refused(400, 'VALIDATION_FAILED'));
  });
});
