import type { TestApp } from './test-app';
import { registration } from './factories';

/**
 * Fixtures of the applications tests: activities written straight to the database (the
 * lifecycle has its own tests), applicants signed up through the API, and helpers to apply.
 */
export type Body = Record<string, unknown>;
export type Token = { id: string; email: string; token: string };

/** A date `offset` days from today (UTC). */
export function day(offset: number): string {
  return new Date(Date.now() + offset * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

let activityNumber = 0;

export interface ActivityOptions {
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
export function activityFactory(getApp: () => TestApp) {
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
export async function applicantIn(t: TestApp, country = 'KEN', profile: Body = {}): Promise<Token> {
  const body = registration({}, { country, nationality: country, ...profile });
  const response = await t.http.post('/api/auth/register').send(body);
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.user.id, email: body.email, token: response.body.accessToken };
}

export function client(t: TestApp, who: Token | undefined) {
  const auth = <R extends { auth(token: string, options: { type: 'bearer' }): R }>(request: R) =>
    who ? request.auth(who.token, { type: 'bearer' }) : request;
  return {
    get: (path: string) => auth(t.http.get(path)),
    post: (path: string, body: Body = {}) => auth(t.http.post(path)).send(body),
    put: (path: string, body: Body) => auth(t.http.put(path)).send(body),
    delete: (path: string) => auth(t.http.delete(path)),
  };
}

export async function uploadPdf(t: TestApp, who: Token, name = 'cv.pdf'): Promise<string> {
  const response = await t.http.post('/api/me/files').auth(who.token, { type: 'bearer' }).attach('file', PDF, name);
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** Submits a participation form with a CV through the API. */
export async function apply(t: TestApp, who: Token, activityId: string, kinds: string[] = ['cv']): Promise<string> {
  const fileId = await uploadPdf(t, who);
  const response = await client(t, who).post(`/api/activities/${activityId}/applications`, {
    motivation: 'I work on customs reform.',
    documents: kinds.map((kind) => ({ kind, fileId })),
  });
  if (response.status !== 201) throw new Error(`apply failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/**
 * A national request submitted through the API by a focal point, with its official letter;
 * `overrides` replaces form fields (topics and contacts as JSON text, as the form sends them).
 */
export async function nationalRequest(t: TestApp, focal: Token, overrides: Record<string, string> = {}): Promise<{ id: string }> {
  const fields: Record<string, string> = {
    topics: JSON.stringify(['trade_facilitation']),
    preferredQuarter: `${new Date().getUTCFullYear() + 1}-Q1`,
    language: 'en',
    needsAssessment: 'Customs officials need training on the Trade Facilitation Agreement.',
    expectedOutcomes: 'A national committee that implements the agreement.',
    targetAudience: 'Customs officials',
    expectedParticipants: '30',
    contacts: JSON.stringify([{ name: 'Wanjiru Kamau', email: 'wanjiru@trade.go.ke', role: 'Director of trade' }]),
    ...overrides,
  };
  let call = t.http.post('/api/requests').auth(focal.token, { type: 'bearer' });
  for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
  const response = await call.attach('officialLetter', PDF, { filename: 'letter.pdf', contentType: 'application/pdf' });
  if (response.status !== 201) throw new Error(`request failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.id };
}

/** Many applicants and their applications written by SQL (signing up hundreds through argon2 takes minutes). */
export async function bulkApplications(t: TestApp, activityId: string, count: number, country = 'KEN', status = 'submitted'): Promise<string[]> {
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

export async function notificationsOf(t: TestApp, applicationId: string): Promise<{ kind: string; userId: string }[]> {
  return t.dataSource.query(
    'SELECT kind, user_id AS "userId" FROM notifications WHERE application_id = $1 ORDER BY created_at, kind',
    [applicationId],
  );
}
