import type { Role } from '@trta/http';
import { activityCode, currentPlanWithProduct, day, insertActivity, type PlanAndProduct } from './support/activity-fixtures';
import { signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('attendance and completion', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let applicant: { id: string; token: string };
  let plan: PlanAndProduct;
  let codeCounter = 0;
  const planYear = new Date().getUTCFullYear();

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'staff', 'auditor', 'focal_point'] as Role[]) tokens[role] = (await signedIn(t, role)).token;
    applicant = await signedIn(t, 'applicant');
    tokens.applicant = applicant.token;
    plan = await currentPlanWithProduct(t);
  });
  afterAll(() => t.close());

  /** A 3-day course that ended last week. */
  const activity = (values: { status?: string; capacity?: number } = {}) =>
    insertActivity(t, plan, {
      code: activityCode(planYear, 8000 + ++codeCounter),
      title: 'Course on customs valuation',
      capacity: values.capacity ?? 50,
      status: values.status ?? 'closed',
      startDate: day(-9),
      endDate: day(-7),
      venueCity: 'Geneva',
      venueCountry: 'CHE',
    });

  /** An application of a fresh applicant in a given status, by SQL (selection belongs to the applications feature). */
  async function application(activityId: string, status = 'selected', applicantId?: string): Promise<string> {
    const who = applicantId ?? (await signedIn(t, 'applicant')).id;
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO applications (activity_id, applicant_id, country, status) VALUES ($1, $2, 'SEN', $3) RETURNING id`,
      [activityId, who, status],
    );
    return id;
  }

  const post = (role: Role, path: string, body: Record<string, unknown> = {}) => t.http.post(path).auth(tokens[role], { type: 'bearer' }).send(body);
  const statusOf = async (id: string) => (await t.dataSource.query('SELECT status FROM applications WHERE id = $1', [id]))[0].status as string;
  const seatsOf = async (id: string) => (await t.dataSource.query('SELECT seats_taken AS seats FROM activities WHERE id = $1', [id]))[0].seats as number;

  it('records attendance, then completes with a unique certificate code and a notification', async () => {
    const { id: activityId, code } = await activity();
    const id = await application(activityId, 'selected', applicant.id);
    const attended = await post('staff', `/api/applications/${id}/attend`, { attendedDays: 3 }).expect(200);
    expect(attended.body).toMatchObject({ id, status: 'attended', attendedDays: 3, certificateCode: null, completedAt: null, version: 2 });

    const completed = await post('staff', `/api/applications/${id}/complete`).expect(200);
    expect(completed.body).toMatchObject({ id, status: 'completed', attendedDays: 3, version: 3 });
    expect(completed.body.certificateCode).toMatch(/^TRTA-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(Date.now() - new Date(completed.body.completedAt).getTime()).toBeLessThan(60_000);
    expect(await seatsOf(activityId)).toBe(1);

    const notes = await t.dataSource.query(`SELECT kind, body FROM notifications WHERE application_id = $1`, [id]);
    expect(notes).toEqual([{ kind: 'certificate.ready', body: expect.stringContaining(completed.body.certificateCode) }]);
    expect(notes[0].body).toContain(code);
  });

  it('accepts 0 days and the whole length, and refuses more days than the activity lasts', async () => {
    const { id: activityId, code } = await activity();
    await post('staff', `/api/applications/${await application(activityId)}/attend`, { attendedDays: 0 }).expect(200);
    await post('staff', `/api/applications/${await application(activityId)}/attend`, { attendedDays: 3 }).expect(200);
    const id = await application(activityId);
    const tooMany = await post('staff', `/api/applications/${id}/attend`, { attendedDays: 4 }).expect(refused(422, 'ATTENDED_DAYS_EXCEED_LENGTH'));
    expect(tooMany.body.message).toBe(`attendedDays 4 is more than the 3 days activity ${code} lasts`);
    for (const body of [{}, { attendedDays: -1 }, { attendedDays: 1.5 }, { attendedDays: '2' }, { attendedDays: 2, extra: 1 }]) {
      await post('staff', `/api/applications/${id}/attend`, body).expect(refused(400, 'VALIDATION_FAILED'));
    }
    expect(await statusOf(id)).toBe('selected');
  });

  it('records a no-show, which frees the seat', async () => {
    const { id: activityId } = await activity();
    const id = await application(activityId);
    expect(await seatsOf(activityId)).toBe(1);
    const response = await post('staff', `/api/applications/${id}/no-show`).expect(200);
    expect(response.body).toMatchObject({ id, status: 'no_show' });
    expect(await seatsOf(activityId)).toBe(0);
  });

  it('refuses illegal transitions with 409 naming the current and the allowed statuses', async () => {
    const { id: activityId } = await activity();
    const cases: [string, string, string, string[]][] = [
      ['submitted', 'attend', 'submitted', ['selected']],
      ['waitlisted', 'no-show', 'waitlisted', ['selected']],
      ['selected', 'complete', 'selected', ['attended']],
      ['attended', 'attend', 'attended', ['selected']],
      ['attended', 'no-show', 'attended', ['selected']],
      ['rejected', 'complete', 'rejected', ['attended']],
      ['no_show', 'attend', 'no_show', ['selected']],
    ];
    for (const [status, action, current, allowed] of cases) {
      const id = await application(activityId, status === 'waitlisted' ? 'submitted' : status);
      if (status === 'waitlisted') await t.dataSource.query(`UPDATE applications SET status = 'waitlisted', waitlist_position = 1 WHERE id = $1`, [id]);
      const response = await post('staff', `/api/applications/${id}/${action}`, action === 'attend' ? { attendedDays: 1 } : {});
      refused(409, 'ATTENDANCE_TRANSITION_NOT_ALLOWED', { action, status: current, allowedFrom: allowed })(response);
      expect({ status: response.status, body: response.body }).toMatchObject({
        status: 409,
        body: { message: `application ${id} is ${current}; ${action} needs it to be ${allowed.join(' or ')}`, currentStatus: current, allowedStatuses: allowed },
      });
    }
    const completed = await application(activityId, 'attended');
    await post('staff', `/api/applications/${completed}/complete`).expect(200);
    const again = await post('staff', `/api/applications/${completed}/complete`).expect(refused(409, 'ATTENDANCE_TRANSITION_NOT_ALLOWED'));
    expect(again.body.currentStatus).toBe('completed');
  });

  it('lets exactly one of many concurrent completions succeed', async () => {
    const { id: activityId } = await activity();
    const id = await application(activityId, 'attended');
    const responses = await Promise.all(Array.from({ length: 10 }, () => post('staff', `/api/applications/${id}/complete`)));
    expect(responses.map((response) => response.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    responses.filter((response) => response.status === 409).forEach(refused(409, 'ATTENDANCE_TRANSITION_NOT_ALLOWED'));
    const [row] = await t.dataSource.query('SELECT status, certificate_code AS code, version FROM applications WHERE id = $1', [id]);
    const winner = responses.find((response) => response.status === 200)!;
    expect(row).toEqual({ status: 'completed', code: winner.body.certificateCode, version: 2 });
    const [{ notes }] = await t.dataSource.query(`SELECT count(*)::int AS notes FROM notifications WHERE application_id = $1`, [id]);
    expect(notes).toBe(1);
  });

  it('refuses recording attendance for a cancelled activity', async () => {
    const { id: activityId, code } = await activity();
    const id = await application(activityId);
    await t.dataSource.query(`UPDATE activities SET status = 'cancelled', status_reason = 'x' WHERE id = $1`, [activityId]);
    const response = await post('staff', `/api/applications/${id}/attend`, { attendedDays: 1 }).expect(refused(409, 'ACTIVITY_NOT_RECORDABLE'));
    expect(response.body.message).toContain(`activity ${code} is cancelled`);
  });

  it('is for staff and admins: others are refused, unknown ids are 404', async () => {
    const { id: activityId } = await activity();
    const id = await application(activityId, 'selected', applicant.id);
    for (const role of ['auditor', 'focal_point', 'applicant'] as Role[]) {
      await post(role, `/api/applications/${id}/attend`, { attendedDays: 1 }).expect(refused(403, 'FORBIDDEN'));
      await post(role, `/api/applications/${id}/complete`).expect(refused(403, 'FORBIDDEN'));
      await post(role, `/api/applications/${id}/no-show`).expect(refused(403, 'FORBIDDEN'));
    }
    await t.http.post(`/api/applications/${id}/no-show`).expect(refused(401, 'UNAUTHORIZED'));
    expect(await statusOf(id)).toBe('selected');
    await post('staff', `/api/applications/${MISSING}/complete`).expect(refused(404, 'APPLICATION_NOT_FOUND'));
    await post('staff', `/api/applications/${MISSING}/attend`, { attendedDays: 1 }).expect(refused(404, 'APPLICATION_NOT_FOUND'));
    await post('staff', '/api/applications/123/no-show').expect(refused(400, 'BAD_REQUEST'));
    await post('admin', `/api/applications/${id}/attend`, { attendedDays: 2 }).expect(200);
  });
});
