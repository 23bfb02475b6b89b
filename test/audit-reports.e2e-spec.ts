import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';

/**
 * A hand-built data set whose every figure is worked out below from DESIGN section 4, then
 * compared with what the worker computes. Year under audit: 2025 (2024 is the year before).
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

async function buildDataSet(t: TestApp): Promise<void> {
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

async function waitForReport(t: TestApp, token: string, id: string, until: (report: { status: string }) => boolean, timeoutMs = 60000) {
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

const dimension = (rows: Array<Record<string, unknown>>, key: string) => rows.find((row) => row.key === key);

describe('Technical Cooperation Audit report', () => {
  let t: TestApp;
  let auditor: string;
  beforeAll(async () => {
    t = await createTestApp();
    await buildDataSet(t);
    await t.startWorker();
    auditor = (await signedIn(t, 'auditor')).token;
  });
  afterAll(() => t.close());

  let reportId: string;

  it('answers 202 with the report queued, then the worker completes it with progress', async () => {
    const response = await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: 2025 }).expect(202);
    expect(response.body).toMatchObject({ year: 2025, version: 1, status: 'queued', progress: 0 });
    reportId = response.body.id;
    const { report } = await waitForReport(t, auditor, reportId, (r) => r.status === 'completed');
    expect(report).toMatchObject({ status: 'completed', progress: 100, checksum: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('computes every figure of DESIGN section 4', async () => {
    const { body } = await t.http.get(`/api/audit-reports/${reportId}`).auth(auditor, { type: 'bearer' }).expect(200);
    const data = body.data;
    expect(data.totals).toEqual({
      activitiesCounted: 3,
      activitiesPlanned: 6,
      activitiesCancelled: 1,
      activitiesPostponed: 1,
      participations: 7,
      participants: 5,
      completed: 4,
      completionRate: 0.5714,
      women: 4,
      womenShare: 0.5714,
      ldcParticipations: 3,
      ldcShare: 0.4286,
      evaluations: 4,
      evaluationResponseRate: 0.5714,
      learningGain: 33.3333,
      budgetPlanned: '3500.00',
      budgetActual: '2900.50',
      budgetExecution: 0.8287,
      reportsReceived: 2,
      resultsMet: 1,
      resultsMetShare: 0.5,
      eLearningParticipations: 3,
      eLearningShare: 0.4286,
    });
    expect(data.keyResults).toEqual([
      { plan: '2024-2025', keyResult: 'KR1', keyResultTitle: 'Officials implement agreements', description: 'Officials trained', unit: 'people', baseline: '10.00', target: '100.00', actual: '80.00', achievement: 0.8 },
    ]);

    expect(dimension(data.byProductCategory, 'general')).toMatchObject({ activities: 2, participations: 4, participants: 3, completed: 2, women: 2, ldcParticipations: 2, budgetPlanned: '3000.00', budgetActual: '2300.00', completionRate: 0.5 });
    expect(dimension(data.byProductCategory, 'ecampus')).toMatchObject({ activities: 1, participations: 3, participants: 3, completed: 2, women: 2, ldcParticipations: 1, budgetPlanned: '500.00', budgetActual: '600.50' });
    expect(data.byType.map((row: { key: string; activities: number; participations: number }) => [row.key, row.activities, row.participations])).toEqual([
      ['global', 1, 3],
      ['national', 1, 2],
      ['regional', 1, 2],
    ]);
    expect(dimension(data.byRegion, 'africa')).toMatchObject({ activities: 2, participations: 5, participants: 3 });
    expect(dimension(data.byRegion, 'caribbean')).toMatchObject({ activities: 0, participations: 1, ldcParticipations: 1 });
    expect(dimension(data.byRegion, 'latin_america')).toMatchObject({ activities: 0, participations: 1, women: 0 });
    expect(dimension(data.byRegion, 'global')).toMatchObject({ activities: 1, participations: 0 });
    expect(dimension(data.byDeliveryMode, 'e_learning')).toMatchObject({ activities: 1, participations: 3 });
    expect(dimension(data.byDeliveryMode, 'face_to_face')).toMatchObject({ activities: 1, participations: 2 });
    expect(dimension(data.byDeliveryMode, 'hybrid')).toMatchObject({ activities: 1, participations: 2 });
    expect(dimension(data.byPlsLevel, '1')).toMatchObject({ activities: 1, participations: 2 });
    expect(dimension(data.byPlsLevel, '2')).toMatchObject({ activities: 1, participations: 3 });
    expect(dimension(data.byPlsLevel, 'none')).toMatchObject({ activities: 1, participations: 2 });
    expect(dimension(data.byTopic, 'sps')).toMatchObject({ activities: 2, participations: 4 });
    expect(dimension(data.byTopic, 'tbt')).toMatchObject({ activities: 1, participations: 2 });
    expect(dimension(data.byTopic, 'general')).toMatchObject({ activities: 1, participations: 3 });
    expect(dimension(data.byLeadDivision, 'AGCD')).toMatchObject({ activities: 2, participations: 4, budgetPlanned: '3000.00' });
    expect(dimension(data.byLeadDivision, 'ITTC')).toMatchObject({ activities: 1, participations: 3 });
    expect(data.topBeneficiaryCountries.map((row: { key: string; participations: number; ldc: boolean }) => [row.key, row.participations, row.ldc])).toEqual([
      ['KEN', 3, false],
      ['SEN', 2, true],
      ['BRA', 1, false],
      ['HTI', 1, true],
    ]);
    expect(data.evaluation).toEqual({
      responses: 4,
      responseRate: 0.5714,
      satisfactionMean: 4.25,
      relevanceMean: 4.5,
      satisfaction: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 2 },
      relevance: { 1: 0, 2: 0, 3: 0, 4: 2, 5: 2 },
      withTestScores: 3,
      learningGain: 33.3333,
      appliedInWork: { yes: 2, no: 1, unanswered: 1 },
    });
    expect(data.budget.byFundingSource).toEqual([
      { key: 'partner', activities: 1, budgetPlanned: '500.00', budgetActual: '600.50', execution: 1.201 },
      { key: 'regular_budget', activities: 2, budgetPlanned: '3000.00', budgetActual: '2300.00', execution: 0.7667 },
    ]);
    expect(data.budget.byProduct.map((row: { key: string; budgetPlanned: string; budgetActual: string }) => [row.key, row.budgetPlanned, row.budgetActual])).toEqual([
      ['A', '3000.00', '2300.00'],
      ['B', '500.00', '600.50'],
    ]);
    const change = (metric: string) => data.changeVsPreviousYear.rows.find((row: { metric: string }) => row.metric === metric);
    expect(data.changeVsPreviousYear.previousYear).toBe(2024);
    expect(change('participations')).toEqual({ metric: 'participations', current: 7, previous: 1, change: 6, changeShare: 6 });
    expect(change('activitiesCounted')).toEqual({ metric: 'activitiesCounted', current: 3, previous: 1, change: 2, changeShare: 2 });
    expect(change('budgetActual')).toEqual({ metric: 'budgetActual', current: '2900.50', previous: '90.00', change: 2810.5, changeShare: 31.2278 });
    expect(change('learningGain')).toEqual({ metric: 'learningGain', current: 33.3333, previous: 20, change: 13.3333, changeShare: 0.6667 });
    expect(change('resultsMetShare')).toEqual({ metric: 'resultsMetShare', current: 0.5, previous: 1, change: -0.5, changeShare: -0.5 });
  });

  it('returns the queued or running report to a second request instead of starting another', async () => {
    const [first, second, third] = await Promise.all(
      [1, 2, 3].map(() => t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: 2024 })),
    );
    expect([first.status, second.status, third.status]).toEqual([202, 202, 202]);
    expect(new Set([first.body.id, second.body.id, third.body.id]).size).toBe(1);
    await waitForReport(t, auditor, first.body.id, (r) => r.status === 'completed');
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM audit_reports WHERE year = 2024');
    expect(count).toBe(1);
  });

  it('freezes a finalized report; a new request makes a new version and keeps the old', async () => {
    const finalized = await t.http.post(`/api/audit-reports/${reportId}/finalize`).auth(auditor, { type: 'bearer' }).expect(200);
    expect(finalized.body.finalizedAt).toEqual(expect.any(String));
    await t.http.post(`/api/audit-reports/${reportId}/finalize`).auth(auditor, { type: 'bearer' }).expect(409);
    await expect(t.dataSource.query("UPDATE audit_reports SET data = '{}' WHERE id = $1", [reportId])).rejects.toThrow(/finalized and cannot change/);
    const before = (await t.http.get(`/api/audit-reports/${reportId}`).auth(auditor, { type: 'bearer' })).body;

    const again = await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: 2025 }).expect(202);
    expect(again.body).toMatchObject({ year: 2025, version: 2 });
    await waitForReport(t, auditor, again.body.id, (r) => r.status === 'completed');
    const after = (await t.http.get(`/api/audit-reports/${reportId}`).auth(auditor, { type: 'bearer' })).body;
    expect(after).toEqual(before);
    const v2 = (await t.http.get(`/api/audit-reports/${again.body.id}`).auth(auditor, { type: 'bearer' })).body;
    expect(v2.checksum).toBe(before.checksum);
  });

  it('lists reports and refuses bad input', async () => {
    const list = await t.http.get('/api/audit-reports').query({ year: 2025 }).auth(auditor, { type: 'bearer' }).expect(200);
    expect(list.body.items.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: '2025x' }).expect(400);
    await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: 1999 }).expect(400);
    await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: 2025, extra: 1 }).expect(400);
    await t.http.get('/api/audit-reports/not-a-uuid').auth(auditor, { type: 'bearer' }).expect(400);
    await t.http.get('/api/audit-reports/00000000-0000-4000-8000-000000000000').auth(auditor, { type: 'bearer' }).expect(404);
  });

  it('is closed to applicants, focal points and staff', async () => {
    for (const role of ['applicant', 'focal_point', 'staff'] as const) {
      const { token } = await signedIn(t, role);
      await t.http.post('/api/audit-reports').auth(token, { type: 'bearer' }).send({ year: 2025 }).expect(403);
      await t.http.get('/api/audit-reports').auth(token, { type: 'bearer' }).expect(403);
      await t.http.get(`/api/audit-reports/${reportId}`).auth(token, { type: 'bearer' }).expect(403);
    }
    await t.http.get('/api/audit-reports').expect(401);
  });

  it('fails after its last attempt with the error, and can be requested again', async () => {
    await t.dataSource.query('ALTER TABLE back_to_office_reports RENAME TO back_to_office_reports_away');
    try {
      const response = await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: 2023 }).expect(202);
      const { report } = await waitForReport(t, auditor, response.body.id, (r) => r.status === 'failed', 90000);
      expect(report.error).toMatch(/back_to_office_reports/);
      expect(report.attempts).toBe(4);
    } finally {
      await t.dataSource.query('ALTER TABLE back_to_office_reports_away RENAME TO back_to_office_reports');
    }
    const retry = await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: 2023 }).expect(202);
    expect(retry.body.version).toBe(2);
    const { report } = await waitForReport(t, auditor, retry.body.id, (r) => r.status === 'completed');
    expect(report.status).toBe('completed');
  }, 120000);
});
