import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';
import { activityFactory } from './support/activity-fixtures';
import { type Body, type Token, applicantIn, client, bulkApplications, notificationsOf } from './support/application-fixtures';
import { refused } from './support/refusals';

describe('selection', () => {
  let t: TestApp;
  let staff: Token;
  let auditor: Token;
  let focalKen: Token;
  let applicant: Token;
  const createActivity = activityFactory(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signedIn(t, 'staff');
    auditor = await signedIn(t, 'auditor');
    focalKen = await signedIn(t, 'focal_point', 'KEN');
    applicant = await applicantIn(t, 'KEN');
  });
  afterAll(() => t.close());

  const statusOf = async (id: string) =>
    (await t.dataSource.query('SELECT status, waitlist_position AS position FROM applications WHERE id = $1', [id]))[0] as {
      status: string;
      position: number | null;
    };
  const seatsOf = async (activityId: string) =>
    (await t.dataSource.query('SELECT seats_taken AS taken FROM activities WHERE id = $1', [activityId]))[0].taken as number;

  it('selects, waitlists and rejects, recording who decided and notifying the applicant', async () => {
    const activity = await createActivity();
    const [a, b, c] = await bulkApplications(t, activity.id, 3);
    const selected = await client(t, staff).post(`/api/applications/${a}/select`, { reason: 'Strong profile' }).expect(200);
    expect(selected.body).toMatchObject({ status: 'selected', decidedAt: expect.any(String), decisionReason: 'Strong profile', waitlistPosition: null });
    const waitlisted = await client(t, staff).post(`/api/applications/${b}/waitlist`).expect(200);
    expect(waitlisted.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const rejected = await client(t, staff).post(`/api/applications/${c}/reject`, { reason: 'Outside the target audience' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: 'Outside the target audience' });
    const [{ decidedBy }] = await t.dataSource.query('SELECT decided_by AS "decidedBy" FROM applications WHERE id = $1', [a]);
    expect(decidedBy).toBe(staff.id);
    expect(await seatsOf(activity.id)).toBe(1);
    expect((await notificationsOf(t, a)).map((row) => row.kind)).toEqual(['application.selected']);
    expect((await notificationsOf(t, b)).map((row) => row.kind)).toEqual(['application.waitlisted']);
    expect((await notificationsOf(t, c)).map((row) => row.kind)).toEqual(['application.rejected']);
    const [{ body }] = await t.dataSource.query(`SELECT body FROM notifications WHERE application_id = $1`, [b]);
    expect(body).toContain('position 1');

    // Waitlisted → selected closes up the waitlist; selected → rejected frees the seat.
    await client(t, staff).post(`/api/applications/${b}/select`).expect(200);
    expect(await statusOf(b)).toEqual({ status: 'selected', position: null });
    expect(await seatsOf(activity.id)).toBe(2);
    await client(t, staff).post(`/api/applications/${a}/reject`, { reason: 'Changed post' }).expect(200);
    expect(await seatsOf(activity.id)).toBe(1);
  });

  it('names the current status and the allowed ones for an illegal transition', async () => {
    const activity = await createActivity();
    const [id] = await bulkApplications(t, activity.id, 1);
    await client(t, staff).post(`/api/applications/${id}/reject`, { reason: 'No' }).expect(200);
    const select = await client(t, staff).post(`/api/applications/${id}/select`).expect(refused(409, 'APPLICATION_TRANSITION_NOT_ALLOWED'));
    expect(select.body).toMatchObject({
      message: `application ${id} is rejected; select is allowed only from: submitted, endorsed, waitlisted`,
      currentStatus: 'rejected',
      allowedFrom: ['submitted', 'endorsed', 'waitlisted'],
    });
    const waitlist = await client(t, staff).post(`/api/applications/${id}/waitlist`).expect(refused(409, 'APPLICATION_TRANSITION_NOT_ALLOWED'));
    expect(waitlist.body.message).toBe(`application ${id} is rejected; waitlist is allowed only from: submitted, endorsed`);
    const reject = await client(t, staff).post(`/api/applications/${id}/reject`, { reason: 'Again' }).expect(refused(409, 'APPLICATION_TRANSITION_NOT_ALLOWED'));
    expect(reject.body.message).toBe(`application ${id} is rejected; reject is allowed only from: submitted, endorsed, waitlisted, selected`);
  });

  it('refuses decisions on an activity that is cancelled or delivered', async () => {
    const activity = await createActivity({ status: 'cancelled' });
    const [id] = await bulkApplications(t, activity.id, 1);
    const response = await client(t, staff).post(`/api/applications/${id}/select`).expect(refused(409, 'ACTIVITY_NOT_DECIDING'));
    expect(response.body.message).toBe(`activity ${activity.code} is cancelled: applications are decided while it is confirmed, open, closed`);
  });

  it('200 concurrent selects on an activity of capacity 25: exactly 25 selected, 175 refused', async () => {
    const activity = await createActivity({ capacity: 25 });
    const ids = await bulkApplications(t, activity.id, 200);
    const responses = await Promise.all(ids.map((id) => client(t, staff).post(`/api/applications/${id}/select`)));
    const counts = responses.reduce<Record<number, number>>((all, response) => ({ ...all, [response.status]: (all[response.status] ?? 0) + 1 }), {});
    expect(counts).toEqual({ 200: 25, 409: 175 });
    const refusal = responses.find((response) => response.status === 409)!;
    refused(409, 'ACTIVITY_FULL', { activityCode: activity.code, capacity: 25 })(refusal);
    expect(refusal.body.message).toBe(`activity ${activity.code} is full: capacity 25`);
    expect(await seatsOf(activity.id)).toBe(25);
    const [{ selected }] = await t.dataSource.query(
      `SELECT count(*)::int AS selected FROM applications WHERE activity_id = $1 AND status = 'selected'`,
      [activity.id],
    );
    expect(selected).toBe(25);
    const [{ notified }] = await t.dataSource.query(
      `SELECT count(*)::int AS notified FROM notifications n JOIN applications ap ON ap.id = n.application_id
       WHERE ap.activity_id = $1 AND n.kind = 'application.selected'`,
      [activity.id],
    );
    expect(notified).toBe(25);
  });

  it('appends concurrent waitlistings at the end, one position each', async () => {
    const activity = await createActivity();
    const ids = await bulkApplications(t, activity.id, 20);
    const responses = await Promise.all(ids.map((id) => client(t, staff).post(`/api/applications/${id}/waitlist`)));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    const positions = (await t.dataSource.query(
      `SELECT waitlist_position AS position FROM applications WHERE activity_id = $1 ORDER BY waitlist_position`,
      [activity.id],
    )) as { position: number }[];
    expect(positions.map((row) => row.position)).toEqual(Array.from({ length: 20 }, (_value, index) => index + 1));
    // Rejecting the fifth moves everyone behind it up.
    const fifth = ids[responses.findIndex((response) => response.body.waitlistPosition === 5)];
    await client(t, staff).post(`/api/applications/${fifth}/reject`, { reason: 'No' }).expect(200);
    const after = (await t.dataSource.query(
      `SELECT waitlist_position AS position FROM applications WHERE activity_id = $1 AND status = 'waitlisted' ORDER BY waitlist_position`,
      [activity.id],
    )) as { position: number }[];
    expect(after.map((row) => row.position)).toEqual(Array.from({ length: 19 }, (_value, index) => index + 1));
    // The list gives the waitlist in its order, whatever page and filter it shows.
    const order = ids
      .map((id, index) => ({ id, position: responses[index].body.waitlistPosition as number }))
      .filter(({ id }) => id !== fifth)
      .sort((a, b) => a.position - b.position)
      .map(({ id }) => id);
    const page = await client(t, staff).get(`/api/activities/${activity.id}/applications?limit=5&status=rejected`).expect(200);
    expect(page.body).toMatchObject({ total: 1, waitlist: order, seats: { capacity: 25, taken: 0, left: 25 } });
    expect(page.body.items.map((item: { id: string }) => item.id)).toEqual([fifth]);
    await client(t, staff).get('/api/activities/00000000-0000-4000-8000-000000000000/applications').expect(refused(404, 'ACTIVITY_NOT_FOUND'));
  });

  it('applies bulk decisions all together', async () => {
    const activity = await createActivity({ capacity: 2 });
    const ids = await bulkApplications(t, activity.id, 5);
    const response = await client(t, staff)
      .post(`/api/activities/${activity.id}/applications/decisions`, {
        decisions: [
          { applicationId: ids[0], action: 'select' },
          { applicationId: ids[1], action: 'waitlist' },
          { applicationId: ids[2], action: 'select' },
          { applicationId: ids[3], action: 'reject', reason: 'Incomplete' },
          { applicationId: ids[4], action: 'waitlist' },
        ],
      })
      .expect(200);
    expect(response.body).toEqual({
      applied: 5,
      seats: { capacity: 2, taken: 2, left: 0 },
      items: [
        { applicationId: ids[0], status: 'selected', waitlistPosition: null },
        { applicationId: ids[1], status: 'waitlisted', waitlistPosition: 1 },
        { applicationId: ids[2], status: 'selected', waitlistPosition: null },
        { applicationId: ids[3], status: 'rejected', waitlistPosition: null },
        { applicationId: ids[4], status: 'waitlisted', waitlistPosition: 2 },
      ],
    });
    expect((await notificationsOf(t, ids[3])).map((row) => row.kind)).toEqual(['application.rejected']);

    // Rejections run first, so one batch can give a seat to someone else.
    await client(t, staff)
      .post(`/api/activities/${activity.id}/applications/decisions`, {
        decisions: [
          { applicationId: ids[1], action: 'select' },
          { applicationId: ids[0], action: 'reject', reason: 'Declined the offer' },
        ],
      })
      .expect(200);
    expect(await statusOf(ids[1])).toEqual({ status: 'selected', position: null });
    expect(await statusOf(ids[4])).toEqual({ status: 'waitlisted', position: 1 });
  });

  it('changes nothing when any bulk decision fails, and lists every failure', async () => {
    const activity = await createActivity({ capacity: 2 });
    const other = await createActivity();
    const ids = await bulkApplications(t, activity.id, 5);
    const [foreign] = await bulkApplications(t, other.id, 1);
    await client(t, staff).post(`/api/applications/${ids[4]}/reject`, { reason: 'No' }).expect(200);
    const before = await t.dataSource.query('SELECT id, status, version FROM applications WHERE activity_id = $1 ORDER BY id', [activity.id]);
    const notificationsBefore = await t.dataSource.query('SELECT count(*)::int AS count FROM notifications');

    const response = await client(t, staff)
      .post(`/api/activities/${activity.id}/applications/decisions`, {
        decisions: [
          { applicationId: ids[0], action: 'select' },
          { applicationId: ids[1], action: 'select' },
          { applicationId: ids[2], action: 'select' },
          { applicationId: ids[3], action: 'waitlist' },
          { applicationId: ids[4], action: 'select' },
          { applicationId: foreign, action: 'select' },
        ],
      })
      .expect(refused(409, 'DECISIONS_CONFLICT'));
    expect(response.body.message).toBe('3 of 6 decisions cannot be applied; nothing was changed');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        // Each named for the person, with its refusal's params for the web to translate.
        {
          applicationId: ids[2],
          applicantName: 'Bulk applicant',
          problem: `activity ${activity.code} is full: capacity 2`,
          code: 'ACTIVITY_FULL',
          params: expect.objectContaining({ activityCode: activity.code, capacity: 2 }),
        },
        {
          applicationId: ids[4],
          applicantName: 'Bulk applicant',
          problem: `application ${ids[4]} is rejected; select is allowed only from: submitted, endorsed, waitlisted`,
          code: 'APPLICATION_TRANSITION_NOT_ALLOWED',
          params: { action: 'select', status: 'rejected', allowedFrom: ['submitted', 'endorsed', 'waitlisted'] },
        },
        {
          applicationId: foreign,
          applicantName: 'Bulk applicant',
          problem: `application ${foreign} is not an application to this activity`,
          code: 'APPLICATION_NOT_IN_ACTIVITY',
          params: { applicationId: foreign },
        },
      ]),
    );
    expect(response.body.errors).toHaveLength(3);
    expect(await t.dataSource.query('SELECT id, status, version FROM applications WHERE activity_id = $1 ORDER BY id', [activity.id])).toEqual(before);
    expect(await seatsOf(activity.id)).toBe(0);
    expect(await t.dataSource.query('SELECT count(*)::int AS count FROM notifications')).toEqual(notificationsBefore);

    // Only rule violations (no conflict): 422.
    const unknown = await client(t, staff)
      .post(`/api/activities/${activity.id}/applications/decisions`, { decisions: [{ applicationId: foreign, action: 'reject', reason: 'x' }] })
      .expect(refused(422, 'DECISIONS_REFUSED'));
    expect(unknown.body.errors).toHaveLength(1);
  });

  it('validates bulk input', async () => {
    const activity = await createActivity();
    const [id] = await bulkApplications(t, activity.id, 1);
    const path = `/api/activities/${activity.id}/applications/decisions`;
    const bad: Body[] = [
      {},
      { decisions: [] },
      { decisions: 'all' },
      { decisions: [{ applicationId: id, action: 'promote' }] },
      { decisions: [{ applicationId: 'x', action: 'select' }] },
      { decisions: [{ applicationId: id, action: 'reject' }] },
      { decisions: [{ applicationId: id, action: 'select', extra: true }] },
      { decisions: [{ applicationId: id, action: 'select' }], dryRun: true },
      { decisions: Array.from({ length: 501 }, () => ({ applicationId: id, action: 'select' })) },
    ];
    for (const body of bad) await client(t, staff).post(path, body).expect(refused(400, 'VALIDATION_FAILED'));
    const twice = await client(t, staff)
      .post(path, { decisions: [{ applicationId: id, action: 'select' }, { applicationId: id, action: 'reject', reason: 'x' }] })
      .expect(refused(400, 'DECISION_REPEATED'));
    expect(twice.body.errors).toEqual([{ applicationId: id, applicantName: 'Bulk applicant', problem: 'appears more than once in this batch' }]);
    await client(t, staff).post('/api/activities/nope/applications/decisions', { decisions: [{ applicationId: id, action: 'select' }] }).expect(refused(400, 'VALIDATION_FAILED'));
    await client(t, staff)
      .post('/api/activities/00000000-0000-4000-8000-000000000000/applications/decisions', { decisions: [{ applicationId: id, action: 'select' }] })
      .expect(refused(404, 'ACTIVITY_NOT_FOUND'));
    for (const who of [auditor, applicant, focalKen]) {
      await client(t, who).post(path, { decisions: [{ applicationId: id, action: 'select' }] }).expect(refused(403, 'FORBIDDEN'));
    }
    await client(t, undefined).post(path, { decisions: [{ applicationId: id, action: 'select' }] }).expect(refused(401, 'UNAUTHORIZED'));
    expect((await statusOf(id)).status).toBe('submitted');
  });

  it('lets only staff decide, and checks every input', async () => {
    const activity = await createActivity();
    const [id] = await bulkApplications(t, activity.id, 1);
    for (const action of ['select', 'waitlist', 'reject']) {
      for (const who of [auditor, applicant, focalKen]) await client(t, who).post(`/api/applications/${id}/${action}`, { reason: 'x' }).expect(refused(403, 'FORBIDDEN'));
      await client(t, undefined).post(`/api/applications/${id}/${action}`, { reason: 'x' }).expect(refused(401, 'UNAUTHORIZED'));
      await client(t, staff).post(`/api/applications/not-a-uuid/${action}`, { reason: 'x' }).expect(refused(400, 'VALIDATION_FAILED'));
      await client(t, staff).post(`/api/applications/${id}/${action}`, { reason: 'x', status: 'selected' }).expect(refused(400, 'VALIDATION_FAILED'));
      await client(t, staff).post(`/api/applications/${id}/${action}`, { reason: ['x'] }).expect(refused(400, 'VALIDATION_FAILED'));
      await client(t, staff).post(`/api/applications/00000000-0000-4000-8000-000000000000/${action}`, { reason: 'x' }).expect(refused(404, 'APPLICATION_NOT_FOUND'));
    }
    const noReason = await client(t, staff).post(`/api/applications/${id}/reject`).expect(refused(400, 'VALIDATION_FAILED'));
    expect(JSON.stringify(noReason.body.message)).toContain('reason is required');
    await client(t, staff).post(`/api/applications/${id}/reject`, { reason: 'x'.repeat(2001) }).expect(refused(400, 'VALIDATION_FAILED'));
    expect((await statusOf(id)).status).toBe('submitted');
    // Admins may do what staff do.
    const admin = await signedIn(t, 'admin');
    await client(t, admin).post(`/api/applications/${id}/select`).expect(200);
  });
});
