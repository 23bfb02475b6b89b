import type { Role } from '@trta/http';
import { activityCode, currentPlanWithProduct, day, insertActivity, type PlanAndProduct } from './support/activity-fixtures';
import { bulkApplications } from './support/application-fixtures';
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
    await post('staff', '/api/applications/123/no-show').expect(refused(400, 'VALIDATION_FAILED'));
    await post('admin', `/api/applications/${id}/attend`, { attendedDays: 2 }).expect(200);
  });

  describe('when: attendance once the activity has started, completion once it has ended (issue 12)', () => {
    /** A course of `mode` from `start` to `end` days from today, open for applications (so not yet closed). */
    const course = (start: number, end: number, mode: 'face_to_face' | 'e_learning' = 'face_to_face', capacity = 50) =>
      insertActivity(t, plan, {
        code: activityCode(planYear, 8500 + ++codeCounter),
        title: mode === 'e_learning' ? 'Self-paced e-learning on TBT' : 'Face-to-face course on customs valuation',
        deliveryMode: mode,
        capacity,
        status: 'open',
        startDate: day(start),
        endDate: day(end),
        applicationDeadline: start > 1 ? day(start - 1) : null,
        venueCity: mode === 'e_learning' ? null : 'Geneva',
        venueCountry: mode === 'e_learning' ? null : 'CHE',
      });
    const actionsOf = async (id: string) => (await t.http.get(`/api/applications/${id}`).auth(tokens.staff, { type: 'bearer' }).expect(200)).body.allowedActions;

    it('refuses attendance, a no-show and completion for a face-to-face course that starts next month, and issues no certificate', async () => {
      const { id: activityId, code } = await course(30, 34);
      const selected = await application(activityId, 'selected');
      const attended = await application(activityId, 'attended');
      // Not offered: the application's allowedActions leave them out.
      expect(await actionsOf(selected)).toEqual(['reject']);
      expect(await actionsOf(attended)).toEqual(['evaluate']);

      const early = await post('staff', `/api/applications/${selected}/attend`, { attendedDays: 2 }).expect(
        refused(409, 'ACTIVITY_NOT_STARTED', { action: 'attend', startDate: day(30), activityCode: code }),
      );
      expect(early.body.message).toBe(`activity ${code} starts on ${day(30)}: attend is recorded only once it has started`);
      await post('staff', `/api/applications/${selected}/no-show`).expect(refused(409, 'ACTIVITY_NOT_STARTED', { action: 'no-show' }));
      await post('admin', `/api/applications/${attended}/complete`).expect(refused(409, 'ACTIVITY_NOT_ENDED', { action: 'complete', endDate: day(34) }));
      expect(await statusOf(selected)).toBe('selected');
      const [row] = await t.dataSource.query('SELECT status, certificate_code AS code, completed_at AS "completedAt" FROM applications WHERE id = $1', [attended]);
      expect(row).toEqual({ status: 'attended', code: null, completedAt: null });
      await t.http.get(`/api/applications/${attended}/certificate.pdf`).auth(tokens.staff, { type: 'bearer' }).expect(refused(409, 'CERTIFICATE_NOT_ISSUED'));
      expect((await t.dataSource.query('SELECT count(*)::int AS count FROM notifications WHERE application_id = $1', [attended]))[0].count).toBe(0);
    });

    it('records attendance once the course has started, completion only once it has ended', async () => {
      const { id: activityId, code } = await course(-1, 3);
      const id = await application(activityId, 'selected');
      expect(await actionsOf(id)).toEqual(['reject', 'attend', 'no-show']);
      await post('staff', `/api/applications/${id}/attend`, { attendedDays: 2 }).expect(200);
      expect(await actionsOf(id)).toEqual(['evaluate']);
      const running = await post('staff', `/api/applications/${id}/complete`).expect(refused(409, 'ACTIVITY_NOT_ENDED', { endDate: day(3) }));
      expect(running.body.message).toBe(`activity ${code} ends on ${day(3)}: completion and certificates only once it has ended (self-paced e-learning excepted)`);
      // The last day is not yet the end: completion waits until the end date has passed, as delivering the activity does.
      await t.dataSource.query('UPDATE activities SET start_date = $2, end_date = $3 WHERE id = $1', [activityId, day(-4), day(0)]);
      await post('staff', `/api/applications/${id}/complete`).expect(refused(409, 'ACTIVITY_NOT_ENDED'));
      await t.dataSource.query('UPDATE activities SET start_date = $2, end_date = $3 WHERE id = $1', [activityId, day(-5), day(-1)]);
      expect(await actionsOf(id)).toEqual(['complete', 'evaluate']);
      const completed = await post('staff', `/api/applications/${id}/complete`).expect(200);
      expect(completed.body.certificateCode).toMatch(/^TRTA-/);
    });

    it('lets a self-paced e-learning participant complete on passing, before the end, but not before the start', async () => {
      const running = await course(-10, 60, 'e_learning');
      const id = await application(running.id, 'selected');
      await post('staff', `/api/applications/${id}/attend`, { attendedDays: 1 }).expect(200);
      expect(await actionsOf(id)).toEqual(['complete', 'evaluate']);
      const completed = await post('staff', `/api/applications/${id}/complete`).expect(200);
      expect(completed.body).toMatchObject({ status: 'completed', certificateCode: expect.stringMatching(/^TRTA-/) });

      const later = await course(20, 80, 'e_learning');
      const waiting = await application(later.id, 'attended');
      await post('staff', `/api/applications/${waiting}/complete`).expect(refused(409, 'ACTIVITY_NOT_STARTED', { action: 'complete', startDate: day(20) }));
    });

    it('refuses participants registered as attended before the start or completed before the end', async () => {
      const future = await insertActivity(t, plan, {
        code: activityCode(planYear, 8600 + ++codeCounter),
        status: 'confirmed',
        startDate: day(10),
        endDate: day(12),
        venueCity: 'Geneva',
        venueCountry: 'CHE',
      });
      const person = (status: string) => ({
        email: `registered-${++codeCounter}@example.org`,
        status,
        profile: {
          fullName: 'Awa Ndiaye',
          gender: 'female',
          nationality: 'SEN',
          country: 'SEN',
          institutionType: 'government',
          institution: 'Ministry of Trade',
          position: 'Officer',
          languages: ['fr'],
        },
      });
      await post('staff', `/api/activities/${future.id}/participants`, person('attended')).expect(refused(409, 'ACTIVITY_NOT_STARTED', { action: 'attend', startDate: day(10) }));
      await post('staff', `/api/activities/${future.id}/participants`, person('completed')).expect(refused(409, 'ACTIVITY_NOT_ENDED', { action: 'complete', endDate: day(12) }));
      await post('staff', `/api/activities/${future.id}/participants`, person('selected')).expect(201);
      const csv = ['email,fullName,gender,nationality,country,institutionType,institution,position,languages,status', `late-${codeCounter}@example.org,Awa Ndiaye,female,SEN,SEN,government,Ministry,Officer,fr,completed`].join('\n');
      const file = await t.http
        .post(`/api/activities/${future.id}/participants`)
        .auth(tokens.staff, { type: 'bearer' })
        .attach('file', Buffer.from(csv), { filename: 'participants.csv', contentType: 'text/csv' })
        .expect(refused(422, 'PARTICIPANTS_INVALID'));
      expect(file.body.errors).toEqual([{ row: 2, field: 'status', problem: expect.stringContaining('completion and certificates only once it has ended') }]);
    });
  });

  describe('in bulk, for courses of several hundred', () => {
    const bulkPath = (activityId: string, what: string) => `/api/activities/${activityId}/${what}`;
    const names = async (ids: string[], prefix: string) => {
      for (const [index, id] of ids.entries()) {
        await t.dataSource.query('UPDATE applicant_profiles SET full_name = $2 WHERE user_id = (SELECT applicant_id FROM applications WHERE id = $1)', [id, `${prefix} ${index + 1}`]);
      }
    };

    it('records days per person and everyone present, all or nothing, then completes all who qualify', async () => {
      const { id: activityId } = await activity();
      const selected = await bulkApplications(t, activityId, 5, 'SEN', 'selected');
      const [submitted] = await bulkApplications(t, activityId, 1, 'SEN', 'submitted');
      await names([...selected, submitted], 'Participant');

      const refusedBatch = await post('staff', bulkPath(activityId, 'attendance'), {
        records: [
          { applicationId: selected[0], attendedDays: 2 },
          { applicationId: submitted, attendedDays: 1 },
          { applicationId: selected[1], attendedDays: 4 },
        ],
      }).expect(refused(409, 'PARTICIPATION_RECORDS_REFUSED', { failed: 2, total: 3 }));
      expect(refusedBatch.body.errors).toEqual([
        {
          applicationId: submitted,
          applicantName: 'Participant 6',
          code: 'ATTENDANCE_TRANSITION_NOT_ALLOWED',
          params: { action: 'attend', status: 'submitted', allowedFrom: ['selected'] },
          problem: `application ${submitted} is submitted; attend needs it to be selected`,
        },
        {
          applicationId: selected[1],
          applicantName: 'Participant 2',
          code: 'ATTENDED_DAYS_EXCEED_LENGTH',
          params: expect.objectContaining({ attendedDays: 4, lengthDays: 3 }),
          problem: expect.stringContaining('attendedDays 4 is more than the 3 days'),
        },
      ]);
      expect(await statusOf(selected[0])).toBe('selected');

      const some = await post('staff', bulkPath(activityId, 'attendance'), {
        records: [
          { applicationId: selected[0], attendedDays: 2 },
          { applicationId: selected[1], attendedDays: 3 },
        ],
      }).expect(200);
      expect(some.body).toMatchObject({ recorded: 2, items: [{ id: selected[0], status: 'attended', attendedDays: 2 }, { id: selected[1], attendedDays: 3 }] });

      const everyone = await post('staff', bulkPath(activityId, 'attendance/everyone')).expect(200);
      expect(everyone.body.recorded).toBe(3);
      const days = await t.dataSource.query('SELECT id, status, attended_days AS days FROM applications WHERE activity_id = $1 ORDER BY id', [activityId]);
      expect(days.filter((row: { status: string }) => row.status === 'attended').map((row: { id: string; days: number }) => [row.id, row.days]).sort()).toEqual(
        [
          [selected[0], 2],
          [selected[1], 3],
          [selected[2], 3],
          [selected[3], 3],
          [selected[4], 3],
        ].sort(),
      );
      await post('staff', bulkPath(activityId, 'attendance/everyone'), { attendedDays: 9 }).expect(refused(422, 'ATTENDED_DAYS_EXCEED_LENGTH'));

      const wrong = await post('staff', bulkPath(activityId, 'completions'), { applicationIds: [selected[0], submitted] }).expect(refused(409, 'PARTICIPATION_RECORDS_REFUSED'));
      expect(wrong.body.errors).toEqual([expect.objectContaining({ applicationId: submitted, applicantName: 'Participant 6', code: 'ATTENDANCE_TRANSITION_NOT_ALLOWED' })]);
      const one = await post('staff', bulkPath(activityId, 'completions'), { applicationIds: [selected[0]] }).expect(200);
      expect(one.body.items[0]).toMatchObject({ id: selected[0], status: 'completed', certificateCode: expect.stringMatching(/^TRTA-/) });
      const rest = await post('staff', bulkPath(activityId, 'completions')).expect(200);
      expect(rest.body.recorded).toBe(4);
      const codes = await t.dataSource.query(`SELECT certificate_code AS code FROM applications WHERE activity_id = $1 AND status = 'completed'`, [activityId]);
      expect(new Set(codes.map((row: { code: string }) => row.code)).size).toBe(5);
      const [{ notes }] = await t.dataSource.query(`SELECT count(*)::int AS notes FROM notifications WHERE kind = 'certificate.ready' AND application_id = ANY($1)`, [selected]);
      expect(notes).toBe(5);
      expect((await post('staff', bulkPath(activityId, 'completions')).expect(200)).body.recorded).toBe(0);
    });

    it('handles a course of 300 in one request each', async () => {
      const { id: activityId } = await activity({ capacity: 300 });
      await bulkApplications(t, activityId, 300, 'SEN', 'selected');
      expect((await post('staff', bulkPath(activityId, 'attendance/everyone'), { attendedDays: 3 }).expect(200)).body.recorded).toBe(300);
      expect((await post('staff', bulkPath(activityId, 'completions')).expect(200)).body.recorded).toBe(300);
      const [{ completed }] = await t.dataSource.query(`SELECT count(*)::int AS completed FROM applications WHERE activity_id = $1 AND status = 'completed' AND attended_days = 3`, [activityId]);
      expect(completed).toBe(300);
    });

    it('refuses bulk attendance before the start and bulk completion before the end', async () => {
      const future = await insertActivity(t, plan, {
        code: activityCode(planYear, 8700 + ++codeCounter),
        status: 'open',
        startDate: day(30),
        endDate: day(34),
        venueCity: 'Geneva',
        venueCountry: 'CHE',
      });
      const [id] = await bulkApplications(t, future.id, 1, 'SEN', 'selected');
      await post('staff', bulkPath(future.id, 'attendance/everyone')).expect(refused(409, 'ACTIVITY_NOT_STARTED', { startDate: day(30) }));
      await post('staff', bulkPath(future.id, 'attendance'), { records: [{ applicationId: id, attendedDays: 1 }] }).expect(refused(409, 'ACTIVITY_NOT_STARTED'));
      await post('staff', bulkPath(future.id, 'completions')).expect(refused(409, 'ACTIVITY_NOT_ENDED', { endDate: day(34) }));
      expect(await statusOf(id)).toBe('selected');
    });

    it('validates batches and is for staff only', async () => {
      const { id: activityId } = await activity();
      const [id] = await bulkApplications(t, activityId, 1, 'SEN', 'selected');
      for (const body of [{}, { records: [] }, { records: [{ applicationId: id, attendedDays: 1 }, { applicationId: id, attendedDays: 2 }] }, { records: [{ applicationId: 'x', attendedDays: 1 }] }]) {
        await post('staff', bulkPath(activityId, 'attendance'), body).expect(refused(400, 'VALIDATION_FAILED'));
      }
      await post('staff', bulkPath(activityId, 'completions'), { applicationIds: [id, id] }).expect(refused(400, 'VALIDATION_FAILED'));
      await post('staff', bulkPath(activityId, 'attendance/everyone'), { attendedDays: -1 }).expect(refused(400, 'VALIDATION_FAILED'));
      for (const role of ['auditor', 'focal_point', 'applicant'] as Role[]) {
        await post(role, bulkPath(activityId, 'attendance/everyone')).expect(refused(403, 'FORBIDDEN'));
        await post(role, bulkPath(activityId, 'completions')).expect(refused(403, 'FORBIDDEN'));
      }
      await post('staff', bulkPath(MISSING, 'completions')).expect(refused(404, 'ACTIVITY_NOT_FOUND'));
      const cancelled = await activity();
      await t.dataSource.query(`UPDATE activities SET status = 'cancelled', status_reason = 'no funds' WHERE id = $1`, [cancelled.id]);
      await post('staff', bulkPath(cancelled.id, 'attendance/everyone')).expect(refused(409, 'ACTIVITY_NOT_RECORDABLE'));
      expect(await statusOf(id)).toBe('selected');
    });
  });
});
