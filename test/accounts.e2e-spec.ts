import { randomBytes } from 'node:crypto';
import { FilesService } from '@trta/files';
import { SessionCache, SessionsService } from '@trta/identity';
import { activityFactory, day } from './support/activity-fixtures';
import { PDF } from './support/application-fixtures';
import { confirmEmail, linkTokenFor, login, PASSWORD, registration, signedIn, uniqueEmail } from './support/factories';
import { refused } from './support/refusals';
import { createTestApp, TestApp } from './support/test-app';

/** Issue 13: accounts and sessions an institute can put in front of its officials. */
describe('accounts and sessions', () => {
  let t: TestApp;
  let admin: { id: string; token: string };
  let staff: { id: string; token: string };
  const createActivity = activityFactory(() => t);

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '100', UPLOAD_QUOTA_FILES: '2', UPLOAD_QUOTA_BYTES: '100000' });
    admin = await signedIn(t, 'admin');
    staff = await signedIn(t, 'staff');
  });
  afterAll(() => t.close());

  const me = (token: string) => t.http.get('/api/auth/me').auth(token, { type: 'bearer' });
  const register = async (overrides: Record<string, unknown> = {}) => {
    const body = registration(overrides);
    const response = await t.http.post('/api/auth/register').send(body).expect(201);
    return { id: response.body.user.id as string, email: body.email as string, token: response.body.accessToken as string };
  };

  describe('sessions that can be ended', () => {
    it('keeps checked sessions in memory, with a listener for revocations', () => {
      expect(t.app.get(SessionsService).caching).toBe(true);
    });

    it('sign-out ends the token at once, also when it was just used (cached)', async () => {
      const person = await register();
      await me(person.token).expect(200);
      await t.http.post('/api/auth/logout').auth(person.token, { type: 'bearer' }).expect(204);
      await me(person.token).expect(refused(401, 'UNAUTHORIZED'));
      const [row] = await t.dataSource.query('SELECT ended_reason AS reason FROM sessions WHERE user_id = $1', [person.id]);
      expect(row.reason).toBe('sign_out');
    });

    it('a password change ends the other sessions, not the one that changed it', async () => {
      const person = await register();
      const other = await login(t.http, person.email);
      await me(other).expect(200);
      await t.http
        .post('/api/auth/password')
        .auth(person.token, { type: 'bearer' })
        .send({ currentPassword: 'not-my-password-x', newPassword: 'a-brand-new-passphrase' })
        .expect(refused(400, 'CURRENT_PASSWORD_WRONG'));
      await t.http
        .post('/api/auth/password')
        .auth(person.token, { type: 'bearer' })
        .send({ currentPassword: PASSWORD, newPassword: 'aaaaaaaaaaaaaa' })
        .expect(refused(400, 'PASSWORD_TOO_WEAK', { reason: 'repetitive' }));
      await t.http.post('/api/auth/password').auth(person.token, { type: 'bearer' }).send({ currentPassword: PASSWORD, newPassword: 'a-brand-new-passphrase' }).expect(204);
      await me(other).expect(refused(401, 'UNAUTHORIZED'));
      await me(person.token).expect(200);
      await t.http.post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(refused(401, 'WRONG_CREDENTIALS'));
      await login(t.http, person.email, 'a-brand-new-passphrase');
    });

    it('erasure of the account ends its sessions', async () => {
      const person = await register();
      const other = await login(t.http, person.email);
      await me(other).expect(200);
      await t.http.delete('/api/me').auth(person.token, { type: 'bearer' }).expect(204);
      await me(other).expect(refused(401, 'UNAUTHORIZED'));
      await me(person.token).expect(refused(401, 'UNAUTHORIZED'));
    });

    it('disabling ends every session and refuses sign-in; enabling lets the person in again', async () => {
      const person = await signedIn(t, 'auditor');
      await t.http.get('/api/audit-reports').auth(person.token, { type: 'bearer' }).expect(200);
      const disabled = await t.http.post(`/api/users/${person.id}/disable`).auth(admin.token, { type: 'bearer' }).expect(200);
      expect(disabled.body).toMatchObject({ disabled: true, allowedActions: expect.arrayContaining(['enable']) });
      await t.http.get('/api/audit-reports').auth(person.token, { type: 'bearer' }).expect(refused(401, 'UNAUTHORIZED'));
      await t.http.post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(refused(403, 'ACCOUNT_DISABLED'));
      await t.http.post(`/api/users/${person.id}/enable`).auth(admin.token, { type: 'bearer' }).expect(200);
      await login(t.http, person.email);
    });

    it('a role change ends the sessions; the role comes from the database', async () => {
      const person = await signedIn(t, 'staff');
      await t.http.get('/api/notifications').auth(person.token, { type: 'bearer' }).expect(200);
      await t.http.patch(`/api/users/${person.id}`).auth(admin.token, { type: 'bearer' }).send({ role: 'auditor' }).expect(200);
      await t.http.get('/api/notifications').auth(person.token, { type: 'bearer' }).expect(refused(401, 'UNAUTHORIZED'));
      const fresh = await login(t.http, person.email);
      await t.http.get('/api/notifications').auth(fresh, { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
    });

    it('a focal point moved to another country loses the old sessions and acts for the new country only', async () => {
      const focal = await signedIn(t, 'focal_point', 'KEN');
      expect((await me(focal.token).expect(200)).body.country).toBe('KEN');
      await t.http.patch(`/api/users/${focal.id}`).auth(admin.token, { type: 'bearer' }).send({ country: 'SEN' }).expect(200);
      await me(focal.token).expect(refused(401, 'UNAUTHORIZED'));
      const fresh = await login(t.http, focal.email);
      expect((await me(fresh).expect(200)).body.country).toBe('SEN');
    });

    it('a token whose session row says otherwise is refused: role and country are never read from the token', async () => {
      const focal = await signedIn(t, 'focal_point', 'KEN');
      const [payload] = focal.token.split('.').slice(1, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(payload).not.toHaveProperty('role');
      expect(payload).not.toHaveProperty('country');
      expect(payload).toEqual(expect.objectContaining({ sub: focal.id, sid: expect.any(String) }));
    });

    it('reaches another API process at once through the database (LISTEN/NOTIFY)', async () => {
      // Another process's sessions service: its own cache and its own LISTEN connection.
      // (A second Nest app in this process would replace passport's global strategy.)
      const elsewhere = new SessionsService(t.dataSource, t.config);
      await elsewhere.onModuleInit();
      try {
        expect(elsewhere.caching).toBe(true);
        const person = await register();
        const { sub, sid } = JSON.parse(Buffer.from(person.token.split('.')[1], 'base64url').toString()) as { sub: string; sid: string };
        expect(await elsewhere.check(sid, sub)).toMatchObject({ id: person.id }); // now remembered there
        await t.http.post('/api/auth/logout').auth(person.token, { type: 'bearer' }).expect(204);
        const deadline = Date.now() + 2000;
        let user = await elsewhere.check(sid, sub);
        while (user && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          user = await elsewhere.check(sid, sub);
        }
        expect(user).toBeNull();
      } finally {
        await elsewhere.onModuleDestroy();
      }
    });
  });

  describe('the in-memory session cache', () => {
    const user = { id: 'u1', email: 'a@b.org', role: 'staff' as const, country: null };
    it('forgets a user at once, and never stores what a lookup read before the user was dropped', () => {
      const cache = new SessionCache(30_000);
      cache.set('s1', user, Date.now() + 60_000, cache.stamp('u1'));
      expect(cache.get('s1')).toEqual(user);
      const stamp = cache.stamp('u1');
      cache.dropUser('u1');
      expect(cache.get('s1')).toBeUndefined();
      cache.set('s1', user, Date.now() + 60_000, stamp);
      expect(cache.get('s1')).toBeUndefined();
    });
    it('expires entries after its time to live and with their session', () => {
      const cache = new SessionCache(1000);
      const now = Date.now();
      cache.set('s1', user, now + 500, cache.stamp('u1'), now);
      expect(cache.get('s1', now + 400)).toEqual(user);
      expect(cache.get('s1', now + 600)).toBeUndefined();
      cache.set('s2', user, now + 60_000, cache.stamp('u1'), now);
      expect(cache.get('s2', now + 1001)).toBeUndefined();
    });
  });

  describe('the browser session: HttpOnly cookie with a CSRF token', () => {
    it('sets the cookies at sign-in, answers with the cookie alone, and refuses unsafe calls without the CSRF header', async () => {
      const person = await register();
      const response = await t.http.post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(200);
      const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
      const session = cookies.find((cookie) => cookie.startsWith('trta_session='))!;
      const csrf = cookies.find((cookie) => cookie.startsWith('trta_csrf='))!;
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      expect(csrf).not.toMatch(/HttpOnly/i);
      const jar = [session, csrf].map((cookie) => cookie.split(';')[0]).join('; ');
      const csrfToken = csrf.split(';')[0].split('=')[1];
      await t.http.get('/api/auth/me').set('cookie', jar).expect(200);
      const body = { currentPassword: PASSWORD, newPassword: 'another-fine-passphrase' };
      await t.http.post('/api/auth/password').set('cookie', jar).send(body).expect(refused(403, 'CSRF_TOKEN_INVALID'));
      await t.http.post('/api/auth/password').set('cookie', jar).set('x-csrf-token', 'forged-token-value').send(body).expect(refused(403, 'CSRF_TOKEN_INVALID'));
      await t.http.post('/api/auth/password').set('cookie', jar).set('x-csrf-token', csrfToken).send(body).expect(204);
      // Sign-out ends the session the cookie carries and clears the cookies.
      const out = await t.http.post('/api/auth/logout').set('cookie', jar).set('x-csrf-token', csrfToken).expect(204);
      expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join(' ')).toMatch(/trta_session=;/);
      await t.http.get('/api/auth/me').set('cookie', jar).expect(refused(401, 'UNAUTHORIZED'));
    });
  });

  describe('email verification', () => {
    it('an unverified applicant signs in but cannot apply until they follow the emailed link', async () => {
      const person = await register();
      expect((await me(person.token).expect(200)).body.emailVerified).toBe(false);
      const activity = await createActivity();
      const upload = await t.http.post('/api/me/files').auth(person.token, { type: 'bearer' }).attach('file', PDF, 'cv.pdf').expect(201);
      const form = { motivation: 'I work on customs reform.', documents: [{ kind: 'cv', fileId: upload.body.id }] };
      await t.http.post(`/api/activities/${activity.id}/applications`).auth(person.token, { type: 'bearer' }).send(form).expect(refused(403, 'EMAIL_NOT_VERIFIED'));

      const token = await linkTokenFor(t, person.email, 'account.verify_email');
      const [message] = await t.dataSource.query(`SELECT body FROM notifications WHERE kind = 'account.verify_email' AND lower(to_email) = lower($1)`, [person.email]);
      expect(message.body).toContain(`${t.config.PUBLIC_URL}/verify-email#token=${token}`);
      // Only the hash of the token is kept.
      const stored = await t.dataSource.query(`SELECT encode(token_hash, 'hex') AS hash FROM account_tokens WHERE user_id = $1`, [person.id]);
      expect(stored).toHaveLength(1);
      expect(stored[0].hash).not.toContain(Buffer.from(token).toString('hex'));

      await t.http.post('/api/auth/verify-email').send({ token }).expect(204);
      await t.http.post('/api/auth/verify-email').send({ token }).expect(refused(400, 'ACCOUNT_LINK_INVALID', { reason: 'used' }));
      expect((await me(person.token).expect(200)).body.emailVerified).toBe(true);
      await t.http.post(`/api/activities/${activity.id}/applications`).auth(person.token, { type: 'bearer' }).send(form).expect(201);
    });

    it('sends the link again on request, and the newest link is the one that works', async () => {
      const person = await register();
      const first = await linkTokenFor(t, person.email, 'account.verify_email');
      await t.http.post('/api/auth/verify-email/resend').auth(person.token, { type: 'bearer' }).expect(202);
      const second = await linkTokenFor(t, person.email, 'account.verify_email');
      expect(second).not.toBe(first);
      await t.http.post('/api/auth/verify-email').send({ token: first }).expect(refused(400, 'ACCOUNT_LINK_INVALID', { reason: 'unknown' }));
      await t.http.post('/api/auth/verify-email').send({ token: second }).expect(204);
    });
  });

  describe('password reset by email', () => {
    it('answers alike for known and unknown emails, and the link sets the password once and ends every session', async () => {
      const person = await register();
      const known = await t.http.post('/api/auth/password-reset').send({ email: person.email.toUpperCase() }).expect(202);
      const unknown = await t.http.post('/api/auth/password-reset').send({ email: uniqueEmail('nobody') }).expect(202);
      expect(known.body).toEqual(unknown.body);
      const token = await linkTokenFor(t, person.email, 'account.password_reset');
      await t.http.post('/api/auth/password-reset/confirm').send({ token, password: 'password1234' }).expect(refused(400, 'PASSWORD_TOO_WEAK', { reason: 'common' }));
      await t.http.post('/api/auth/password-reset/confirm').send({ token, password: 'reset-to-something-new' }).expect(204);
      await me(person.token).expect(refused(401, 'UNAUTHORIZED'));
      await t.http.post('/api/auth/password-reset/confirm').send({ token, password: 'and-once-more-please' }).expect(refused(400, 'ACCOUNT_LINK_INVALID', { reason: 'used' }));
      await login(t.http, person.email, 'reset-to-something-new');
      // The link reached the mailbox: the email counts as confirmed.
      expect((await me(await login(t.http, person.email, 'reset-to-something-new')).expect(200)).body.emailVerified).toBe(true);
    });

    it('refuses an expired link', async () => {
      const person = await register();
      await t.http.post('/api/auth/password-reset').send({ email: person.email }).expect(202);
      const token = await linkTokenFor(t, person.email, 'account.password_reset');
      await t.dataSource.query(`UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [person.id]);
      await t.http.post('/api/auth/password-reset/confirm').send({ token, password: 'reset-to-something-new' }).expect(refused(400, 'ACCOUNT_LINK_INVALID', { reason: 'expired' }));
    });

    it('limits reset links per email', async () => {
      const email = uniqueEmail('flood');
      for (let i = 0; i < 3; i++) await t.http.post('/api/auth/password-reset').set('x-forwarded-for', `10.9.0.${i}`).send({ email }).expect(202);
      await t.http.post('/api/auth/password-reset').send({ email }).expect(refused(429, 'TOO_MANY_RESET_REQUESTS'));
    });
  });

  describe('no secret readable by staff', () => {
    it('the outbox shows that a link was sent, never the link', async () => {
      const person = await register();
      await t.http.post('/api/auth/password-reset').send({ email: person.email }).expect(202);
      const verify = await linkTokenFor(t, person.email, 'account.verify_email');
      const reset = await linkTokenFor(t, person.email, 'account.password_reset');
      const outbox = await t.http.get('/api/notifications').query({ userId: person.id }).auth(staff.token, { type: 'bearer' }).expect(200);
      const bodies = (outbox.body.items as { body: string; kind: string }[]).map((note) => note.body).join('\n');
      expect(outbox.body.items.map((note: { kind: string }) => note.kind).sort()).toEqual(['account.password_reset', 'account.verify_email']);
      expect(bodies).not.toContain(verify);
      expect(bodies).not.toContain(reset);
      expect(bodies).toContain('#token=[sent to the recipient only]');
    });
  });

  describe('an account opened with someone else\'s address (squatting)', () => {
    it('staff registering the real person send the owner of the address a takeover link; the squatter is shut out', async () => {
      const squatter = await register({ email: uniqueEmail('official') });
      const activity = await createActivity({ status: 'delivered', start: day(-20), deadline: null });
      const participant = { email: squatter.email, status: 'attended', attendedDays: 3, profile: registration({}, { fullName: 'Real Official' }).profile };
      await t.http.post(`/api/activities/${activity.id}/participants`).auth(staff.token, { type: 'bearer' }).send(participant).expect(201);
      const token = await linkTokenFor(t, squatter.email, 'account.takeover');
      await t.http.post('/api/auth/password-reset/confirm').send({ token, password: 'mine-and-only-mine' }).expect(204);
      await me(squatter.token).expect(refused(401, 'UNAUTHORIZED'));
      await t.http.post('/api/auth/login').send({ email: squatter.email, password: PASSWORD }).expect(refused(401, 'WRONG_CREDENTIALS'));
      const owner = await login(t.http, squatter.email, 'mine-and-only-mine');
      expect((await me(owner).expect(200)).body.emailVerified).toBe(true);
    });

    it('sends no takeover link for a confirmed account', async () => {
      const person = await register();
      await confirmEmail(t, person.email);
      const activity = await createActivity({ status: 'delivered', start: day(-20), deadline: null });
      await t.http
        .post(`/api/activities/${activity.id}/participants`)
        .auth(staff.token, { type: 'bearer' })
        .send({ email: person.email, status: 'attended', attendedDays: 3, profile: registration().profile })
        .expect(201);
      const kinds = (await t.dataSource.query('SELECT kind FROM notifications WHERE user_id = $1', [person.id])).map((row: { kind: string }) => row.kind);
      expect(kinds).not.toContain('account.takeover');
    });
  });

  describe('password policy', () => {
    it('refuses short, common, repetitive and personal passwords with a reason to translate', async () => {
      await t.http.post('/api/auth/register').send(registration({ password: 'aaaaaaaaaaaa' })).expect(refused(400, 'PASSWORD_TOO_WEAK', { reason: 'repetitive' }));
      await t.http.post('/api/auth/register').send(registration({ password: 'password1234' })).expect(refused(400, 'PASSWORD_TOO_WEAK', { reason: 'common' }));
      await t.http.post('/api/auth/register').send(registration({ password: 'qwertyuiop12' })).expect(refused(400, 'PASSWORD_TOO_WEAK'));
      await t.http.post('/api/auth/register').send(registration({ password: 'short' })).expect(refused(400, 'VALIDATION_FAILED'));
      await t.http.post('/api/auth/register').send(registration()).expect(201);
    });
  });

  describe('user management for admins', () => {
    it('lists, searches and pages users; every change is in the history with who and when', async () => {
      const tag = randomBytes(4).toString('hex');
      for (let i = 0; i < 3; i++) await register({ email: `findme-${tag}-${i}@example.org` });
      const first = await t.http.get('/api/users').query({ q: `findme-${tag}`, limit: 2 }).auth(admin.token, { type: 'bearer' }).expect(200);
      expect(first.body.items).toHaveLength(2);
      const second = await t.http.get('/api/users').query({ q: `findme-${tag}`, limit: 2, cursor: first.body.nextCursor }).auth(admin.token, { type: 'bearer' }).expect(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      const target = first.body.items[0];
      expect(target).toMatchObject({ role: 'applicant', emailVerified: false, disabled: false, fullName: 'Amina Diallo' });
      expect(target.allowedActions).toEqual(expect.arrayContaining(['disable', 'changeRole', 'sendReset']));
      const byName = await t.http.get('/api/users').query({ q: 'amina diallo', status: 'unverified', role: 'applicant' }).auth(admin.token, { type: 'bearer' }).expect(200);
      expect(byName.body.items.length).toBeGreaterThan(0);

      await t.http.post(`/api/users/${target.id}/password-reset`).auth(admin.token, { type: 'bearer' }).expect(200);
      await t.http.post(`/api/users/${target.id}/disable`).auth(admin.token, { type: 'bearer' }).expect(200);
      await t.http.post(`/api/users/${target.id}/password-reset`).auth(admin.token, { type: 'bearer' }).expect(refused(403, 'ACCOUNT_DISABLED'));
      await t.http.post(`/api/users/${target.id}/enable`).auth(admin.token, { type: 'bearer' }).expect(200);
      await t.http.patch(`/api/users/${target.id}`).auth(admin.token, { type: 'bearer' }).send({ role: 'focal_point' }).expect(refused(400, 'FOCAL_POINT_COUNTRY_REQUIRED'));
      await t.http.patch(`/api/users/${target.id}`).auth(admin.token, { type: 'bearer' }).send({ role: 'focal_point', country: 'PER' }).expect(200);
      const history = await t.http.get(`/api/users/${target.id}/history`).auth(admin.token, { type: 'bearer' }).expect(200);
      expect(history.body.items.map((entry: { action: string }) => entry.action)).toEqual(['reset_sent', 'disabled', 'enabled', 'role_changed', 'country_changed']);
      expect(history.body.items[3]).toMatchObject({ userId: admin.id, userEmail: t.config.ADMIN_EMAIL, changes: { role: { from: 'applicant', to: 'focal_point' } } });
      expect(new Date(history.body.items[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    });

    it('admins do not change their own account, and other roles do not manage users', async () => {
      await t.http.post(`/api/users/${admin.id}/disable`).auth(admin.token, { type: 'bearer' }).expect(refused(409, 'OWN_ACCOUNT_CHANGE'));
      await t.http.get('/api/users').auth(staff.token, { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
      await t.http.post(`/api/users/${randomUUIDv4()}/disable`).auth(admin.token, { type: 'bearer' }).expect(refused(404, 'USER_NOT_FOUND'));
    });
  });

  describe('throttling on the real client address', () => {
    it('does not believe X-Forwarded-For without TRUST_PROXY: a forged header gives no new guesses', async () => {
      const person = await register();
      for (let i = 0; i < 3; i++) {
        await t.http.post('/api/auth/login').set('x-forwarded-for', `203.0.113.${i}`).send({ email: person.email, password: 'wrong-password-x' }).expect(refused(401, 'WRONG_CREDENTIALS'));
      }
      await t.http.post('/api/auth/login').set('x-forwarded-for', '198.51.100.77').send({ email: person.email, password: PASSWORD }).expect(refused(429, 'TOO_MANY_SIGN_IN_ATTEMPTS'));
    });

  });

  describe('uploads, caching, CSP and source maps', () => {
    it('holds each applicant to the upload quota (files and bytes)', async () => {
      const person = await register();
      await t.http.post('/api/me/files').auth(person.token, { type: 'bearer' }).attach('file', PDF, 'a.pdf').expect(201);
      await t.http.post('/api/me/files').auth(person.token, { type: 'bearer' }).attach('file', PDF, 'b.pdf').expect(201);
      await t.http.post('/api/me/files').auth(person.token, { type: 'bearer' }).attach('file', PDF, 'c.pdf').expect(refused(413, 'UPLOAD_QUOTA_EXCEEDED', { limitFiles: 2, usedFiles: 2 }));
    });

    it('removes uploads never attached after the configured days, and keeps attached ones', async () => {
      const person = await register();
      const loose = await t.http.post('/api/me/files').auth(person.token, { type: 'bearer' }).attach('file', PDF, 'loose.pdf').expect(201);
      await t.dataSource.query(`UPDATE stored_files SET created_at = now() - interval '30 days' WHERE id = $1`, [loose.body.id]);
      const sheetFile = (await t.dataSource.query(`SELECT file_id AS id FROM sheet_materials WHERE file_id IS NOT NULL LIMIT 1`)) as { id: string }[];
      const removed = await t.app.get(FilesService).removeUnattached(7);
      expect(removed).toBeGreaterThanOrEqual(1);
      expect(await t.dataSource.query('SELECT id FROM stored_files WHERE id = $1', [loose.body.id])).toHaveLength(0);
      for (const file of sheetFile) expect(await t.dataSource.query('SELECT id FROM stored_files WHERE id = $1', [file.id])).toHaveLength(1);
    });

    it('marks personal-data answers no-store and allows no inline script', async () => {
      const person = await register();
      const answer = await me(person.token).expect(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      const csp = String(answer.headers['content-security-policy']);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc).toContain("'self'");
      expect(scriptSrc).not.toContain('unsafe-inline');
    });

    it('serves no source map', async () => {
      await t.http.get('/assets/index.js.map').expect((response) => expect([404]).toContain(response.status));
    });
  });
});

function randomUUIDv4(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
