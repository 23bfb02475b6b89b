import type { Role } from '@trta/http';
import { currentPlanWithProduct, day, postActivity, type PlanAndProduct } from './support/activity-fixtures';
import { bulkApplications } from './support/application-fixtures';
import { signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

type Body = Record<string, unknown>;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

function reportBody(overrides: Body = {}): Body {
  return {
    sessionsHeld: 8,
    participantsFemale: 11,
    participantsMale: 13,
    participantsOther: 1,
    objectivesMet: 'partly',
    evidence: 'Post-test scores rose by 22 points on average.',
    conclusion: 'Worth repeating for the sub-region.',
    lessons: 'Send the reading material two weeks earlier.',
    ...overrides,
  };
}

describe('back-to-office reports', () => {
  let t: TestApp;
  const users = {} as Record<Role, { id: string; email: string; token: string }>;
  let plan: PlanAndProduct;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'staff', 'auditor', 'focal_point', 'applicant'] as Role[]) users[role] = await signedIn(t, role);
    plan = await currentPlanWithProduct(t);
  });
  afterAll(() => t.close());

  const as = (role: Role) => ({
    get: (path: string) => t.http.get(path).auth(users[role].token, { type: 'bearer' }),
    post: (path: string, body: Body = {}) => t.http.post(path).auth(users[role].token, { type: 'bearer' }).send(body),
    put: (path: string, body: Body) => t.http.put(path).auth(users[role].token, { type: 'bearer' }).send(body),
  });
  const reportOf = (id: string) => `/api/activities/${id}/back-to-office-report`;

  /** An online activity that ended yesterday, confirmed through the API (and delivered when asked). */
  async function activity(deliver: boolean): Promise<{ id: string; code: string }> {
    const created = await postActivity(t, users.staff.token, {
      ...plan,
      title: 'Online course on trade facilitation',
      type: 'global',
      deliveryMode: 'online',
      languages: ['en'],
      topics: ['trade_facilitation'],
      leadDivision: 'ITTC',
      capacity: 30,
      budgetPlanned: '12000.00',
      startDate: day(-10),
      endDate: day(-1),
    });
    await as('staff').post(`/api/activities/${created.id}/confirm`).expect(200);
    if (deliver) await as('staff').post(`/api/activities/${created.id}/deliver`).expect(200);
    return created;
  }

  it('refuses a report before the activity is delivered, naming its status (409)', async () => {
    const confirmed = await activity(false);
    const response = await as('staff').put(reportOf(confirmed.id), reportBody()).expect(refused(409, 'ACTIVITY_NOT_DELIVERED'));
    expect(response.body.message).toBe(
      `a back-to-office report can be written only once the activity is delivered; activity ${confirmed.code} is confirmed`,
    );
    await as('staff').post(`/api/activities/${confirmed.id}/cancel`, { reason: 'no funds' }).expect(200);
    expect((await as('staff').put(reportOf(confirmed.id), reportBody()).expect(refused(409, 'ACTIVITY_NOT_DELIVERED'))).body.message).toContain('is cancelled');
    await as('staff').get(reportOf(confirmed.id)).expect(refused(404, 'BACK_TO_OFFICE_REPORT_NOT_FOUND'));
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM back_to_office_reports WHERE activity_id = $1', [confirmed.id]);
    expect(count).toBe(0);
  });

  it('saves the report of a delivered activity, replaces it on a second PUT and records both in the history', async () => {
    const delivered = await activity(true);
    await as('staff').get(reportOf(delivered.id)).expect(refused(404, 'BACK_TO_OFFICE_REPORT_NOT_FOUND'));

    const first = await as('staff').put(reportOf(delivered.id), reportBody()).expect(200);
    expect(first.body).toMatchObject({
      activityId: delivered.id,
      ...reportBody(),
      authorId: users.staff.id,
      authorEmail: users.staff.email,
      version: 1,
    });
    const read = await as('auditor').get(reportOf(delivered.id)).expect(200);
    expect(read.body).toEqual(first.body);

    const second = await as('admin')
      .put(reportOf(delivered.id), reportBody({ objectivesMet: 'fully', lessons: '   ', version: 1 }))
      .expect(200);
    expect(second.body).toMatchObject({ objectivesMet: 'fully', lessons: null, authorId: users.admin.id, version: 2 });
    // The same report again changes nothing: no new version, no history row.
    const again = await as('staff').put(reportOf(delivered.id), reportBody({ objectivesMet: 'fully', lessons: null })).expect(200);
    expect(again.body.version).toBe(2);
    // A PUT based on an older version is refused instead of overwriting.
    const stale = await as('staff').put(reportOf(delivered.id), reportBody({ sessionsHeld: 1, version: 1 })).expect(refused(409, 'STALE_VERSION'));
    expect(stale.body).toMatchObject({ currentVersion: 2 });

    const history = await as('auditor').get(`/api/activities/${delivered.id}/history`).expect(200);
    const rows = (history.body.items as { action: string; userId: string; changes: Body }[]).filter(
      (row) => row.action === 'back-to-office-report',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      userId: users.staff.id,
      changes: { sessionsHeld: { from: null, to: 8 }, objectivesMet: { from: null, to: 'partly' }, participantsOther: { from: null, to: 1 } },
    });
    expect(rows[1]).toMatchObject({ userId: users.admin.id });
    expect(rows[1].changes).toEqual({
      objectivesMet: { from: 'partly', to: 'fully' },
      lessons: { from: 'Send the reading material two weeks earlier.', to: null },
    });
  });

  it('refuses invalid reports with 400, listing every problem', async () => {
    const delivered = await activity(true);
    const response = await as('staff')
      .put(reportOf(delivered.id), {
        sessionsHeld: -1,
        participantsFemale: 2.5,
        participantsMale: '3',
        objectivesMet: 'mostly',
        evidence: 'x'.repeat(10001),
        rating: 5,
      })
      .expect(refused(400, 'VALIDATION_FAILED'));
    const message = (response.body.message as string[]).join('\n');
    for (const problem of [
      'sessionsHeld must not be negative',
      'participantsFemale must be a whole number',
      'participantsMale must be a whole number',
      'participantsOther must be a whole number',
      'objectivesMet must be one of: fully, partly, not',
      'evidence must be at most 10000 characters',
      'property rating should not exist',
    ]) {
      expect(message).toContain(problem);
    }
    await as('staff').put(reportOf(delivered.id), reportBody({ sessionsHeld: 1001 })).expect(refused(400, 'VALIDATION_FAILED'));
    await as('staff').put(reportOf(delivered.id), reportBody({ conclusion: 42 })).expect(refused(400, 'VALIDATION_FAILED'));
    await as('staff').get(reportOf(delivered.id)).expect(refused(404, 'BACK_TO_OFFICE_REPORT_NOT_FOUND'));
  });

  it('lets auditors read but not write, and keeps applicants, focal points and anonymous callers out', async () => {
    const delivered = await activity(true);
    await as('staff').put(reportOf(delivered.id), reportBody()).expect(200);
    await as('auditor').get(reportOf(delivered.id)).expect(200);
    await as('auditor').put(reportOf(delivered.id), reportBody()).expect(refused(403, 'FORBIDDEN'));
    await as('applicant').get(reportOf(delivered.id)).expect(refused(403, 'FORBIDDEN'));
    await as('applicant').put(reportOf(delivered.id), reportBody()).expect(refused(403, 'FORBIDDEN'));
    await as('focal_point').get(reportOf(delivered.id)).expect(refused(403, 'FORBIDDEN'));
    await t.http.get(reportOf(delivered.id)).expect(refused(401, 'UNAUTHORIZED'));
    await t.http.put(reportOf(delivered.id)).send(reportBody()).expect(refused(401, 'UNAUTHORIZED'));
  });

  it('answers 404 for an unknown activity and 400 for an id that is not one', async () => {
    expect((await as('staff').put(reportOf(UNKNOWN_ID), reportBody()).expect(refused(404, 'ACTIVITY_NOT_FOUND'))).body.message).toBe(`Activity ${UNKNOWN_ID} not found`);
    await as('staff').get(reportOf(UNKNOWN_ID)).expect(refused(404, 'ACTIVITY_NOT_FOUND'));
    await as('staff').get(reportOf('not-a-uuid')).expect(refused(400, 'VALIDATION_FAILED'));
  });

  describe('participants observed against those recorded (issue 12)', () => {
    /** A delivered activity (30 seats) with 6 participants recorded as attending: 3 women, 2 men, 1 undisclosed; and a no-show and a withdrawal. */
    async function withParticipants(): Promise<{ id: string; code: string }> {
      const delivered = await activity(true);
      const attended = await bulkApplications(t, delivered.id, 6, 'KEN', 'attended');
      await t.dataSource.query(`UPDATE applications SET status = 'completed', completed_at = now(), certificate_code = 'TRTA-BTO' || substr(md5(id::text), 1, 6) WHERE id = ANY($1)`, [attended.slice(0, 2)]);
      const gender = (ids: string[], value: string) =>
        t.dataSource.query('UPDATE applicant_profiles SET gender = $2 WHERE user_id IN (SELECT applicant_id FROM applications WHERE id = ANY($1))', [ids, value]);
      await gender(attended.slice(3, 5), 'male');
      await gender(attended.slice(5), 'undisclosed');
      await bulkApplications(t, delivered.id, 1, 'KEN', 'no_show');
      await bulkApplications(t, delivered.id, 1, 'KEN', 'withdrawn');
      return delivered;
    }

    it('gives the recorded participants by gender to prefill the report, and the most that may be observed', async () => {
      const delivered = await withParticipants();
      const recorded = await as('auditor').get(`${reportOf(delivered.id)}/recorded-participants`).expect(200);
      expect(recorded.body).toEqual({ female: 3, male: 2, other: 1, total: 6, applications: 7, capacity: 30, maximumObserved: 7 });
      // Nobody registered: the seats are the limit.
      const empty = await activity(true);
      expect((await as('staff').get(`${reportOf(empty.id)}/recorded-participants`).expect(200)).body).toEqual({
        female: 0, male: 0, other: 0, total: 0, applications: 0, capacity: 30, maximumObserved: 30,
      });
      await as('applicant').get(`${reportOf(delivered.id)}/recorded-participants`).expect(refused(403, 'FORBIDDEN'));
      await as('staff').get(`${reportOf(UNKNOWN_ID)}/recorded-participants`).expect(refused(404, 'ACTIVITY_NOT_FOUND'));
    });

    it('refuses 50 participants observed for 6 recorded, and more than the seats when nobody is registered', async () => {
      const delivered = await withParticipants();
      const fifty = await as('staff')
        .put(reportOf(delivered.id), reportBody({ participantsFemale: 30, participantsMale: 20, participantsOther: 0, participantsNote: 'a big room' }))
        .expect(refused(422, 'OBSERVED_PARTICIPANTS_IMPLAUSIBLE', { observed: 50, maximum: 7, capacity: 30, applications: 7, recorded: 6 }));
      expect(fifty.body.message).toBe(
        `50 participants observed is more than could have attended activity ${delivered.code}: at most 7 (capacity 30, 7 people applied or registered, 6 recorded as attending)`,
      );
      await as('staff').put(reportOf(delivered.id), reportBody({ participantsFemale: 4, participantsMale: 3, participantsOther: 1, participantsNote: 'x' })).expect(
        refused(422, 'OBSERVED_PARTICIPANTS_IMPLAUSIBLE', { observed: 8, maximum: 7 }),
      );
      const empty = await activity(true);
      await as('staff').put(reportOf(empty.id), reportBody({ participantsFemale: 20, participantsMale: 11, participantsOther: 0 })).expect(
        refused(422, 'OBSERVED_PARTICIPANTS_IMPLAUSIBLE', { observed: 31, maximum: 30 }),
      );
      await as('staff').put(reportOf(empty.id), reportBody({ participantsFemale: 20, participantsMale: 10, participantsOther: 0 })).expect(200);
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM back_to_office_reports WHERE activity_id = $1', [delivered.id]);
      expect(count).toBe(0);
    });

    it('needs a note when the participants observed differ from those recorded, and keeps it', async () => {
      const delivered = await withParticipants();
      const same = { participantsFemale: 3, participantsMale: 2, participantsOther: 1 };
      const differs = await as('staff')
        .put(reportOf(delivered.id), reportBody({ participantsFemale: 3, participantsMale: 1, participantsOther: 1 }))
        .expect(refused(422, 'PARTICIPANTS_NOTE_REQUIRED', { observed: 5, recorded: 6 }));
      expect(differs.body.message).toContain('participantsNote: 5 participants observed differs from the 6 recorded');
      await as('staff').put(reportOf(delivered.id), reportBody({ participantsFemale: 3, participantsMale: 1, participantsOther: 1, participantsNote: '   ' })).expect(refused(422, 'PARTICIPANTS_NOTE_REQUIRED'));
      const noted = await as('staff')
        .put(reportOf(delivered.id), reportBody({ participantsFemale: 3, participantsMale: 1, participantsOther: 1, participantsNote: 'One participant left after the first day.' }))
        .expect(200);
      expect(noted.body).toMatchObject({ participantsFemale: 3, participantsMale: 1, participantsNote: 'One participant left after the first day.', version: 1 });
      // The recorded figures need no note; the history names the note's change.
      const matching = await as('staff').put(reportOf(delivered.id), reportBody({ ...same, participantsNote: null, version: 1 })).expect(200);
      expect(matching.body).toMatchObject({ ...same, participantsNote: null, version: 2 });
      const history = await as('auditor').get(`/api/activities/${delivered.id}/history`).expect(200);
      const last = (history.body.items as { action: string; changes: Body }[]).filter((row) => row.action === 'back-to-office-report').pop()!;
      expect(last.changes).toMatchObject({ participantsNote: { from: 'One participant left after the first day.', to: null } });
      await as('staff').put(reportOf(delivered.id), reportBody({ ...same, participantsNote: 'x'.repeat(10001), version: 2 })).expect(refused(400, 'VALIDATION_FAILED'));
    });
  });
});
