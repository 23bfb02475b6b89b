import { activityFactory, day, insertActivity } from './support/activity-fixtures';
import { applicantIn, apply, bulkApplications, client, nationalRequest, type Token } from './support/application-fixtures';
import { signedIn } from './support/factories';
import { refused } from './support/refusals';
import { createTestApp, type TestApp } from './support/test-app';

/** GET /api/home/<role>: the first page after sign-in of each role (issue 15, item 3). */
describe('home summaries', () => {
  let t: TestApp;
  let createActivity: ReturnType<typeof activityFactory>;
  let staff: Token;
  let focal: Token;
  let auditor: Token;

  beforeAll(async () => {
    t = await createTestApp();
    createActivity = activityFactory(() => t);
    staff = await signedIn(t, 'staff');
    focal = await signedIn(t, 'focal_point', 'KEN');
    auditor = await signedIn(t, 'auditor');
  });
  afterAll(() => t.close());

  const home = async (who: Token, role: string, limit?: number) =>
    (await client(t, who).get(`/api/home/${role}${limit ? `?limit=${limit}` : ''}`).expect(200)).body;

  it('gives the applicant their applications with the next step, evaluations due and certificates', async () => {
    const applicant = await applicantIn(t, 'KEN');
    const nominated = await createActivity({ type: 'national', requiresNomination: true, start: day(70) });
    const open = await createActivity({ start: day(40) });
    const taken = await createActivity({ start: day(50) });
    const done = await createActivity({ start: day(60) });
    const first = await apply(t, applicant, nominated.id);
    const second = await apply(t, applicant, open.id);
    const attended = await apply(t, applicant, taken.id);
    const completed = await apply(t, applicant, done.id);
    await t.dataSource.query(`UPDATE applications SET status = 'attended' WHERE id = $1`, [attended]);
    await t.dataSource.query(`UPDATE applications SET status = 'completed', completed_at = now(), certificate_code = 'TRTA-HOME000001' WHERE id = $1`, [completed]);

    const body = await home(applicant, 'applicant');
    // Soonest activity first; the completed one is no longer under way.
    expect(body.applications.total).toBe(3);
    expect(body.applications.items.map((item: { id: string; nextStep: string }) => [item.id, item.nextStep])).toEqual([
      [second, 'await_selection'],
      [attended, 'evaluate'],
      [first, 'await_nomination'],
    ]);
    expect(body.applications.items[0].activity).toMatchObject({ id: open.id, code: open.code, status: 'open', startDate: day(40), applicationDeadline: day(30) });
    expect(body.evaluationsDue.total).toBe(2);
    expect(body.evaluationsDue.items.map((item: { id: string }) => item.id).sort()).toEqual([attended, completed].sort());
    expect(body.certificates).toEqual({ total: 1, items: [expect.objectContaining({ id: completed, certificateCode: 'TRTA-HOME000001', nextStep: 'evaluate' })] });

    // A few rows, and how many there are in all.
    const one = await home(applicant, 'applicant', 1);
    expect(one.applications.items).toHaveLength(1);
    expect(one.applications.total).toBe(3);

    // Nobody sees another person's applications.
    const other = await home(await applicantIn(t, 'KEN'), 'applicant');
    expect(other.applications).toEqual({ items: [], total: 0 });
  });

  it('gives the focal point the nominations waiting with the quota used and left per activity, and the requests', async () => {
    const activity = await createActivity({ type: 'national', requiresNomination: true, quota: 3, deadline: day(10) });
    const later = await createActivity({ type: 'national', requiresNomination: true, quota: 2, deadline: day(20) });
    await bulkApplications(t, activity.id, 1, 'KEN', 'endorsed');
    await bulkApplications(t, activity.id, 2, 'KEN');
    await bulkApplications(t, later.id, 1, 'KEN');
    // Another country's nominations are not this focal point's.
    await bulkApplications(t, activity.id, 4, 'SEN');
    const request = await nationalRequest(t, focal);

    const body = await home(focal, 'focal-point');
    expect(body.country).toBe('KEN');
    const rows = body.nominations.items.filter((row: { activity: { id: string } }) => [activity.id, later.id].includes(row.activity.id));
    expect(rows).toEqual([
      { activity: expect.objectContaining({ id: activity.id, code: activity.code }), waiting: 2, quota: 3, endorsed: 1, left: 2 },
      { activity: expect.objectContaining({ id: later.id }), waiting: 1, quota: 2, endorsed: 0, left: 2 },
    ]);
    expect(body.nominationsWaiting).toBeGreaterThanOrEqual(3);
    expect(body.requests.items).toEqual([expect.objectContaining({ id: request.id, country: 'KEN', status: 'submitted', topics: ['trade_facilitation'] })]);
    expect(body.requests.total).toBe(1);

    const limitedBody = await home(focal, 'focal-point', 1);
    expect(limitedBody.nominations.items).toHaveLength(1);
    expect(limitedBody.nominations.total).toBe(body.nominations.total);
    expect(limitedBody.nominationsWaiting).toBe(body.nominationsWaiting);
  });

  it('gives staff the applications to review and the activities needing action', async () => {
    const review = await createActivity({ start: day(15), deadline: day(10) });
    const [plan] = await t.dataSource.query('SELECT plan_id AS "planId", product_id AS "productId" FROM activities WHERE id = $1', [review.id]);
    await bulkApplications(t, review.id, 3);
    // Waiting for the focal point first: not staff's to decide yet.
    const nominated = await createActivity({ type: 'national', requiresNomination: true, start: day(16), deadline: day(10) });
    await bulkApplications(t, nominated.id, 2);
    const late = await createActivity({ deadline: day(-2), start: day(20) });
    const noSheet = await insertActivity(t, plan, { status: 'confirmed', startDate: day(30), endDate: day(32), applicationDeadline: day(20) });
    const farAway = await insertActivity(t, plan, { status: 'confirmed', startDate: day(200), endDate: day(202), applicationDeadline: day(150) });
    const delivered = await insertActivity(t, plan, { status: 'delivered', startDate: day(-20), endDate: day(-18) });
    const request = await nationalRequest(t, focal, { preferredQuarter: `${new Date().getUTCFullYear() + 1}-Q3` });

    const body = await home(staff, 'staff', 20);
    const ids = (list: { items: { activity: { id: string } }[] }) => list.items.map((row) => row.activity.id);
    expect(body.applicationsToReview.items).toContainEqual({ activity: expect.objectContaining({ id: review.id }), pending: 3 });
    expect(ids(body.applicationsToReview)).not.toContain(nominated.id);
    expect(body.applicationsPending).toBeGreaterThanOrEqual(3);
    expect(body.deadlinePassed.items).toContainEqual({ activity: expect.objectContaining({ id: late.id, status: 'open', applicationDeadline: day(-2) }), pending: 0 });
    expect(ids(body.deadlinePassed)).not.toContain(review.id);
    expect(ids(body.sheetMissing)).toContain(noSheet.id);
    expect(ids(body.sheetMissing)).not.toContain(farAway.id);
    expect(ids(body.reportMissing)).toContain(delivered.id);
    expect(body.requestsToReview.items.map((row: { id: string }) => row.id)).toContain(request.id);

    const one = await home(staff, 'staff', 1);
    expect(one.applicationsToReview.items).toHaveLength(1);
    expect(one.applicationsToReview.total).toBe(body.applicationsToReview.total);
    expect(one.applicationsPending).toBe(body.applicationsPending);
  });

  it('gives the auditor the reports, newest first', async () => {
    await t.dataSource.query(
      `INSERT INTO audit_reports (year, version, status, progress, requested_at) VALUES (2024, 1, 'failed', 40, now() - interval '1 day'), (2025, 1, 'queued', 0, now())`,
    );
    const body = await home(auditor, 'auditor');
    expect(body.reports.total).toBe(2);
    expect(body.reports.items.map((row: { year: number; status: string }) => [row.year, row.status])).toEqual([
      [2025, 'queued'],
      [2024, 'failed'],
    ]);
    expect(body.yearsReported).toEqual([]);
  });

  it('keeps each summary to its role, and refuses a limit out of range', async () => {
    const applicant = await applicantIn(t, 'KEN');
    await client(t, applicant).get('/api/home/staff').expect(refused(403, 'FORBIDDEN'));
    await client(t, focal).get('/api/home/applicant').expect(refused(403, 'FORBIDDEN'));
    await client(t, staff).get('/api/home/auditor').expect(refused(403, 'FORBIDDEN'));
    await t.http.get('/api/home/applicant').expect(refused(401, 'UNAUTHORIZED'));
    await client(t, staff).get('/api/home/staff?limit=21').expect(refused(400, 'VALIDATION_FAILED'));
  });
});
