import type { TestApp } from './test-app';
import { confirmEmail, registration } from './factories';

/**
 * Fixtures of the applications tests: applicants signed up through the API, and helpers to apply.
 * The activities they apply to come from `activityFactory` (./activity-fixtures).
 */
export type Body = Record<string, unknown>;
export type Token = { id: string; email: string; token: string };

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** An applicant signed up through the API, working in `country`. */
export async function applicantIn(t: TestApp, country = 'KEN', profile: Body = {}): Promise<Token> {
  const body = registration({}, { country, nationality: country, ...profile });
  const response = await t.http.post('/api/auth/register').send(body);
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  await confirmEmail(t, body.email as string);
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

/** The countries `reviewApplications` spreads applicants over, one after the other. */
export const REVIEW_COUNTRIES = ['KEN', 'SEN', 'BGD', 'HTI', 'PER', 'KAZ'] as const;
const REVIEW_GENDERS = ['female', 'male', 'female', 'other'] as const;

/**
 * `count` applicants with their applications to `activityId`, written by SQL as `bulkApplications`
 * does, but different people: "<prefix> 001", "<prefix> 002"… applying one minute apart in that
 * order, working in REVIEW_COUNTRIES in turn, women, men, women and other in turn, each with a
 * motivation; `status` for all. Returns the ids in the order applied.
 */
export async function reviewApplications(
  t: TestApp,
  activityId: string,
  count: number,
  { prefix = 'Applicant', status = 'submitted', start = 1 }: { prefix?: string; status?: string; start?: number } = {},
): Promise<string[]> {
  const rows = await t.dataSource.query(
    `WITH numbers AS (SELECT n, gen_random_uuid() AS id FROM generate_series($2::int, $2::int + $3::int - 1) AS n),
     people AS (
       INSERT INTO users (id, email, role, locale)
       -- Letters only, so that a search for a name's number finds no email.
       SELECT id, 'review-' || translate(id::text, '0123456789-', 'ghijklmnopq') || '@example.org', 'applicant', 'en' FROM numbers RETURNING id
     ), profiles AS (
       INSERT INTO applicant_profiles (user_id, full_name, gender, nationality, country, institution_type, institution, position, languages)
       SELECT nb.id, $5 || ' ' || lpad(nb.n::text, 3, '0'), ($6::text[])[1 + nb.n % cardinality($6::text[])],
         ($4::text[])[1 + nb.n % cardinality($4::text[])], ($4::text[])[1 + nb.n % cardinality($4::text[])],
         'government', 'Ministry of Trade', 'Trade officer', '{en,fr}'
       FROM people pe JOIN numbers nb ON nb.id = pe.id RETURNING user_id, country
     )
     INSERT INTO applications (activity_id, applicant_id, country, motivation, status, submitted_at, endorsed_at)
     SELECT $1, pr.user_id, pr.country, 'I negotiate for my country and need this course. (' || nb.n || ')', $7,
       now() - interval '30 days' + nb.n * interval '1 minute', CASE WHEN $7 = 'endorsed' THEN now() END
     FROM profiles pr JOIN numbers nb ON nb.id = pr.user_id
     RETURNING id`,
    [activityId, start, count, [...REVIEW_COUNTRIES], prefix, [...REVIEW_GENDERS], status],
  );
  const ordered = (await t.dataSource.query(`SELECT id FROM applications WHERE id = ANY($1::uuid[]) ORDER BY submitted_at`, [
    rows.map((row: { id: string }) => row.id),
  ])) as { id: string }[];
  return ordered.map((row) => row.id);
}

/**
 * Time passes for an activity: its dates move so that it started `startedDaysAgo` days ago and
 * lasts `lengthDays` (a negative `startedDaysAgo` starts it in the future), its deadline before
 * its start. For the journeys that record attendance once a course has started and completion
 * once it has ended.
 */
export async function moveActivityDates(t: TestApp, activityId: string, startedDaysAgo: number, lengthDays = 5): Promise<void> {
  await t.dataSource.query(
    `UPDATE activities SET start_date = current_date - $2::int, end_date = current_date - $2::int + $3::int - 1,
       application_deadline = LEAST(application_deadline, current_date - $2::int - 1) WHERE id = $1`,
    [activityId, startedDaysAgo, lengthDays],
  );
}
