import { buildDataSet, waitForReport } from './support/audit-dataset';
import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';
import { refused } from './support/refusals';

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
    expect(response.body).toMatchObject({ year: 2025, version: 1, status: 'queued', progress: 0, allowedActions: [] });
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

  it('tells auditors and admins what they may do with a report now (allowedActions)', async () => {
    const admin = (await signedIn(t, 'admin')).token;
    const actionsOf = async (id: string, token: string) => {
      const read = await t.http.get(`/api/audit-reports/${id}`).auth(token, { type: 'bearer' }).expect(200);
      const listed = await t.http.get('/api/audit-reports').query({ limit: 100 }).auth(token, { type: 'bearer' }).expect(200);
      const item = (listed.body.items as { id: string; allowedActions: string[] }[]).find((r) => r.id === id);
      expect(item?.allowedActions).toEqual(read.body.allowedActions);
      return read.body.allowedActions as string[];
    };
    expect(await actionsOf(reportId, auditor)).toEqual(['finalize', 'export', 'request']);
    expect(await actionsOf(reportId, admin)).toEqual(['finalize', 'export', 'request']);

    const [{ id: queued }] = await t.dataSource.query('INSERT INTO audit_reports (year, version) VALUES (2032, 1) RETURNING id');
    const [{ id: failed }] = await t.dataSource.query("INSERT INTO audit_reports (year, version, status, error) VALUES (2033, 1, 'failed', 'boom') RETURNING id");
    expect(await actionsOf(queued, auditor)).toEqual([]);
    expect(await actionsOf(failed, auditor)).toEqual(['request']);
    await t.http
      .post(`/api/audit-reports/${queued}/finalize`)
      .auth(auditor, { type: 'bearer' })
      .expect(refused(409, 'AUDIT_REPORT_NOT_COMPLETED', { status: 'queued' }));
    await t.http.post(`/api/audit-reports/${failed}/finalize`).auth(auditor, { type: 'bearer' }).expect(refused(409, 'AUDIT_REPORT_NOT_COMPLETED', { status: 'failed' }));
    await t.dataSource.query('DELETE FROM audit_reports WHERE id IN ($1, $2)', [queued, failed]);
  });

  it('freezes a finalized report; a new request makes a new version and keeps the old', async () => {
    const finalized = await t.http.post(`/api/audit-reports/${reportId}/finalize`).auth(auditor, { type: 'bearer' }).expect(200);
    expect(finalized.body.finalizedAt).toEqual(expect.any(String));
    expect(finalized.body.allowedActions).toEqual(['export', 'request']);
    await t.http
      .post(`/api/audit-reports/${reportId}/finalize`)
      .auth(auditor, { type: 'bearer' })
      .expect(refused(409, 'AUDIT_REPORT_FINALIZED', { year: 2025, version: 1 }));
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
    await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: '2025x' }).expect(refused(400, 'VALIDATION_FAILED'));
    await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: 1999 }).expect(refused(400, 'VALIDATION_FAILED'));
    await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: 2025, extra: 1 }).expect(refused(400, 'VALIDATION_FAILED'));
    await t.http.get('/api/audit-reports/not-a-uuid').auth(auditor, { type: 'bearer' }).expect(refused(400, 'VALIDATION_FAILED'));
    await t.http.get('/api/audit-reports/00000000-0000-4000-8000-000000000000').auth(auditor, { type: 'bearer' }).expect(refused(404, 'AUDIT_REPORT_NOT_FOUND'));
  });

  it('is closed to applicants, focal points and staff', async () => {
    for (const role of ['applicant', 'focal_point', 'staff'] as const) {
      const { token } = await signedIn(t, role);
      await t.http.post('/api/audit-reports').auth(token, { type: 'bearer' }).send({ year: 2025 }).expect(refused(403, 'FORBIDDEN'));
      await t.http.get('/api/audit-reports').auth(token, { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
      await t.http.get(`/api/audit-reports/${reportId}`).auth(token, { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
    }
    await t.http.get('/api/audit-reports').expect(refused(401, 'UNAUTHORIZED'));
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
