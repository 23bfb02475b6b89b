import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';
import { activityFactory } from './support/activity-fixtures';
import { type Token, applicantIn, client, apply, bulkApplications, notificationsOf } from './support/application-fixtures';
import { refused } from './support/refusals';

describe('nominations', () => {
  let t: TestApp;
  let staff: Token;
  let auditor: Token;
  let focalKen: Token;
  let focalSen: Token;
  let applicant: Token;
  const createActivity = activityFactory(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signedIn(t, 'staff');
    auditor = await signedIn(t, 'auditor');
    focalKen = await signedIn(t, 'focal_point', 'KEN');
    focalSen = await signedIn(t, 'focal_point', 'SEN');
    applicant = await applicantIn(t, 'KEN');
  });
  afterAll(() => t.close());

  it('the focal point of the country endorses; the applicant is notified; staff can then select', async () => {
    const activity = await createActivity({ requiresNomination: true });
    const id = await apply(t, applicant, activity.id);
    const selectTooEarly = await client(t, staff).post(`/api/applications/${id}/select`).expect(refused(409, 'APPLICATION_TRANSITION_NOT_ALLOWED'));
    expect(selectTooEarly.body.message).toBe(
      `application ${id} is submitted; select is allowed only from: endorsed, waitlisted (activity ${activity.code} requires a nomination)`,
    );
    const response = await client(t, focalKen).post(`/api/applications/${id}/endorse`, { reason: 'Key official' }).expect(200);
    expect(response.body).toMatchObject({ status: 'endorsed', endorsedAt: expect.any(String), nominationReason: 'Key official' });
    const [row] = await t.dataSource.query('SELECT endorsed_by AS "by" FROM applications WHERE id = $1', [id]);
    expect(row.by).toBe(focalKen.id);
    expect(await notificationsOf(t, id)).toEqual(expect.arrayContaining([{ kind: 'application.endorsed', userId: applicant.id }]));
    const [{ endorsed }] = await t.dataSource.query('SELECT endorsed FROM nomination_counts WHERE activity_id = $1 AND country = $2', [
      activity.id,
      'KEN',
    ]);
    expect(endorsed).toBe(1);
    const again = await client(t, focalKen).post(`/api/applications/${id}/endorse`).expect(refused(409, 'APPLICATION_TRANSITION_NOT_ALLOWED'));
    expect(again.body.message).toBe(`application ${id} is endorsed; endorse is allowed only from: submitted`);
    await client(t, staff).post(`/api/applications/${id}/select`).expect(200);
  });

  it('declines with a reason, which the applicant reads', async () => {
    const activity = await createActivity({ requiresNomination: true });
    const id = await apply(t, applicant, activity.id);
    const missing = await client(t, focalKen).post(`/api/applications/${id}/decline`, {}).expect(refused(400, 'VALIDATION_FAILED'));
    expect(JSON.stringify(missing.body.message)).toContain('reason is required');
    await client(t, focalKen).post(`/api/applications/${id}/decline`, { reason: '   ' }).expect(refused(400, 'VALIDATION_FAILED'));
    const response = await client(t, focalKen).post(`/api/applications/${id}/decline`, { reason: 'Not in the trade ministry' }).expect(200);
    expect(response.body).toMatchObject({ status: 'declined', endorsedAt: null, nominationReason: 'Not in the trade ministry' });
    const [{ body }] = await t.dataSource.query(`SELECT body FROM notifications WHERE application_id = $1 AND kind = 'application.declined'`, [id]);
    expect(body).toContain('Not in the trade ministry');
    await client(t, staff).post(`/api/applications/${id}/select`).expect(refused(409, 'APPLICATION_TRANSITION_NOT_ALLOWED'));
  });

  it("keeps other countries' focal points, applicants, staff and auditors out", async () => {
    const activity = await createActivity({ requiresNomination: true });
    const id = await apply(t, applicant, activity.id);
    const other = await client(t, focalSen).post(`/api/applications/${id}/endorse`).expect(refused(404, 'APPLICATION_NOT_FOUND'));
    expect(other.body.message).toBe(`Application ${id} not found`);
    await client(t, focalSen).post(`/api/applications/${id}/decline`, { reason: 'no' }).expect(refused(404, 'APPLICATION_NOT_FOUND'));
    for (const who of [applicant, staff, auditor]) await client(t, who).post(`/api/applications/${id}/endorse`).expect(refused(403, 'FORBIDDEN'));
    await client(t, undefined).post(`/api/applications/${id}/endorse`).expect(refused(401, 'UNAUTHORIZED'));
    await client(t, focalKen).post('/api/applications/zzz/endorse').expect(refused(400, 'VALIDATION_FAILED'));
    await client(t, focalKen).post(`/api/applications/${id}/endorse`, { reason: 7 }).expect(refused(400, 'VALIDATION_FAILED'));
    await client(t, focalKen).post(`/api/applications/${id}/endorse`, { priority: 'high' }).expect(refused(400, 'VALIDATION_FAILED'));
    await client(t, focalKen).post('/api/applications/00000000-0000-4000-8000-000000000000/endorse').expect(refused(404, 'APPLICATION_NOT_FOUND'));
    const [{ status }] = await t.dataSource.query('SELECT status FROM applications WHERE id = $1', [id]);
    expect(status).toBe('submitted');
  });

  it('lets only a focal point of the application\'s country nominate (an admin is refused)', async () => {
    const activity = await createActivity({ requiresNomination: true });
    const id = await apply(t, applicant, activity.id);
    const admin = await signedIn(t, 'admin');
    await client(t, admin).post(`/api/applications/${id}/endorse`).expect(refused(403, 'NOT_FOCAL_POINT_OF_COUNTRY', { action: 'endorse' }));
  });

  it('has nothing to endorse when the activity needs no nomination', async () => {
    const activity = await createActivity({ requiresNomination: false });
    const id = await apply(t, applicant, activity.id);
    const response = await client(t, focalKen).post(`/api/applications/${id}/endorse`).expect(refused(409, 'NOMINATION_NOT_REQUIRED'));
    expect(response.body.message).toBe(`activity ${activity.code} does not require a nomination: there is nothing to endorse`);
  });

  it('holds the quota under concurrent endorsements: quota 2, six at once, exactly two succeed', async () => {
    const activity = await createActivity({ requiresNomination: true, quota: 2 });
    const ids = await bulkApplications(t, activity.id, 6, 'KEN');
    const responses = await Promise.all(ids.map((id) => client(t, focalKen).post(`/api/applications/${id}/endorse`)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 409, 409, 409, 409]);
    const refusal = responses.find((response) => response.status === 409)!;
    refused(409, 'NOMINATION_QUOTA_REACHED', { activityCode: activity.code, quota: 2, country: 'KEN' })(refusal);
    expect(refusal.body.message).toBe(`nomination quota of 2 reached for KEN on activity ${activity.code}`);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM applications WHERE activity_id = $1 AND status = 'endorsed'`, [
      activity.id,
    ]);
    expect(count).toBe(2);
    const [{ endorsed }] = await t.dataSource.query('SELECT endorsed FROM nomination_counts WHERE activity_id = $1 AND country = $2', [
      activity.id,
      'KEN',
    ]);
    expect(endorsed).toBe(2);

    // Another country's quota is its own.
    const [senegal] = await bulkApplications(t, activity.id, 1, 'SEN');
    await client(t, focalSen).post(`/api/applications/${senegal}/endorse`).expect(200);
    // A withdrawal gives the quota back.
    const endorsedId = ids[responses.findIndex((response) => response.status === 200)];
    await t.dataSource.query(`UPDATE applications SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [endorsedId]);
    const waiting = ids.find((_id, index) => responses[index].status === 409)!;
    await client(t, focalKen).post(`/api/applications/${waiting}/endorse`).expect(200);
  });

  it("lists the focal point's own country's applications to activities requiring a nomination", async () => {
    const activity = await createActivity({ requiresNomination: true, type: 'regional', beneficiaries: ['KEN', 'SEN'] });
    const open = await createActivity({ requiresNomination: false });
    const kenyan = await apply(t, applicant, activity.id);
    await apply(t, applicant, open.id);
    const senegalese = await apply(t, await applicantIn(t, 'SEN'), activity.id);

    const list = await client(t, focalKen).get(`/api/nominations?activityId=${activity.id}`).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([kenyan]);
    const all = await client(t, focalKen).get('/api/nominations?limit=200').expect(200);
    expect(all.body.items.every((item: { country: string }) => item.country === 'KEN')).toBe(true);
    expect(all.body.items.some((item: { activityId: string }) => item.activityId === open.id)).toBe(false);
    const sen = await client(t, focalSen).get(`/api/nominations?activityId=${activity.id}&status=submitted`).expect(200);
    expect(sen.body.items.map((item: { id: string }) => item.id)).toEqual([senegalese]);
    const endorsedOnly = await client(t, focalKen).get(`/api/nominations?activityId=${activity.id}&status=endorsed`).expect(200);
    expect(endorsedOnly.body.items).toEqual([]);

    // Pages.
    const first = await client(t, focalKen).get('/api/nominations?limit=1').expect(200);
    expect(first.body.items).toHaveLength(1);
    const second = await client(t, focalKen).get(`/api/nominations?limit=1&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);

    await client(t, focalKen).get('/api/nominations?status=pending').expect(refused(400, 'VALIDATION_FAILED'));
    await client(t, focalKen).get('/api/nominations?activityId=1').expect(refused(400, 'VALIDATION_FAILED'));
    await client(t, focalKen).get('/api/nominations?country=SEN').expect(refused(400, 'VALIDATION_FAILED'));
    for (const who of [applicant, staff, auditor]) await client(t, who).get('/api/nominations').expect(refused(403, 'FORBIDDEN'));
    await client(t, undefined).get('/api/nominations').expect(refused(401, 'UNAUTHORIZED'));
  });
});
