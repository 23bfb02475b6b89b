import { TestApp } from './test-app';

/**
 * A hand-built data set whose every figure is worked out from DESIGN section 4 in the tests that
 * use it (audit-reports, audit-exports), then compared with what the worker computes. Year under
 * audit: 2025 (2024 is the year before).
 */
interface ActivitySpec {
  code: string;
  product: 'A' | 'B';
  type: 'national' | 'regional' | 'global';
  mode: 'face_to_face' | 'online' | 'hybrid' | 'e_learning';
  pls: number | null;
  topics: string[];
  division: string;
  countries: string[];
  region: string | null;
  quarter: string | null;
  start: string | null;
  end: string | null;
  status: string;
  planned: string;
  actual: string | null;
  funding: string;
}

const ACTIVITIES: ActivitySpec[] = [
  { code: 'TA-2025-0001', product: 'A', type: 'national', mode: 'face_to_face', pls: 1, topics: ['sps', 'tbt'], division: 'AGCD', countries: ['KEN'], region: 'africa', quarter: '2025-Q1', start: '2025-03-05', end: '2025-03-10', status: 'delivered', planned: '1000.00', actual: '800.00', funding: 'regular_budget' },
  { code: 'TA-2025-0002', product: 'B', type: 'global', mode: 'e_learning', pls: 2, topics: ['general'], division: 'ITTC', countries: [], region: null, quarter: '2025-Q2', start: '2025-05-01', end: '2025-06-20', status: 'delivered', planned: '500.00', actual: '600.50', funding: 'partner' },
  { code: 'TA-2025-0003', product: 'A', type: 'regional', mode: 'hybrid', pls: null, topics: ['sps'], division: 'AGCD', countries: ['KEN', 'SEN'], region: 'africa', quarter: null, start: '2025-12-20', end: '2025-12-31', status: 'delivered', planned: '2000.00', actual: '1500.00', funding: 'regular_budget' },
  { code: 'TA-2025-0004', product: 'A', type: 'global', mode: 'online', pls: 1, topics: ['rules'], division: 'RD', countries: [], region: null, quarter: '2025-Q3', start: '2025-09-01', end: '2025-09-03', status: 'cancelled', planned: '300.00', actual: null, funding: 'regular_budget' },
  { code: 'TA-2024-0005', product: 'A', type: 'global', mode: 'online', pls: 1, topics: ['general'], division: 'ITTC', countries: [], region: null, quarter: '2024-Q4', start: '2024-11-25', end: '2024-11-30', status: 'delivered', planned: '100.00', actual: '90.00', funding: 'regular_budget' },
  { code: 'TA-2025-0006', product: 'B', type: 'global', mode: 'e_learning', pls: null, topics: ['general'], division: 'ITTC', countries: [], region: null, quarter: '2025-Q3', start: null, end: null, status: 'postponed', planned: '50.00', actual: null, funding: 'partner' },
  { code: 'TA-2025-0007', product: 'A', type: 'global', mode: 'online', pls: 1, topics: ['general'], division: 'ITTC', countries: [], region: null, quarter: null, start: '2025-12-28', end: '2026-01-05', status: 'delivered', planned: '70.00', actual: '70.00', funding: 'regular_budget' },
];

const PEOPLE = {
  u1: { gender: 'female', country: 'KEN' },
  u2: { gender: 'male', country: 'SEN' },
  u3: { gender: 'female', country: 'HTI' },
  u4: { gender: 'undisclosed', country: 'BRA' },
  u5: { gender: 'female', country: 'KEN' },
} as const;
type Person = keyof typeof PEOPLE;

const APPLICATIONS: Array<[Person, string, string]> = [
  ['u1', 'TA-2025-0001', 'completed'],
  ['u2', 'TA-2025-0001', 'attended'],
  ['u3', 'TA-2025-0001', 'no_show'],
  ['u4', 'TA-2025-0001', 'withdrawn'],
  ['u1', 'TA-2025-0002', 'completed'],
  ['u3', 'TA-2025-0002', 'completed'],
  ['u4', 'TA-2025-0002', 'attended'],
  ['u5', 'TA-2025-0002', 'rejected'],
  ['u2', 'TA-2025-0003', 'completed'],
  ['u5', 'TA-2025-0003', 'attended'],
  ['u1', 'TA-2025-0003', 'selected'],
  ['u1', 'TA-2024-0005', 'completed'],
  ['u3', 'TA-2025-0007', 'attended'],
];

const EVALUATIONS: Array<[Person, string, number, number, number | null, number | null, boolean | null]> = [
  ['u1', 'TA-2025-0001', 5, 4, 40, 70, true],
  ['u2', 'TA-2025-0001', 4, 4, null, null, null],
  ['u3', 'TA-2025-0002', 3, 5, 50, 60, false],
  ['u2', 'TA-2025-0003', 5, 5, 20, 80, true],
  ['u5', 'TA-2025-0002', 1, 1, 0, 100, false], // on a rejected application: must not count
  ['u1', 'TA-2024-0005', 2, 2, 10, 30, true],
];

