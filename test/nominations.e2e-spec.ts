import { createTestApp, TestApp } from './support/test-app';
import { registration, signedIn } from './support/factories';

// ---- fixtures (kept in each applications spec file: test/support is not this feature's to change) ----
type Body = Record<string, unknown>;
type Token = { id: string; email: string; token: string };

/** A date `offset` days from today (UTC). */
function day(offset: number): string {
  return new Date(Date.now() + offset * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

let activityNumber = 0;

interface ActivityOptions {
  type?: 'national' | 'regional' | 'global';
  beneficiaries?: string[];
  capacity?: number;
  requiresNomination?: boolean;
  quota?: number;
  prerequisiteLevel?: number | null;
  plsLevel?: number | null;
  status?: string;
  deadline?: string | null;
  start?: string;
  requiredDocuments?: string[];
}

/** A plan, a product and activities written straight to the database: the lifecycle has its own tests. */
function activityFactory(getApp: () => TestApp) {
  let productId: string | undefined;
  let planId: string | undefined;
  return async function createActivity(options: ActivityOptions = {}): Promise<{ id: string; code: string }> {
    const t = getApp();
    if (!productId) {
      const year = new Date().getUTCFullYear();
      [{ id: planId }] = await t.dataSource.query(
        `INSERT INTO ta_plans (code, title, period_start, period_end, status) VALUES ($1, 'TA Plan', $2, $3, 'adopted') RETURNING id`,
        [`${year - 1}-${year + 1}`, `${year - 1}-01-01`, `${year + 1}-12-31`],
      );
      [{ id: productId }] = await t.dataSource.query(
        `INSERT INTO products (plan_id, code, name, category, description, planned_budget, funding_source)
         VALUES ($1, 'P1', 'General TA', 'general', 'courses', '500000.00', 'regular_budget') RETURNING id`,
        [planId],
      );
    }
    const type = options.type ?? 'global';
    const beneficiaries = options.beneficiaries ?? (type === 'national' ? ['KEN'] : type === 'regional' ? ['KEN', 'SEN'] : []);
    const code = `TA-2099-${String(++activityNumber).padStart(4, '0')}`;
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO activities (code, plan_id, product_id, title, type, delivery_mode, pls_level, languages, lead_division,
         beneficiary_countries, region, start_date, end_date, capacity, application_deadline, requires_nomination,
         nomination_quota, prerequisite_level, budget_planned, funding_source, status, sheet_published_at)
       VALUES ($1, $2, $3, 'Course on trade facilitation', $4, 'online', $5, '{en,fr}', 'ITTC', $6::char(3)[], $7, $8, $8::date + 4, $9, $10,
         $11, $12, $13, '1000.00', 'regular_budget', $14, now()) RETURNING id`,
      [
        code,
        planId,
        productId,
        type,
        options.plsLevel ?? null,
        beneficiaries,
        type === 'regional' ? 'africa' : null,
        options.start ?? day(60),
        options.capacity ?? 25,
        options.deadline === undefined ? day(30) : options.deadline,
        options.requiresNomination ?? false,
        options.quota ?? 2,
        options.prerequisiteLevel ?? null,
        options.status ?? 'open',
      ],
    );
    await t.dataSource.query('INSERT INTO activity_sheets (activity_id, objectives, required_documents) VALUES ($1, $2, $3)', [
      id,
      { en: 'Objectives' },
      options.requiredDocuments ?? ['cv'],
    ]);
    return { id, code };
  };
}

/** An applicant signed up through the API, working in `country`. */
async function applicantIn(t: TestApp, country = 'KEN', profile: Body = {}): Promise<Token> {
  const body = registration({}, { country, nationality: country, ...profile });
  const response = await t.http.post('/api/auth/register').send(body);
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.user.id, email: body.email, token: response.body.accessToken };
}

function client(t: TestApp, who: Token | undefined) {
  const auth = <R extends { auth(token: string, options: { type: 'bearer' }): R }>(request: R) =>
    who ? request.auth(who.token, { type: 'bearer' }) : request;
  return {
    get: (path: string) => auth(t.http.get(path)),
    post: (path: string, body: Body = {}) => auth(t.http.post(path)).send(body),
    put: (path: string, body: Body) => auth(t.http.put(path)).send(body),
    delete: (path: string) => auth(t.http.delete(path)),
  };
}

async function uploadPdf(t: TestApp, who: Token, name = 'cv.pdf'): Promise<string> {
  const response = await t.http.post('/api/me/files').auth(who.token, { type: 'bearer' }).attach('file', PDF, name);
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** Submits a participation form with a CV through the API. */
async function apply(t: TestApp, who: Token, activityId: string, kinds: string[] = ['cv']): Promise<string> {
  const fileId = await uploadPdf(t, who);
  const response = await client(t, who).post(`/api/activities/${activityId}/applications`, {
    motivation: 'I work on customs reform.',
    documents: kinds.map((kind) => ({ kind, fileId })),
  });
  if (response.status !== 201) throw new Error(`apply failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** Many applicants and their applications written by SQL (signing up hundreds through argon2 takes minutes). */
async function bulkApplications(t: TestApp, activityId: string, count: number, country = 'KEN', status = 'submitted'): Promise<string[]> {
  const rows = await t.dataSource.query(
    `WITH people AS (
       INSERT INTO users (email, role, locale) SELECT 'bulk-' || gen_random_uuid() || '@example.org', 'applicant', 'en'
       FROM generate_series(1, $2) RETURNING id
     ), profiles AS (
       INSERT INTO applicant_profiles (user_id, full_name, gender, nationality, country, institution_type, institution, position, languages)
       SELECT id, 'Bulk applicant', 'female', $3, $3, 'government', 'Ministry', 'Officer', '{en}' FROM people RETURNING user_id
     )
     INSERT INTO applications (activity_id, applicant_id, country, motivation, status, endorsed_at)
     SELECT $1, user_id, $3, 'bulk', $4, CASE WHEN $4 = 'endorsed' THEN now() END FROM profiles RETURNING id`,
    [activityId, count, country, status],
  );
  return rows.map((row: { id: string }) => row.id);
}

async function notificationsOf(t: TestApp, applicationId: string): Promise<{ kind: string; userId: string }[]> {
  return t.dataSource.query(
    'SELECT kind, user_id AS "userId" FROM notifications WHERE application_id = $1 ORDER BY created_at, kind',
    [applicationId],
  );
}
// ---- end of fixtures ----

describe('nominations', () => {
  let t: TestApp;
  let staff: Token;
  let auditor: Token;
  let focalKen: Token;
  let focalSen: Token;
  let applicant: Token;
  const createActivity = activityFactory(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signedIn(t, 'staff');
    auditor = await signedIn(t, 'auditor');
    focalKen = await signedIn(t, 'focal_point', 'KEN');
    focalSen = await signedIn(t, 'focal_point', 'SEN');
    applicant = await applicantIn(t, 'KEN');
  });
  afterAll(() => t.close());

  it('the focal point of the country endorses; the applicant is notified; staff can then select', async () => {
    const activity = await createActivity({ requiresNomination: true });
    const id = await apply(t, applicant, activity.id);
    const selectTooEarly = await client(t, staff).post(`/api/applications/${id}/select`).expect(409);
    expect(selectTooEarly.body.message).toBe(
      `application ${id} is submitted; select is allowed only from: endorsed, waitlisted (activity ${activity.code} requires a nomination)`,
    );
    const response = await client(t, focalKen).post(`/api/applications/${id}/endorse`, { reason: 'Key official' }).expect(200);
    expect(response.body).toMatchObject({ status: 'endorsed', endorsedAt: expect.any(String), nominationReason: 'Key official' });
    const [row] = await t.dataSource.query('SELECT endorsed_by AS "by" FROM applications WHERE id = $1', [id]);
    expect(row.by).toBe(focalKen.id);
    expect(await notificationsOf(t, id)).toEqual(expect.arrayContaining([{ kind: 'application.endorsed', userId: applicant.id }]));
    const [{ endorsed }] = await t.dataSource.query('SELECT endorsed FROM nomination_counts WHERE activity_id = $1 AND country = $2', [
      activity.id,
      'KEN',
    ]);
    expect(endorsed).toBe(1);
    const again = await client(t, focalKen).post(`/api/applications/${id}/endorse`).expect(409);
    expect(again.body.message).toBe(`application ${id} is endorsed; endorse is allowed only from: submitted`);
    await client(t, staff).post(`/api/applications/${id}/select`).expect(200);
  });

  it('declines with a reason, which the applicant reads', async () => {
    const activity = await createActivity({ requiresNomination: true });
    const id = await apply(t, applicant, activity.id);
    const missing = await client(t, focalKen).post(`/api/applications/${id}/decline`, {}).expect(400);
    expect(JSON.stringify(missing.body.message)).toContain('reason is required');
    await client(t, focalKen).post(`/api/applications/${id}/decline`, { reason: '   ' }).expect(400);
    const response = await client(t, focalKen).post(`/api/applications/${id}/decline`, { reason: 'Not in the trade ministry' }).expect(200);
    expect(response.body).toMatchObject({ status: 'declined', endorsedAt: null, nominationReason: 'Not in the trade ministry' });
    const [{ body }] = await t.dataSource.query(`SELECT body FROM notifications WHERE application_id = $1 AND kind = 'application.declined'`, [id]);
    expect(body).toContain('Not in the trade ministry');
    await client(t, staff).post(`/api/applications/${id}/select`).expect(409);
  });

  it("keeps other countries' focal points, applicants, staff and auditors out", async () => {
    const activity = await createActivity({ requiresNomination: true });
    const id = await apply(t, applicant, activity.id);
    const other = await client(t, focalSen).post(`/api/applications/${id}/endorse`).expect(404);
    expect(other.body.message).toBe(`Application ${id} not found`);
    await client(t, focalSen).post(`/api/applications/${id}/decline`, { reason: 'no' }).expect(404);
    for (const who of [applicant, staff, auditor]) await client(t, who).post(`/api/applications/${id}/endorse`).expect(403);
    await client(t, undefined).post(`/api/applications/${id}/endorse`).expect(401);
    await client(t, focalKen).post('/api/applications/zzz/endorse').expect(400);
    await client(t, focalKen).post(`/api/applications/${id}/endorse`, { reason: 7 }).expect(400);
    await client(t, focalKen).post(`/api/applications/${id}/endorse`, { priority: 'high' }).expect(400);
    await client(t, focalKen).post('/api/applications/00000000-0000-4000-8000-000000000000/endorse').expect(404);
    const [{ status }] = await t.dataSource.query('SELECT status FROM applications WHERE id = $1', [id]);
    expect(status).toBe('submitted');
  });

  it('has nothing to endorse when the activity needs no nomination', async () => {
    const activity = await createActivity({ requiresNomination: false });
    const id = await apply(t, applicant, activity.id);
    const response = await client(t, focalKen).post(`/api/applications/${id}/endorse`).expect(409);
    expect(response.body.message).toBe(`activity ${activity.code} does not require a nomination: there is nothing to endorse`);
  });

  it('holds the quota under concurrent endorsements: quota 2, six at once, exactly two succeed', async () => {
    const activity = await createActivity({ requiresNomination: true, quota: 2 });
    const ids = await bulkApplications(t, activity.id, 6, 'KEN');
    const responses = await Promise.all(ids.map((id) => client(t, focalKen).post(`/api/applications/${id}/endorse`)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 409, 409, 409, 409]);
    const refused = responses.find((response) => response.status === 409)!;
    expect(refused.body.message).toBe(`nomination quota of 2 reached for KEN on activity ${activity.code}`);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM applications WHERE activity_id = $1 AND status = 'endorsed'`, [
      activity.id,
    ]);
    expect(count).toBe(2);
    const [{ endorsed }] = await t.dataSource.query('SELECT endorsed FROM nomination_counts WHERE activity_id = $1 AND country = $2', [
      activity.id,
      'KEN',
    ]);
    expect(endorsed).toBe(2);

    // Another country's quota is its own.
    const [senegal] = await bulkApplications(t, activity.id, 1, 'SEN');
    await client(t, focalSen).post(`/api/applications/${senegal}/endorse`).expect(200);
    // A withdrawal gives the quota back.
    const endorsedId = ids[responses.findIndex((response) => response.status === 200)];
    await t.dataSource.query(`UPDATE applications SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [endorsedId]);
    const waiting = ids.find((_id, index) => responses[index].status === 409)!;
    await client(t, focalKen).post(`/api/applications/${waiting}/endorse`).expect(200);
  });

  it("lists the focal point's own country's applications to activities requiring a nomination", async () => {
    const activity = await createActivity({ requiresNomination: true, type: 'regional', beneficiaries: ['KEN', 'SEN'] });
    const open = await createActivity({ requiresNomination: false });
    const kenyan = await apply(t, applicant, activity.id);
    await apply(t, applicant, open.id);
    const senegalese = await apply(t, await applicantIn(t, 'SEN'), activity.id);

    const list = await client(t, focalKen).get(`/api/nominations?activityId=${activity.id}`).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([kenyan]);
    const all = await client(t, focalKen).get('/api/nominations?limit=200').expect(200);
    expect(all.body.items.every((item: { country: string }) => item.country === 'KEN')).toBe(true);
    expect(all.body.items.some((item: { activityId: string }) => item.activityId === open.id)).toBe(false);
    const sen = await client(t, focalSen).get(`/api/nominations?activityId=${activity.id}&status=submitted`).expect(200);
    expect(sen.body.items.map((item: { id: string }) => item.id)).toEqual([senegalese]);
    const endorsedOnly = await client(t, focalKen).get(`/api/nominations?activityId=${activity.id}&status=endorsed`).expect(200);
    expect(endorsedOnly.body.items).toEqual([]);

    // Pages.
    const first = await client(t, focalKen).get('/api/nominations?limit=1').expect(200);
    expect(first.body.items).toHaveLength(1);
    const second = await client(t, focalKen).get(`/api/nominations?limit=1&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);

    await client(t, focalKen).get('/api/nominations?status=pending').expect(400);
    await client(t, focalKen).get('/api/nominations?activityId=1').expect(400);
    await client(t, focalKen).get('/api/nominations?country=SEN').expect(400);
    for (const who of [applicant, staff, auditor]) await client(t, who).get('/api/nominations').expect(403);
    await client(t, undefined).get('/api/nominations').expect(401);
  });
});
