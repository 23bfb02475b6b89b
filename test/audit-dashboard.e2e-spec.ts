import { QueueName } from '@trta/queues';
import { createTestApp, TestApp } from './support/test-app';
import { login, PASSWORD, signedIn, uniqueEmail } from './support/factories';
import { UsersService } from '@trta/identity';
import { refused } from './support/refusals';

/** The `trta_session` cookie of a response, with its attributes, or undefined. */
function sessionCookie(response: { headers: Record<string, unknown> }): string | undefined {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? (header as string[]) : typeof header === 'string' ? [header] : [];
  return cookies.find((cookie) => cookie.startsWith('trta_session='));
}

describe('queue dashboard at /admin/queues (bull-board, admins only)', () => {
  let t: TestApp;
  let admin: string;
  let staff: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedIn(t, 'admin')).token;
    staff = (await signedIn(t, 'staff')).token;
  });
  afterAll(() => t.close());

  it('refuses anonymous callers with 401, as JSON to API clients and as a sign-in page to browsers', async () => {
    const api = await t.http.get('/admin/queues/api/queues').expect(refused(401, 'UNAUTHORIZED'));
    expect(api.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    await t.http.get('/admin/queues').expect(refused(401, 'UNAUTHORIZED'));
    await t.http.get('/admin/queues/static/images/logo.svg').expect(refused(401, 'UNAUTHORIZED'));
    await t.http.put(`/admin/queues/api/queues/${QueueName.System}/pause`).expect(refused(401, 'UNAUTHORIZED'));

    const browser = await t.http.get('/admin/queues').set('accept', 'text/html,application/xhtml+xml').expect(401);
    expect(browser.headers['content-type']).toMatch(/text\/html/);
    expect(browser.text).toContain('Sign in as an admin');
    expect(browser.text).not.toContain('TRTA Planner queues');
  });

  it('refuses a forged or expired token', async () => {
    const [header, payload] = admin.split('.');
    await t.http.get('/admin/queues/api/queues').auth(`${header}.${payload}.forged-signature`, { type: 'bearer' }).expect(refused(401, 'UNAUTHORIZED'));
    await t.http.get('/admin/queues/api/queues').set('cookie', 'trta_session=not-a-token').expect(refused(401, 'UNAUTHORIZED'));
  });

  it('refuses signed-in users who are not admins with 403', async () => {
    const response = await t.http.get('/admin/queues/api/queues').auth(staff, { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
    expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.stringContaining('staff') });
    await t.http.get('/admin/queues').auth(staff, { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
    for (const role of ['auditor', 'focal_point', 'applicant'] as const) {
      const { token } = await signedIn(t, role);
      await t.http.get('/admin/queues/api/queues').auth(token, { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
    }
  });

  it('shows admins the board and every queue of the product', async () => {
    const page = await t.http.get('/admin/queues').auth(admin, { type: 'bearer' }).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('TRTA Planner queues');
    expect(page.text).toContain('<base href="/admin/queues/"');
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)![1];
    await t.http.get(`/admin/queues/${script}`).auth(admin, { type: 'bearer' }).expect(200).expect('content-type', /javascript/);

    const api = await t.http.get('/admin/queues/api/queues').auth(admin, { type: 'bearer' }).expect(200);
    const names = (api.body.queues as { name: string }[]).map((queue) => queue.name).sort();
    expect(names).toEqual(Object.values(QueueName).sort());
  });

  it('the same session cookie opens the API for reading; a change also needs the CSRF header (issue 15)', async () => {
    const response = await t.http.post('/api/auth/login').send({ email: t.config.ADMIN_EMAIL, password: t.config.ADMIN_PASSWORD }).expect(200);
    const cookie = sessionCookie(response)!.split(';')[0];
    await t.http.get('/api/auth/me').set('cookie', cookie).expect(200);
    await t.http.post('/api/auth/verify-email/resend').set('cookie', cookie).expect(refused(403, 'CSRF_TOKEN_INVALID'));
  });

  it('sets an HttpOnly session cookie at sign-in that alone opens the board, and clears it at sign-out', async () => {
    const response = await t.http.post('/api/auth/login').send({ email: t.config.ADMIN_EMAIL, password: t.config.ADMIN_PASSWORD }).expect(200);
    const cookie = sessionCookie(response);
    expect(cookie).toBeDefined();
    const attributes = cookie!.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', `max-age=${t.config.JWT_TTL_SECONDS}`]));
    expect(attributes).not.toContain('secure');
    const pair = cookie!.split(';')[0];
    expect(pair).toBe(`trta_session=${response.body.accessToken}`);

    const page = await t.http.get('/admin/queues').set('cookie', pair).set('accept', 'text/html').expect(200);
    expect(page.text).toContain('TRTA Planner queues');
    await t.http.get(`/admin/queues/api/queues?activeQueue=${QueueName.AuditReports}`).set('cookie', pair).expect(200);

    const logout = await t.http.post('/api/auth/logout').set('cookie', pair).expect(204);
    const cleared = sessionCookie(logout);
    expect(cleared).toBeDefined();
    expect(cleared!.split(';')[0]).toBe('trta_session=');
    expect(cleared!.toLowerCase()).toMatch(/expires=thu, 01 jan 1970|max-age=0/);
    expect(cleared!.toLowerCase()).toContain('path=/');
    // What a browser sends after the cookie is cleared: nothing.
    await t.http.get('/admin/queues/api/queues').expect(refused(401, 'UNAUTHORIZED'));
  });

  it("gives a staff member's cookie no more than their role allows", async () => {
    const email = uniqueEmail('staff');
    await t.app.get(UsersService).create({ email, password: PASSWORD, role: 'staff' });
    const response = await t.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    await t.http.get('/admin/queues/api/queues').set('cookie', sessionCookie(response)!.split(';')[0]).expect(refused(403, 'FORBIDDEN'));
    expect(await login(t.http, email)).toEqual(expect.any(String));
  });
});

describe('the session cookie in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production', JWT_TTL_SECONDS: '600' });
    await signedIn(t, 'admin');
  });
  afterAll(() => t.close());

  it('is Secure and lives as long as the token', async () => {
    const response = await t.http.post('/api/auth/login').send({ email: t.config.ADMIN_EMAIL, password: t.config.ADMIN_PASSWORD }).expect(200);
    const attributes = sessionCookie(response)!.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'max-age=600']));
  });
});
