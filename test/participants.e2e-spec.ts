import { randomBytes } from 'node:crypto';
import type { Role } from '@trta/http';
import { activityCode, currentPlanWithProduct, day, insertActivity, type PlanAndProduct } from './support/activity-fixtures';
import { login, PASSWORD, registration, signedIn, uniqueEmail } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

type Body = Record<string, unknown>;

const CSV_HEADER =
  'email,fullName,gender,nationality,country,institutionType,institution,position,languages,status,attendedDays,satisfaction,relevance,preTestScore,postTestScore,comments';

describe('participants registered by staff', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let staffId: string;
  let staffEmail: string;
  let plan: PlanAndProduct;
  let codeCounter = 0;
  const planYear = new Date().getUTCFullYear();

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'auditor', 'focal_point', 'applicant'] as Role[]) tokens[role] = (await signedIn(t, role)).token;
    const staff = await signedIn(t, 'staff');
    tokens.staff = staff.token;
    staffId = staff.id;
    staffEmail = staff.email;
    plan = await currentPlanWithProduct(t);
  });
  afterAll(() => t.close());

  /** A national workshop recorded after the fact: delivered, 5 days long, by SQL. */
  const activity = (values: { status?: string; capacity?: number; start?: string; end?: string } = {}) =>
    insertActivity(t, plan, {
      code: activityCode(planYear, 7000 + ++codeCounter),
      title: 'National workshop on trade facilitation',
      type: 'national',
      languages: ['en', 'fr'],
      beneficiaryCountries: ['SEN'],
      capacity: values.capacity ?? 10,
      status: values.status ?? 'delivered',
      startDate: values.start ?? day(-20),
      endDate: values.end ?? day(-16),
      venueCity: 'Dakar',
      venueCountry: 'SEN',
    });

  const post = (role: Role, path: string, body: Body) => t.http.post(path).auth(tokens[role], { type: 'bearer' }).send(body);
  const upload = (activityId: string, csv: string, role: Role = 'staff', contentType = 'text/csv') =>
    t.http
      .post(`/api/activities/${activityId}/participants`)
      .auth(tokens[role], { type: 'bearer' })
      .attach('file', Buffer.from(csv), { filename: 'participants.csv', contentType });

  function participant(overrides: Body = {}, profile: Body = {}): Body {
    const { profile: base } = registration({}, profile);
    return { email: uniqueEmail('participant'), profile: base, status: 'selected', ...overrides };
  }

  async function seatsTaken(activityId: string): Promise<number> {
    const [{ seats }] = await t.dataSource.query('SELECT seats_taken AS seats FROM activities WHERE id = $1', [activityId]);
    return seats;
  }

  async function counts(): Promise<{ users: number; applications: number; evaluations: number; claims: number }> {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM applications) AS applications,
         (SELECT count(*)::int FROM evaluations) AS evaluations, (SELECT count(*)::int FROM account_claims) AS claims`,
    );
    return row;
  }

  async function notificationsOf(email: string): Promise<{ kind: string; locale: string; subject: string; body: string }[]> {
    return t.dataSource.query(`SELECT kind, locale, subject, body FROM notifications WHERE lower(to_email) = lower($1) ORDER BY created_at`, [email]);
  }

  const claimTokenIn = (body: string) => /\/claim\?email=[^#\s]+#token=([A-Za-z0-9_-]{43})\n/.exec(body)?.[1];

  describe('one participant as JSON', () => {
    it('creates a claimable account and profile for a new email, with a registered application', async () => {
      const { id, code } = await activity();
      const body = participant({ locale: 'fr', status: 'selected' }, { fullName: 'Fatou Ndiaye' });
      const response = await post('staff', `/api/activities/${id}/participants`, body).expect(201);
      expect(response.body).toEqual({
        row: null,
        applicationId: expect.any(String),
        email: body.email,
        newAccount: true,
        status: 'selected',
        certificateCode: null,
      });
      const [user] = await t.dataSource.query(
        `SELECT u.password_hash AS "passwordHash", u.role, u.locale, p.full_name AS "fullName" FROM users u JOIN applicant_profiles p ON p.user_id = u.id
         WHERE u.email = $1`,
        [body.email],
      );
      expect(user).toEqual({ passwordHash: null, role: 'applicant', locale: 'fr', fullName: 'Fatou Ndiaye' });
      const [application] = await t.dataSource.query(
        'SELECT status, country, registered_by AS "registeredBy", decided_by AS "decidedBy" FROM applications WHERE id = $1',
        [response.body.applicationId],
      );
      expect(application).toEqual({ status: 'selected', country: 'SEN', registeredBy: staffId, decidedBy: staffId });
      expect(await seatsTaken(id)).toBe(1);
      const notes = await notificationsOf(body.email as string);
      expect(notes.map((note) => note.kind).sort()).toEqual(['account.created', 'application.selected']);
      const created = notes.find((note) => note.kind === 'account.created')!;
      expect(created.locale).toBe('fr');
      expect(created.subject).toContain(code);
      expect(created.body).toContain('ouvrant ce lien');
      expect(claimTokenIn(created.body)).toBeDefined();
      // Only the token's hash is stored.
      const [claim] = await t.dataSource.query('SELECT encode(token_hash, $2) AS hash FROM account_claims c JOIN users u ON u.id = c.user_id WHERE u.email = $1', [
        body.email,
        'hex',
      ]);
      expect(claim.hash).toHaveLength(64);
      expect(created.body).not.toContain(claim.hash);
    });

    it('registers a completed participant with a certificate code and a paper evaluation', async () => {
      const { id } = await activity();
      const body = participant({ status: 'completed', attendedDays: 5, evaluation: { satisfaction: 4, relevance: 5, preTestScore: 40, postTestScore: 80, comments: ' useful ' } });
      const response = await post('staff', `/api/activities/${id}/participants`, body).expect(201);
      expect(response.body.certificateCode).toMatch(/^TRTA-[0-9A-HJKMNP-TV-Z]{10}$/);
      const [row] = await t.dataSource.query(
        `SELECT ap.status, ap.attended_days AS "attendedDays", ap.completed_at IS NOT NULL AS completed, e.satisfaction, e.relevance,
           e.pre_test_score AS pre, e.post_test_score AS post, e.comments, e.entered_by AS "enteredBy"
         FROM applications ap JOIN evaluations e ON e.application_id = ap.id WHERE ap.id = $1`,
        [response.body.applicationId],
      );
      expect(row).toEqual({ status: 'completed', attendedDays: 5, completed: true, satisfaction: 4, relevance: 5, pre: 40, post: 80, comments: 'useful', enteredBy: staffId });
      const kinds = (await notificationsOf(body.email as string)).map((note) => note.kind).sort();
      expect(kinds).toEqual(['account.created', 'certificate.ready']);
      const verified = await t.http.get(`/api/certificates/${response.body.certificateCode}`).expect(200);
      expect(verified.body.participant).toBe('Amina Diallo');
    });

    it('reuses an existing account, in any letter case, and keeps its profile', async () => {
      const { id } = await activity();
      const existing = registration({}, { fullName: 'Original Name', country: 'KEN' });
      const registered = await t.http.post('/api/auth/register').send(existing).expect(201);
      const before = await counts();
      const body = participant({ email: (existing.email as string).toUpperCase(), status: 'attended', attendedDays: 3 }, { fullName: 'Other Name', country: 'SEN' });
      const response = await post('staff', `/api/activities/${id}/participants`, body).expect(201);
      expect(response.body).toMatchObject({ newAccount: false, status: 'attended' });
      const after = await counts();
      expect(after.users).toBe(before.users);
      expect(after.claims).toBe(before.claims);
      const [row] = await t.dataSource.query(
        `SELECT ap.applicant_id AS "applicantId", ap.country, p.full_name AS "fullName" FROM applications ap
         JOIN applicant_profiles p ON p.user_id = ap.applicant_id WHERE ap.id = $1`,
        [response.body.applicationId],
      );
      expect(row).toEqual({ applicantId: registered.body.user.id, country: 'KEN', fullName: 'Original Name' });
      // No profile is needed for an existing account.
      const other = await activity();
      await post('staff', `/api/activities/${other.id}/participants`, { email: existing.email, status: 'submitted' }).expect(201);
      expect((await notificationsOf(existing.email as string)).map((note) => note.kind)).not.toContain('account.created');
    });

    it('refuses a second registration of the same person with 409', async () => {
      const { id } = await activity();
      const body = participant();
      await post('staff', `/api/activities/${id}/participants`, body).expect(201);
      const again = await post('staff', `/api/activities/${id}/participants`, { email: body.email, status: 'attended' }).expect(refused(409, 'ALREADY_APPLIED'));
      expect(again.body.message).toContain('already registered');
    });

    it('answers 409 when the activity is full, and leaves the seats as they were', async () => {
      const { id, code } = await activity({ capacity: 1 });
      await post('staff', `/api/activities/${id}/participants`, participant()).expect(201);
      const before = await counts();
      const response = await post('staff', `/api/activities/${id}/participants`, participant({ status: 'completed' })).expect(refused(409, 'ACTIVITY_FULL'));
      expect(response.body.message).toBe(`activity ${code} is full`);
      expect(await counts()).toEqual(before);
      // A status without a seat still fits.
      await post('staff', `/api/activities/${id}/participants`, participant({ status: 'submitted' })).expect(201);
      expect(await seatsTaken(id)).toBe(1);
    });

    it('refuses business rules with 422 naming each problem, writing nothing', async () => {
      const { id } = await activity();
      const before = await counts();
      const cases: [Body, string][] = [
        [{ email: uniqueEmail('nobody'), status: 'selected' }, 'profile'],
        [participant({ status: 'selected', attendedDays: 2 }), 'attendedDays is recorded only'],
        [participant({ status: 'attended', attendedDays: 6 }), 'more than the 5 days'],
        [participant({ status: 'submitted', evaluation: { satisfaction: 3, relevance: 3 } }), 'evaluation is entered only'],
        [participant({}, { nationality: 'XXX' }), 'nationality XXX is not a known country code'],
        [{ email: staffEmail, status: 'selected' }, 'belongs to a staff account'],
      ];
      for (const [body, problem] of cases) {
        const response = await post('staff', `/api/activities/${id}/participants`, body);
        refused(422, 'PARTICIPANTS_INVALID')(response);
        expect(response.body.message).toEqual(expect.stringContaining(problem));
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses malformed input with 400 listing every field', async () => {
      const { id } = await activity();
      const response = await post('staff', `/api/activities/${id}/participants`, {
        email: 'not-an-email',
        status: 'rejected',
        attendedDays: -1,
        profile: { fullName: '', gender: 'x' },
        evaluation: { satisfaction: 6, relevance: 0, preTestScore: 101 },
        extra: true,
      }).expect(refused(400, 'VALIDATION_FAILED'));
      const text = (response.body.message as string[]).join('\n');
      for (const part of ['email must be an email', 'status must be one of', 'attendedDays must not be less than 0', 'profile.gender', 'profile.nationality', 'evaluation.satisfaction', 'evaluation.relevance', 'evaluation.preTestScore', 'property extra should not exist']) {
        expect(text).toContain(part);
      }
      await t.http.post(`/api/activities/${id}/participants`).auth(tokens.staff, { type: 'bearer' }).set('content-type', 'application/json').send('[1, 2]').expect(refused(400, 'PARTICIPANT_BODY_INVALID'));
      await post('staff', '/api/activities/not-a-uuid/participants', participant()).expect(refused(400, 'VALIDATION_FAILED'));
    });

    it('is allowed for confirmed, closed and delivered activities only', async () => {
      for (const status of ['confirmed', 'closed', 'delivered']) {
        const { id } = await activity({ status, start: day(10), end: day(12) });
        await post('staff', `/api/activities/${id}/participants`, participant()).expect(201);
      }
      for (const status of ['planned', 'open', 'cancelled', 'postponed']) {
        const { id } = await activity({ status });
        const response = await post('staff', `/api/activities/${id}/participants`, participant()).expect(refused(409, 'ACTIVITY_NOT_REGISTRABLE'));
        expect(response.body.message).toContain(`is ${status}`);
      }
      await post('staff', `/api/activities/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/participants`, participant()).expect(refused(404, 'ACTIVITY_NOT_FOUND'));
    });

    it('is for staff and admins only', async () => {
      const { id } = await activity();
      for (const role of ['auditor', 'focal_point', 'applicant'] as Role[]) await post(role, `/api/activities/${id}/participants`, participant()).expect(refused(403, 'FORBIDDEN'));
      await t.http.post(`/api/activities/${id}/participants`).send(participant()).expect(refused(401, 'UNAUTHORIZED'));
      await post('admin', `/api/activities/${id}/participants`, participant()).expect(201);
    });
  });

  describe('claiming the account', () => {
    it('sets the password once with the emailed token, then the person signs in', async () => {
      const { id } = await activity();
      const body = participant({ locale: 'es' });
      await post('staff', `/api/activities/${id}/participants`, body).expect(201);
      // Not claimed yet: no password works.
      await t.http.post('/api/auth/login').send({ email: body.email, password: PASSWORD }).expect(refused(401, 'WRONG_CREDENTIALS'));
      const created = (await notificationsOf(body.email as string)).find((note) => note.kind === 'account.created')!;
      expect(created.locale).toBe('es');
      const token = claimTokenIn(created.body)!;

      const wrong = await t.http.post('/api/auth/claim').send({ email: body.email, token: randomBytes(32).toString('base64url'), password: PASSWORD }).expect(refused(400, 'CLAIM_TOKEN_INVALID'));
      expect(wrong.body.message).toContain('do not match');
      await t.http.post('/api/auth/claim').send({ email: uniqueEmail('other'), token, password: PASSWORD }).expect(refused(400, 'CLAIM_TOKEN_INVALID'));
      await t.http.post('/api/auth/claim').send({ email: body.email, token, password: 'short' }).expect(refused(400, 'VALIDATION_FAILED'));
      await t.http.post('/api/auth/claim').send({ email: body.email, password: PASSWORD }).expect(refused(400, 'VALIDATION_FAILED'));

      const claimed = await t.http.post('/api/auth/claim').send({ email: (body.email as string).toUpperCase(), token, password: PASSWORD }).expect(200);
      expect(claimed.body).toMatchObject({ user: { email: body.email, role: 'applicant', locale: 'es' }, accessToken: expect.any(String) });
      const accessToken = await login(t.http, body.email as string);
      const mine = await t.http.get('/api/auth/me').auth(accessToken, { type: 'bearer' }).expect(200);
      expect(mine.body.profile.fullName).toBe('Amina Diallo');
      // Once only.
      await t.http.post('/api/auth/claim').send({ email: body.email, token, password: 'another-password-1' }).expect(refused(400, 'CLAIM_TOKEN_INVALID'));
      await login(t.http, body.email as string);
      const [{ claims }] = await t.dataSource.query('SELECT count(*)::int AS claims FROM account_claims c JOIN users u ON u.id = c.user_id WHERE u.email = $1', [body.email]);
      expect(claims).toBe(0);
    });

    it('refuses an expired token', async () => {
      const { id } = await activity();
      const body = participant();
      await post('staff', `/api/activities/${id}/participants`, body).expect(201);
      const token = claimTokenIn((await notificationsOf(body.email as string)).find((note) => note.kind === 'account.created')!.body)!;
      await t.dataSource.query(`UPDATE account_claims SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [body.email]);
      const response = await t.http.post('/api/auth/claim').send({ email: body.email, token, password: PASSWORD }).expect(refused(400, 'CLAIM_TOKEN_EXPIRED'));
      expect(response.body.message).toContain('expired');
      await t.http.post('/api/auth/login').send({ email: body.email, password: PASSWORD }).expect(refused(401, 'WRONG_CREDENTIALS'));
    });
  });

  describe('CSV import', () => {
    const row = (email: string, status: string, extra: Partial<Record<'attendedDays' | 'satisfaction' | 'relevance' | 'pre' | 'post' | 'comments' | 'fullName' | 'country', string>> = {}) =>
      [
        email,
        extra.fullName ?? 'Juan Pérez',
        'male',
        'PER',
        extra.country ?? 'PER',
        'government',
        'Ministerio de Comercio',
        'Analyst',
        'es|en',
        status,
        extra.attendedDays ?? '',
        extra.satisfaction ?? '',
        extra.relevance ?? '',
        extra.pre ?? '',
        extra.post ?? '',
        extra.comments ?? '',
      ].join(',');

    it('registers every row, new and existing accounts, in one go', async () => {
      const { id } = await activity({ capacity: 3 });
      const existing = registration();
      await t.http.post('/api/auth/register').send(existing).expect(201);
      const emails = [uniqueEmail('csv'), uniqueEmail('csv'), uniqueEmail('csv')];
      const csv = [
        CSV_HEADER,
        row(emails[0], 'completed', { attendedDays: '5', satisfaction: '5', relevance: '4', pre: '30', post: '70', comments: '"Very good, thanks"' }),
        '',
        row(emails[1], 'attended', { attendedDays: '2' }),
        `${existing.email},,,,,,,,,selected,,,,,,`,
        row(emails[2], 'submitted'),
      ].join('\n');
      const response = await upload(id, csv).expect(201);
      expect(response.body.created).toBe(4);
      expect(response.body.participants).toEqual([
        { row: 2, applicationId: expect.any(String), email: emails[0], newAccount: true, status: 'completed', certificateCode: expect.stringMatching(/^TRTA-/) },
        { row: 4, applicationId: expect.any(String), email: emails[1], newAccount: true, status: 'attended', certificateCode: null },
        { row: 5, applicationId: expect.any(String), email: existing.email, newAccount: false, status: 'selected', certificateCode: null },
        { row: 6, applicationId: expect.any(String), email: emails[2], newAccount: true, status: 'submitted', certificateCode: null },
      ]);
      expect(await seatsTaken(id)).toBe(3);
      const [evaluation] = await t.dataSource.query('SELECT satisfaction, comments, entered_by AS "enteredBy" FROM evaluations WHERE application_id = $1', [
        response.body.participants[0].applicationId,
      ]);
      expect(evaluation).toEqual({ satisfaction: 5, comments: 'Very good, thanks', enteredBy: staffId });
      const [profile] = await t.dataSource.query('SELECT languages, full_name AS "fullName" FROM applicant_profiles p JOIN users u ON u.id = p.user_id WHERE u.email = $1', [emails[1]]);
      expect(profile).toEqual({ languages: ['es', 'en'], fullName: 'Juan Pérez' });
      expect((await notificationsOf(emails[2])).map((note) => note.kind).sort()).toEqual(['account.created', 'application.submitted']);
    });

    it('checks the whole file and lists every bad row, writing nothing', async () => {
      const { id } = await activity({ capacity: 10 });
      const taken = uniqueEmail('taken');
      await post('staff', `/api/activities/${id}/participants`, participant({ email: taken })).expect(201);
      const before = await counts();
      const dup = uniqueEmail('dup');
      const csv = [
        CSV_HEADER,
        row(uniqueEmail('ok'), 'selected'),
        row('not-an-email', 'selected'),
        row(uniqueEmail('bad'), 'rejected'),
        row(dup, 'selected'),
        row(dup.toUpperCase(), 'attended', { attendedDays: '1' }),
        row(taken, 'selected'),
        row(uniqueEmail('days'), 'attended', { attendedDays: '9' }),
        row(uniqueEmail('eval'), 'selected', { satisfaction: '4', relevance: '4' }),
        row(uniqueEmail('score'), 'completed', { satisfaction: '7', relevance: 'x' }),
        row(uniqueEmail('country'), 'selected', { country: 'ZZZ' }),
        `${uniqueEmail('noprofile')},,,,,,,,,selected,,,,,,`,
        'too,few,columns',
      ].join('\r\n');
      const response = await upload(id, csv).expect(refused(422, 'PARTICIPANTS_INVALID'));
      expect(response.body.message).toBe('10 of 12 rows have problems; nothing was imported');
      const problems = response.body.errors as { row: number; field: string | null; problem: string }[];
      const byRow = (n: number) => problems.filter((problem) => problem.row === n);
      expect(byRow(2)).toEqual([]);
      expect(byRow(3)).toEqual([{ row: 3, field: 'email', problem: 'email must be an email address' }]);
      expect(byRow(4)[0]).toMatchObject({ field: 'status', problem: expect.stringContaining('status must be one of') });
      expect(byRow(5)).toEqual([]);
      expect(byRow(6)).toEqual([{ row: 6, field: 'email', problem: `email ${dup.toUpperCase()} is also in row 5` }]);
      expect(byRow(7)).toEqual([{ row: 7, field: 'email', problem: expect.stringContaining('already registered') }]);
      expect(byRow(8)[0]).toMatchObject({ field: 'attendedDays', problem: expect.stringContaining('more than the 5 days') });
      expect(byRow(9)[0]).toMatchObject({ field: 'evaluation' });
      expect([...new Set(byRow(10).map((problem) => problem.field))].sort()).toEqual(['relevance', 'satisfaction']);
      expect(byRow(11)).toEqual([{ row: 11, field: 'country', problem: 'country ZZZ is not a known country code' }]);
      expect(byRow(12)[0]).toMatchObject({ field: 'profile' });
      expect(byRow(13)).toEqual([{ row: 13, field: null, problem: expect.stringContaining('the row has 3 values') }]);
      expect(await counts()).toEqual(before);
    });

    it('refuses rows beyond the seats left, writing nothing', async () => {
      const { id, code } = await activity({ capacity: 3 });
      await post('staff', `/api/activities/${id}/participants`, participant({ status: 'attended' })).expect(201);
      const before = await counts();
      const csv = [CSV_HEADER, row(uniqueEmail('a'), 'selected'), row(uniqueEmail('b'), 'submitted'), row(uniqueEmail('c'), 'completed'), row(uniqueEmail('d'), 'attended')].join('\n');
      const response = await upload(id, csv).expect(refused(422, 'PARTICIPANTS_INVALID'));
      expect(response.body.errors).toEqual([
        { row: 5, field: 'status', problem: `activity ${code} has 2 seats left and the file puts 3 participants in a seat (selected, attended, completed)` },
      ]);
      expect(await counts()).toEqual(before);
      expect(await seatsTaken(id)).toBe(1);
      // Exactly the seats left fit.
      await upload(id, [CSV_HEADER, row(uniqueEmail('a'), 'selected'), row(uniqueEmail('b'), 'submitted'), row(uniqueEmail('c'), 'completed')].join('\n')).expect(201);
      expect(await seatsTaken(id)).toBe(3);
    });

    it('refuses files that are not a participants CSV', async () => {
      const { id } = await activity();
      const header = await upload(id, 'email,status,shoeSize\nx@example.org,selected,42').expect(refused(400, 'CSV_HEADER_INVALID'));
      expect(header.body.message).toContain('unknown columns: shoeSize');
      expect((await upload(id, 'fullName\nX').expect(refused(400, 'CSV_HEADER_INVALID'))).body.message).toContain('lacks the required columns: email, status');
      expect((await upload(id, `${CSV_HEADER}\n`).expect(refused(400, 'CSV_EMPTY'))).body.message).toContain('no participant rows');
      await upload(id, '%PDF-1.4 binary', 'staff', 'application/pdf').expect(refused(415, 'CSV_REQUIRED'));
      await upload(id, `${CSV_HEADER}\n"unclosed,selected`).expect(refused(400, 'CSV_INVALID'));
      const tooMany = [CSV_HEADER, ...Array.from({ length: 1001 }, (_, index) => row(`many-${index}@example.org`, 'selected'))].join('\n');
      await upload(id, tooMany).expect(refused(400, 'CSV_TOO_MANY_ROWS'));
      await t.http.post(`/api/activities/${id}/participants`).auth(tokens.staff, { type: 'bearer' }).field('note', 'no file').expect(refused(400, 'FILE_MISSING'));
      await upload(id, `${CSV_HEADER}\n${row(uniqueEmail('x'), 'selected')}`, 'auditor').expect(refused(403, 'FORBIDDEN'));
      const open = await activity({ status: 'open' });
      await upload(open.id, `${CSV_HEADER}\n${row(uniqueEmail('x'), 'selected')}`).expect(refused(409, 'ACTIVITY_NOT_REGISTRABLE'));
    });
  });
});
