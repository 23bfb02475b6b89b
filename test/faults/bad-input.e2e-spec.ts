import { createTestApp, TestApp } from '../support/test-app';
import { registration, signedIn } from '../support/factories';
import { activityFactory } from '../support/activity-fixtures';
import { refused } from '../support/refusals';
import { nationalRequest } from '../support/application-fixtures';

/**
 * Input no route can use is a 400 before validation, on every route (public ones included):
 * JSON nested ~1,500 levels deep (a 3 KB body that used to answer 500) and a NUL character in a
 * string of the body or the query (which PostgreSQL cannot store; it used to answer 500).
 */
describe('bad input on public routes', () => {
  let t: TestApp;
  let staff: { token: string };
  let applicant: { token: string };
  const createActivity = activityFactory(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signedIn(t, 'staff');
    applicant = await signedIn(t, 'applicant');
  });
  afterAll(() => t.close());

  const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
  const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

  describe('JSON nested too deep: JSON_TOO_DEEP', () => {
    it('refuses 1,500 levels at sign-in, registration and a signed-in route, naming the limit', async () => {
      for (const body of [deepArray(1500), deepObject(1500), `{"email": "a@b.org", "password": ${deepArray(1500)}}`]) {
        const response = await t.http
          .post('/api/auth/login')
          .set('content-type', 'application/json')
          .send(body)
          .expect(refused(400, 'JSON_TOO_DEEP', { maxDepth: t.config.JSON_MAX_DEPTH }));
        expect(response.body.message).toContain(`deeper than ${t.config.JSON_MAX_DEPTH} levels`);
        expect(response.headers['x-request-id']).toBeTruthy();
      }
      await t.http.post('/api/auth/register').set('content-type', 'application/json').send(deepObject(1500)).expect(refused(400, 'JSON_TOO_DEEP'));
      await t.http
        .put('/api/me/profile')
        .auth(applicant.token, { type: 'bearer' })
        .set('content-type', 'application/json; charset=utf-8')
        .send(deepArray(200))
        .expect(refused(400, 'JSON_TOO_DEEP'));
    });

    it('counts only real nesting: brackets inside strings do not count, and bodies at the limit pass to validation', async () => {
      const inString = JSON.stringify({ email: '['.repeat(5000), password: '{'.repeat(5000) });
      await t.http.post('/api/auth/login').set('content-type', 'application/json').send(inString).expect(refused(400, 'VALIDATION_FAILED'));
      const atLimit = deepObject(t.config.JSON_MAX_DEPTH - 1);
      await t.http.post('/api/auth/login').set('content-type', 'application/json').send(atLimit).expect(refused(400, 'VALIDATION_FAILED'));
      await t.http
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send(deepObject(t.config.JSON_MAX_DEPTH + 1))
        .expect(refused(400, 'JSON_TOO_DEEP'));
      // invalid JSON is still INVALID_JSON, and an ordinary sign-in still works
      await t.http.post('/api/auth/login').set('content-type', 'application/json').send('{"email": "a@b.org",').expect(refused(400, 'INVALID_JSON'));
      const user = registration();
      await t.http.post('/api/auth/register').send(user).expect(201);
      await t.http.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    });
  });

  describe('NUL characters: NUL_CHARACTER naming the field', () => {
    it('refuses a NUL in the sign-in email and in a registration field', async () => {
      const response = await t.http
        .post('/api/auth/login')
        .send({ email: 'someone\u0000@example.org', password: 'whatever-password' })
        .expect(refused(400, 'NUL_CHARACTER', { field: 'email', location: 'body' }));
      expect(response.body.message).toContain('"email"');
      await t.http
        .post('/api/auth/register')
        .send(registration({}, { institution: 'Ministry\u0000of Trade' }))
        .expect(refused(400, 'NUL_CHARACTER', { field: 'profile.institution', location: 'body' }));
    });

    it('refuses a NUL in ?q= of the public catalogue and of the activity search', async () => {
      await t.http.get('/api/catalogue?q=trade%00').expect(refused(400, 'NUL_CHARACTER', { field: 'q', location: 'query' }));
      await t.http
        .get('/api/activities?q=%00')
        .auth(staff.token, { type: 'bearer' })
        .expect(refused(400, 'NUL_CHARACTER', { field: 'q', location: 'query' }));
      // the same searches without the NUL answer
      await t.http.get('/api/catalogue?q=trade').expect(200);
      await t.http.get('/api/activities?q=trade').auth(staff.token, { type: 'bearer' }).expect(200);
    });

    it('refuses a NUL in the title of a clone and in the applicant profile, and stores nothing', async () => {
      const activity = await createActivity();
      await t.http
        .post(`/api/activities/${activity.id}/clone`)
        .auth(staff.token, { type: 'bearer' })
        .send({ title: 'Copy\u0000' })
        .expect(refused(400, 'NUL_CHARACTER', { field: 'title' }));
      const [{ count }] = await t.dataSource.query("SELECT count(*)::int AS count FROM activities WHERE title LIKE 'Copy%'");
      expect(count).toBe(0);
      await t.http
        .put('/api/me/profile')
        .auth(applicant.token, { type: 'bearer' })
        .send({
          fullName: 'Wanjiru\u0000Kamau',
          gender: 'female',
          nationality: 'KEN',
          country: 'UGA',
          institutionType: 'parliament',
          institution: 'Parliament of Uganda',
          position: 'Clerk',
          languages: ['en'],
        })
        .expect(refused(400, 'NUL_CHARACTER', { field: 'fullName' }));
    });

    it('refuses a NUL in a text field of a multipart form (a national request with its letter), and stores nothing', async () => {
      const focal = await signedIn(t, 'focal_point', 'KEN');
      const [{ before }] = await t.dataSource.query('SELECT (SELECT count(*) FROM national_requests)::int + (SELECT count(*) FROM stored_files)::int AS before');
      await expect(nationalRequest(t, focal, { targetAudience: 'Customs\u0000officials' })).rejects.toThrow(/400 .*"code":"NUL_CHARACTER".*"field":"targetAudience"/);
      const [{ after }] = await t.dataSource.query('SELECT (SELECT count(*) FROM national_requests)::int + (SELECT count(*) FROM stored_files)::int AS after');
      expect(after).toBe(before);
      // the same form without the NUL is taken
      await expect(nationalRequest(t, focal)).resolves.toHaveProperty('id');
    });
  });
});