export async function buildDataSet(t: TestApp): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const [{ id: planId }] = await q(
    "INSERT INTO ta_plans (code, title, period_start, period_end, status) VALUES ('2024-2025', 'Plan', '2024-01-01', '2025-12-31', 'adopted') RETURNING id",
  );
  const products: Record<string, string> = {};
  for (const [code, category, funding] of [['A', 'general', 'regular_budget'], ['B', 'ecampus', 'partner']]) {
    const [{ id }] = await q(
      `INSERT INTO products (plan_id, code, name, category, planned_budget, funding_source) VALUES ($1, $2, $3, $4, '10000.00', $5) RETURNING id`,
      [planId, code, `Product ${code}`, category, funding],
    );
    products[code] = id;
  }
  const [{ id: keyResultId }] = await q("INSERT INTO key_results (plan_id, code, title, position) VALUES ($1, 'KR1', 'Officials implement agreements', 0) RETURNING id", [planId]);
  const [{ id: indicatorId }] = await q(
    "INSERT INTO indicators (key_result_id, description, unit, baseline, target, position) VALUES ($1, 'Officials trained', 'people', '10', '100', 0) RETURNING id",
    [keyResultId],
  );
  await q("INSERT INTO indicator_actuals (indicator_id, year, value) VALUES ($1, 2025, '80'), ($1, 2024, '30')", [indicatorId]);

  const activityIds: Record<string, string> = {};
  for (const a of ACTIVITIES) {
    const [{ id }] = await q(
      `INSERT INTO activities (code, plan_id, product_id, title, type, delivery_mode, pls_level, languages, topics, lead_division,
         beneficiary_countries, region, planned_quarter, start_date, end_date, capacity, budget_planned, budget_actual, funding_source, status)
       VALUES ($1, $2, $3, $1, $4, $5, $6, '{en}', $7, $8, $9, $10, $11, $12, $13, 30, $14, $15, $16, $17) RETURNING id`,
      [a.code, planId, products[a.product], a.type, a.mode, a.pls, a.topics, a.division, a.countries, a.region, a.quarter, a.start, a.end, a.planned, a.actual, a.funding, a.status],
    );
    activityIds[a.code] = id;
  }
  await q("INSERT INTO back_to_office_reports (activity_id, sessions_held, participants_female, participants_male, participants_other, objectives_met) VALUES ($1, 4, 1, 1, 0, 'fully'), ($2, 10, 2, 1, 0, 'not'), ($3, 2, 1, 0, 0, 'partly')", [
    activityIds['TA-2025-0001'],
    activityIds['TA-2025-0002'],
    activityIds['TA-2024-0005'],
  ]);

  const userIds = {} as Record<Person, string>;
  for (const [person, profile] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    const [{ id }] = await q("INSERT INTO users (email, role) VALUES ($1, 'applicant') RETURNING id", [`${person}@audit.test`]);
    await q(
      `INSERT INTO applicant_profiles (user_id, full_name, gender, nationality, country, institution_type, institution, position, languages)
       VALUES ($1, $2, $3, $4, $4, 'government', 'Ministry', 'Officer', '{en}')`,
      [id, person, profile.gender, profile.country],
    );
    userIds[person] = id;
  }
  const applicationIds: Record<string, string> = {};
  let certificate = 0;
  for (const [person, code, status] of APPLICATIONS) {
    const [{ id }] = await q(
      `INSERT INTO applications (activity_id, applicant_id, country, status, waitlist_position, certificate_code, completed_at)
       VALUES ($1, $2, $3, $4, NULL, $5, $6) RETURNING id`,
      [activityIds[code], userIds[person], PEOPLE[person].country, status, status === 'completed' ? `TRTA-TEST${++certificate}` : null, status === 'completed' ? '2025-12-31' : null],
    );
    applicationIds[`${person}|${code}`] = id;
  }
  for (const [person, code, satisfaction, relevance, pre, post, applied] of EVALUATIONS) {
    await q(
      `INSERT INTO evaluations (application_id, satisfaction, relevance, pre_test_score, post_test_score, applied_in_work) VALUES ($1, $2, $3, $4, $5, $6)`,
      [applicationIds[`${person}|${code}`], satisfaction, relevance, pre, post, applied],
    );
  }
}

/** Asks for an audit report until `until` holds (the worker makes it), with the progress values seen. */
export async function waitForReport(t: TestApp, token: string, id: string, until: (report: { status: string }) => boolean, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  const seen: number[] = [];
  while (Date.now() < deadline) {
    const response = await t.http.get(`/api/audit-reports/${id}`).auth(token, { type: 'bearer' }).expect(200);
    seen.push(response.body.progress);
    if (until(response.body)) return { report: response.body, progressSeen: seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`report ${id} did not reach the expected state`);
}
