import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';
import { activityFactory, day } from './support/activity-fixtures';
import { type Body, type Token, applicantIn, client, uploadPdf, apply, notificationsOf } from './support/application-fixtures';
import { refused } from './support/refusals';

describe('applications', () => {
  let t: TestApp;
  let staff: Token;
  let auditor: Token;
  let focalKen: Token;
  let focalSen: Token;
  let amina: Token;
  let otieno: Token;
  const createActivity = activityFactory(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signedIn(t, 'staff');
    auditor = await signedIn(t, 'auditor');
    focalKen = await signedIn(t, 'focal_point', 'KEN');
    focalSen = await signedIn(t, 'focal_point', 'SEN');
    amina = await applicantIn(t, 'KEN');
    otieno = await applicantIn(t, 'KEN');
  });
  afterAll(() => t.close());

  describe('allowedActions', () => {
    const actionsOf = async (who: Token, id: string): Promise<string[]> => (await client(t, who).get(`/api/applications/${id}`).expect(200)).body.allowedActions;

    it('names what each caller may do now, by status and role, on reads, lists and after a change', async () => {
      const activity = await createActivity();
      const id = await apply(t, amina, activity.id);
      expect(await actionsOf(amina, id)).toEqual(['withdraw']);
      expect(await actionsOf(staff, id)).toEqual(['select', 'waitlist', 'reject']);
      expect(await actionsOf(auditor, id)).toEqual([]);
      expect(await actionsOf(focalKen, id)).toEqual([]);
      const mine = await client(t, amina).get('/api/me/applications').expect(200);
      expect(mine.body.items.find((item: { id: string }) => item.id === id).allowedActions).toEqual(['withdraw']);
      const list = await client(t, staff).get(`/api/activities/${activity.id}/applications`).expect(200);
      expect(list.body.items.find((item: { id: string }) => item.id === id).allowedActions).toEqual(['select', 'waitlist', 'reject']);

      // Attendance (and a no-show) only once the activity has started: not offered before, and refused.
      const selected = await client(t, staff).post(`/api/applications/${id}/select`).expect(200);
      expect(selected.body.allowedActions).toEqual(['reject']);
      expect(await actionsOf(amina, id)).toEqual(['withdraw']);

      // Once the activity has started, the applicant can no longer withdraw, and the service agrees.
      await t.dataSource.query('UPDATE activities SET application_deadline = NULL, start_date = current_date, end_date = current_date + 2 WHERE id = $1', [activity.id]);
      expect(await actionsOf(amina, id)).toEqual([]);
      await client(t, amina).post(`/api/applications/${id}/withdraw`).expect(refused(409, 'ACTIVITY_STARTED'));

      expect(await actionsOf(staff, id)).toEqual(['reject', 'attend', 'no-show']);
      const attended = await client(t, staff).post(`/api/applications/${id}/attend`, { attendedDays: 2 }).expect(200);
      // Completion only once it has ended: not offered while it runs, and refused.
      expect(await actionsOf(staff, attended.body.id)).toEqual(['evaluate']);
      expect(await actionsOf(amina, id)).toEqual(['evaluate']);
      await client(t, staff).post(`/api/applications/${id}/complete`).expect(refused(409, 'ACTIVITY_NOT_ENDED', { action: 'complete' }));
      await t.dataSource.query('UPDATE activities SET start_date = current_date - 3, end_date = current_date - 1 WHERE id = $1', [activity.id]);
      expect(await actionsOf(staff, id)).toEqual(['complete', 'evaluate']);
      await client(t, staff).post(`/api/applications/${id}/complete`).expect(200);
      expect(await actionsOf(amina, id)).toEqual(['evaluate', 'certificate']);
      expect(await actionsOf(staff, id)).toEqual(['evaluate']);
      await client(t, amina).post(`/api/applications/${id}/evaluation`, { satisfaction: 5, relevance: 4 }).expect(201);
      expect(await actionsOf(amina, id)).toEqual(['certificate']);
      expect(await actionsOf(staff, id)).toEqual([]);
      await client(t, staff).post(`/api/applications/${id}/evaluation`, { satisfaction: 5, relevance: 4 }).expect(refused(409, 'EVALUATION_EXISTS'));
    });

    it('offers the nomination to the focal point of the country only, and staff only what the nomination allows', async () => {
      const activity = await createActivity({ requiresNomination: true });
      const id = await apply(t, amina, activity.id);
      expect(await actionsOf(focalKen, id)).toEqual(['endorse', 'decline']);
      expect(await actionsOf(staff, id)).toEqual(['reject']);
      await client(t, staff).post(`/api/applications/${id}/select`).expect(refused(409, 'APPLICATION_TRANSITION_NOT_ALLOWED', { action: 'select', status: 'submitted' }));
      const queue = await client(t, focalKen).get(`/api/nominations?activityId=${activity.id}`).expect(200);
      expect(queue.body.items.map((item: { allowedActions: string[] }) => item.allowedActions)).toEqual([['endorse', 'decline']]);
      const endorsed = await client(t, focalKen).post(`/api/applications/${id}/endorse`).expect(200);
      expect(endorsed.body.allowedActions).toEqual([]);
      expect(await actionsOf(staff, id)).toEqual(['select', 'waitlist', 'reject']);
      const waitlisted = await client(t, staff).post(`/api/applications/${id}/waitlist`).expect(200);
      expect(waitlisted.body.allowedActions).toEqual(['select', 'reject']);
      // An activity that is no longer decided offers no decision.
      await t.dataSource.query(`UPDATE activities SET status = 'cancelled' WHERE id = $1`, [activity.id]);
      expect(await actionsOf(staff, id)).toEqual([]);
      await client(t, staff).post(`/api/applications/${id}/select`).expect(refused(409, 'ACTIVITY_NOT_DECIDING'));
    });
  });

  describe('POST /api/activities/:id/applications', () => {
    it('submits a form with its documents, notifies the applicant and the focal points when a nomination is needed', async () => {
      const activity = await createActivity({ requiresNomination: true, requiredDocuments: ['cv', 'nomination_letter'] });
      const cv = await uploadPdf(t, amina, 'cv.pdf');
      const letter = await uploadPdf(t, amina, 'letter.pdf');
      const response = await client(t, amina)
        .post(`/api/activities/${activity.id}/applications`, {
          motivation: '  I lead the customs reform.  ',
          documents: [
            { kind: 'cv', fileId: cv },
            { kind: 'nomination_letter', fileId: letter },
          ],
        })
        .expect(201);
      expect(response.body).toMatchObject({
        activityId: activity.id,
        activityCode: activity.code,
        applicantId: amina.id,
        country: 'KEN',
        motivation: 'I lead the customs reform.',
        status: 'submitted',
        waitlistPosition: null,
        documents: [
          { kind: 'cv', fileId: cv, filename: 'cv.pdf', mediaType: 'application/pdf' },
          { kind: 'nomination_letter', fileId: letter, filename: 'letter.pdf', mediaType: 'application/pdf' },
        ],
      });
      const notifications = await notificationsOf(t, response.body.id);
      expect(notifications).toEqual(
        expect.arrayContaining([
          { kind: 'application.submitted', userId: amina.id },
          { kind: 'nomination.needed', userId: focalKen.id },
        ]),
      );
      expect(notifications.some((row) => row.userId === focalSen.id)).toBe(false);
      const [{ body }] = await t.dataSource.query(`SELECT body FROM notifications WHERE application_id = $1 AND kind = 'nomination.needed'`, [
        response.body.id,
      ]);
      expect(body).toContain('Amina Diallo');
    });

    it('does not ask for a nomination when the activity needs none', async () => {
      const activity = await createActivity();
      const id = await apply(t, amina, activity.id);
      expect(await notificationsOf(t, id)).toEqual([{ kind: 'application.submitted', userId: amina.id }]);
    });

    it('lets the staff and the applicant download a document, and nobody else', async () => {
      const activity = await createActivity();
      const id = await apply(t, amina, activity.id);
      const file = await client(t, staff).get(`/api/applications/${id}/documents/cv`).expect(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe('attachment; filename="cv.pdf"');
      await client(t, amina).get(`/api/applications/${id}/documents/cv`).expect(200);
      await client(t, otieno).get(`/api/applications/${id}/documents/cv`).expect(refused(404, 'DOCUMENT_NOT_FOUND'));
      await client(t, amina).get(`/api/applications/${id}/documents/passport`).expect(refused(404, 'DOCUMENT_NOT_FOUND'));
      const unknownKind = await client(t, amina).get(`/api/applications/${id}/documents/photo`).expect(refused(400, 'VALIDATION_FAILED'));
      expect(unknownKind.body).toMatchObject({
        message: ['kind must be one of the following values: cv, passport, nomination_letter, motivation_letter, other'],
        problems: [{ field: 'kind', code: 'IS_IN', params: { values: ['cv', 'passport', 'nomination_letter', 'motivation_letter', 'other'] } }],
      });
    });

    it('accepts exactly one of ten concurrent submissions of the same person to the same activity', async () => {
      const activity = await createActivity();
      const fileId = await uploadPdf(t, otieno);
      const body = { motivation: 'Twice', documents: [{ kind: 'cv', fileId }] };
      const responses = await Promise.all(Array.from({ length: 10 }, () => client(t, otieno).post(`/api/activities/${activity.id}/applications`, body)));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([201, ...Array(9).fill(409)]);
      const refusal = responses.find((response) => response.status === 409)!;
      refused(409, 'ALREADY_APPLIED', { activityCode: activity.code })(refusal);
      expect(refusal.body.message).toBe(`you have already applied to activity ${activity.code}: one application per person per activity`);
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM applications WHERE activity_id = $1', [activity.id]);
      expect(count).toBe(1);
    });

    it('refuses an activity that is not open (409) or past its deadline (422)', async () => {
      const planned = await createActivity({ status: 'confirmed' });
      const fileId = await uploadPdf(t, amina);
      const form = { motivation: 'Hello', documents: [{ kind: 'cv', fileId }] };
      const closed = await client(t, amina).post(`/api/activities/${planned.id}/applications`, form).expect(refused(409, 'NOT_OPEN_FOR_APPLICATIONS'));
      expect(closed.body.message).toBe(`activity ${planned.code} is not open for applications (status confirmed)`);
      const late = await createActivity({ deadline: day(-1) });
      const response = await client(t, amina).post(`/api/activities/${late.id}/applications`, form).expect(refused(422, 'DEADLINE_PASSED'));
      expect(response.body.message).toBe(`deadline: the application deadline of activity ${late.code} was ${day(-1)}`);
      const today = await createActivity({ deadline: day(0) });
      await client(t, amina).post(`/api/activities/${today.id}/applications`, form).expect(201);
      await client(t, amina).post(`/api/activities/00000000-0000-4000-8000-000000000000/applications`, form).expect(refused(404, 'ACTIVITY_NOT_FOUND'));
    });

    it('lists the missing required documents', async () => {
      const activity = await createActivity({ requiredDocuments: ['cv', 'passport', 'nomination_letter'] });
      const fileId = await uploadPdf(t, amina);
      const response = await client(t, amina)
        .post(`/api/activities/${activity.id}/applications`, { motivation: 'Hello', documents: [{ kind: 'cv', fileId }] })
        .expect(refused(422, 'DOCUMENTS_MISSING'));
      expect(response.body.message).toBe(`documents: activity ${activity.code} requires cv, passport, nomination_letter; missing: passport, nomination_letter`);
      expect(response.body.missingDocuments).toEqual(['passport', 'nomination_letter']);
    });

    it("refuses someone else's file and an unknown file", async () => {
      const activity = await createActivity();
      const othersFile = await uploadPdf(t, otieno);
      const unknown = '00000000-0000-4000-8000-000000000001';
      const response = await client(t, amina)
        .post(`/api/activities/${activity.id}/applications`, {
          motivation: 'Hello',
          documents: [
            { kind: 'cv', fileId: othersFile },
            { kind: 'other', fileId: unknown },
          ],
        })
        .expect(refused(422, 'DOCUMENTS_NOT_YOURS'));
      expect(response.body.message).toContain('documents: attach files you uploaded yourself');
      expect(response.body.message).toContain(othersFile);
      expect(response.body.message).toContain(unknown);
    });

    it('keeps national and regional activities to their beneficiary countries; global ones are open to all', async () => {
      const senegalese = await applicantIn(t, 'SEN');
      const national = await createActivity({ type: 'national', beneficiaries: ['KEN'] });
      const fileId = await uploadPdf(t, senegalese);
      const form = { motivation: 'Hello', documents: [{ kind: 'cv', fileId }] };
      const refusal = await client(t, senegalese).post(`/api/activities/${national.id}/applications`, form).expect(refused(422, 'NOT_ELIGIBLE_COUNTRY'));
      expect(refusal.body.message).toBe(
        `beneficiary country: activity ${national.code} is a national activity for KEN; your profile country SEN is not among its beneficiaries`,
      );
      const regional = await createActivity({ type: 'regional', beneficiaries: ['KEN', 'SEN'] });
      await client(t, senegalese).post(`/api/activities/${regional.id}/applications`, form).expect(201);
      const otherRegion = await createActivity({ type: 'regional', beneficiaries: ['KEN', 'UGA'] });
      await client(t, senegalese).post(`/api/activities/${otherRegion.id}/applications`, form).expect(refused(422, 'NOT_ELIGIBLE_COUNTRY'));
      const global = await createActivity({ type: 'global' });
      await client(t, senegalese).post(`/api/activities/${global.id}/applications`, form).expect(201);
    });

    it('requires a completed activity of the prerequisite PLS level or above', async () => {
      const applicant = await applicantIn(t, 'KEN');
      const advanced = await createActivity({ prerequisiteLevel: 2, plsLevel: 3 });
      const fileId = await uploadPdf(t, applicant);
      const form = { motivation: 'Hello', documents: [{ kind: 'cv', fileId }] };
      const refusal = await client(t, applicant).post(`/api/activities/${advanced.id}/applications`, form).expect(refused(422, 'PREREQUISITE_NOT_MET'));
      expect(refusal.body.message).toBe(`prerequisite level: activity ${advanced.code} requires a completed activity of PLS level 2 or above`);

      // Level 1 completed is not enough; level 2 completed is.
      for (const level of [1, 2]) {
        const past = await createActivity({ plsLevel: level, status: 'delivered' });
        await t.dataSource.query(
          `INSERT INTO applications (activity_id, applicant_id, country, status, certificate_code, completed_at)
           VALUES ($1, $2, 'KEN', 'completed', $3, now())`,
          [past.id, applicant.id, `CERT-${level}-${applicant.id}`],
        );
        const response = await client(t, applicant).post(`/api/activities/${advanced.id}/applications`, form);
        if (level === 1) refused(422, 'PREREQUISITE_NOT_MET', { level: 2 })(response);
        else expect(response.status).toBe(201);
      }
    });

    it('refuses bad input with 400 and the field named', async () => {
      const activity = await createActivity();
      const fileId = await uploadPdf(t, amina);
      const post = (body: Body) => client(t, amina).post(`/api/activities/${activity.id}/applications`, body);
      const cases: [Body, string][] = [
        [{ documents: [] }, 'motivation'],
        [{ motivation: 'x'.repeat(5001), documents: [] }, 'motivation'],
        [{ motivation: 'Hi' }, 'documents'],
        [{ motivation: 'Hi', documents: [{ kind: 'photo', fileId }] }, 'kind'],
        [{ motivation: 'Hi', documents: [{ kind: 'cv', fileId: 'nope' }] }, 'fileId'],
        [{ motivation: 'Hi', documents: [{ kind: 'cv', fileId, extra: 1 }] }, 'extra'],
        [{ motivation: 'Hi', documents: [], status: 'selected' }, 'status'],
        [{ motivation: 42, documents: [] }, 'motivation'],
      ];
      for (const [body, field] of cases) {
        const response = await post(body);
        refused(400, 'VALIDATION_FAILED')(response);
        expect(JSON.stringify(response.body.message)).toContain(field);
      }
      const twice = await post({ motivation: 'Hi', documents: [{ kind: 'cv', fileId }, { kind: 'cv', fileId }] }).expect(refused(400, 'DOCUMENT_KIND_REPEATED'));
      expect(twice.body.message).toBe('documents: give one file per kind; repeated: cv');
      await client(t, amina).post('/api/activities/not-a-uuid/applications', { motivation: 'Hi', documents: [] }).expect(refused(400, 'VALIDATION_FAILED'));
    });

    it('is for applicants only', async () => {
      const activity = await createActivity();
      const form = { motivation: 'Hi', documents: [] };
      await client(t, undefined).post(`/api/activities/${activity.id}/applications`, form).expect(refused(401, 'UNAUTHORIZED'));
      await client(t, staff).post(`/api/activities/${activity.id}/applications`, form).expect(refused(403, 'FORBIDDEN'));
      await client(t, auditor).post(`/api/activities/${activity.id}/applications`, form).expect(refused(403, 'FORBIDDEN'));
      await client(t, focalKen).post(`/api/activities/${activity.id}/applications`, form).expect(refused(403, 'FORBIDDEN'));
    });
  });

  describe('reads', () => {
    let activity: { id: string; code: string };
    let aminaApplication: string;
    let otienoApplication: string;

    beforeAll(async () => {
      activity = await createActivity({ requiresNomination: true });
      aminaApplication = await apply(t, amina, activity.id);
      otienoApplication = await apply(t, otieno, activity.id);
    });

    it('shows an application to its applicant, staff, auditors and the focal points of its country only', async () => {
      const path = `/api/applications/${aminaApplication}`;
      for (const who of [amina, staff, auditor, focalKen]) {
        const response = await client(t, who).get(path).expect(200);
        expect(response.body).toMatchObject({ id: aminaApplication, applicant: { fullName: 'Amina Diallo', email: amina.email } });
      }
      for (const who of [otieno, focalSen]) {
        const response = await client(t, who).get(path).expect(refused(404, 'APPLICATION_NOT_FOUND'));
        expect(response.body.message).toBe(`Application ${aminaApplication} not found`);
      }
      await client(t, amina).get('/api/applications/00000000-0000-4000-8000-000000000000').expect(refused(404, 'APPLICATION_NOT_FOUND'));
      await client(t, amina).get('/api/applications/123').expect(refused(400, 'VALIDATION_FAILED'));
      await client(t, undefined).get(path).expect(refused(401, 'UNAUTHORIZED'));
    });

    it("lists the applicant's own applications only, newest first, in keyset pages", async () => {
      const mine = await applicantIn(t, 'KEN');
      const ids: string[] = [];
      for (let index = 0; index < 5; index++) ids.push(await apply(t, mine, (await createActivity()).id));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: { items: { id: string; applicantId: string }[]; nextCursor: string | null } } = await client(t, mine)
          .get(`/api/me/applications?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
        expect(response.body.items.length).toBeLessThanOrEqual(2);
        expect(response.body.items.every((item) => item.applicantId === mine.id)).toBe(true);
        seen.push(...response.body.items.map((item) => item.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());
      const filtered = await client(t, mine).get('/api/me/applications?status=selected').expect(200);
      expect(filtered.body.items).toEqual([]);
      await client(t, mine).get('/api/me/applications?status=maybe').expect(refused(400, 'VALIDATION_FAILED'));
      await client(t, mine).get('/api/me/applications?limit=0').expect(refused(400, 'VALIDATION_FAILED'));
      await client(t, mine).get('/api/me/applications?cursor=garbage').expect(refused(400, 'INVALID_CURSOR'));
      await client(t, mine).get('/api/me/applications?sort=id').expect(refused(400, 'VALIDATION_FAILED'));
      await client(t, staff).get('/api/me/applications').expect(refused(403, 'FORBIDDEN'));
      await client(t, undefined).get('/api/me/applications').expect(refused(401, 'UNAUTHORIZED'));
    });

    it("gives staff and auditors an activity's applications with its seats, waitlist and pages", async () => {
      const list = await createActivity({ capacity: 3 });
      const ids: string[] = [];
      for (let index = 0; index < 4; index++) ids.push(await apply(t, await applicantIn(t, 'KEN', { fullName: `Person ${index}` }), list.id));
      await client(t, staff).post(`/api/applications/${ids[0]}/select`).expect(200);
      await client(t, staff).post(`/api/applications/${ids[2]}/waitlist`).expect(200);
      await client(t, staff).post(`/api/applications/${ids[1]}/waitlist`).expect(200);

      const first = await client(t, auditor).get(`/api/activities/${list.id}/applications?limit=3`).expect(200);
      expect(first.body).toMatchObject({
        activity: { id: list.id, code: list.code },
        seats: { capacity: 3, taken: 1, left: 2 },
        waitlist: [ids[2], ids[1]],
      });
      expect(first.body.items.map((item: { id: string }) => item.id)).toEqual(ids.slice(0, 3));
      const second = await client(t, staff).get(`/api/activities/${list.id}/applications?limit=3&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([ids[3]]);
      expect(second.body.nextCursor).toBeNull();
      const waitlisted = await client(t, staff).get(`/api/activities/${list.id}/applications?status=waitlisted`).expect(200);
      expect(waitlisted.body.items.map((item: { id: string; waitlistPosition: number }) => [item.id, item.waitlistPosition])).toEqual([
        [ids[1], 2],
        [ids[2], 1],
      ]);

      const csv = await client(t, staff).get(`/api/activities/${list.id}/applications?format=csv`).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="applications-${list.code}.csv"`);
      const lines = csv.text.trim().split('\n');
      expect(lines[0]).toBe(
        'applicationId,status,waitlistPosition,fullName,email,gender,nationality,country,institutionType,institution,position,submittedAt,endorsedAt,decidedAt,decisionReason,documents',
      );
      expect(lines).toHaveLength(5);
      expect(lines[1]).toContain(`${ids[0]},selected,,Person 0,`);
      const selectedOnly = await client(t, staff).get(`/api/activities/${list.id}/applications?format=csv&status=selected`).expect(200);
      expect(selectedOnly.text.trim().split('\n')).toHaveLength(2);

      const xlsx = await client(t, staff)
        .get(`/api/activities/${list.id}/applications?format=xlsx`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as Parameters<ExcelJS.Workbook['xlsx']['load']>[0]);
      const sheet = workbook.worksheets[0];
      expect(sheet.rowCount).toBe(5);
      expect(sheet.getRow(2).getCell(1).value).toBe(ids[0]);
      expect(sheet.getRow(2).getCell(4).value).toBe('Person 0');

      await client(t, staff).get(`/api/activities/${list.id}/applications?format=pdf`).expect(refused(400, 'VALIDATION_FAILED'));
      await client(t, staff).get(`/api/activities/${list.id}/applications?status=unknown`).expect(refused(400, 'VALIDATION_FAILED'));
      await client(t, staff).get('/api/activities/00000000-0000-4000-8000-000000000000/applications').expect(refused(404, 'ACTIVITY_NOT_FOUND'));
      await client(t, staff).get('/api/activities/xyz/applications').expect(refused(400, 'VALIDATION_FAILED'));
      for (const who of [amina, focalKen]) await client(t, who).get(`/api/activities/${list.id}/applications`).expect(refused(403, 'FORBIDDEN'));
      await client(t, undefined).get(`/api/activities/${list.id}/applications`).expect(refused(401, 'UNAUTHORIZED'));
    });

    it('neutralises formulas in the CSV', async () => {
      const list = await createActivity();
      await apply(t, await applicantIn(t, 'KEN', { fullName: '=HYPERLINK("http://evil")' }), list.id);
      const csv = await client(t, staff).get(`/api/activities/${list.id}/applications?format=csv`).expect(200);
      expect(csv.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    });

    it('keeps one applicant from reading another applicant\'s application', async () => {
      await client(t, otieno).get(`/api/applications/${aminaApplication}`).expect(refused(404, 'APPLICATION_NOT_FOUND'));
      await client(t, amina).get(`/api/applications/${otienoApplication}`).expect(refused(404, 'APPLICATION_NOT_FOUND'));
    });
  });

  describe('POST /api/applications/:id/withdraw', () => {
    it('withdraws before the start and promotes the first of the waitlist, closing up the positions', async () => {
      const activity = await createActivity({ capacity: 1 });
      const people = [await applicantIn(t, 'KEN'), await applicantIn(t, 'KEN'), await applicantIn(t, 'KEN'), await applicantIn(t, 'KEN')];
      const ids: string[] = [];
      for (const person of people) ids.push(await apply(t, person, activity.id));
      await client(t, staff).post(`/api/applications/${ids[0]}/select`).expect(200);
      for (const id of ids.slice(1)) await client(t, staff).post(`/api/applications/${id}/waitlist`).expect(200);

      const withdrawn = await client(t, people[0]).post(`/api/applications/${ids[0]}/withdraw`).expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
      const rows = await t.dataSource.query(
        'SELECT id, status, waitlist_position AS position FROM applications WHERE activity_id = $1 ORDER BY submitted_at',
        [activity.id],
      );
      expect(rows).toEqual([
        { id: ids[0], status: 'withdrawn', position: null },
        { id: ids[1], status: 'selected', position: null },
        { id: ids[2], status: 'waitlisted', position: 1 },
        { id: ids[3], status: 'waitlisted', position: 2 },
      ]);
      const [{ seats }] = await t.dataSource.query('SELECT seats_taken AS seats FROM activities WHERE id = $1', [activity.id]);
      expect(seats).toBe(1);
      expect(await notificationsOf(t, ids[1])).toEqual(
        expect.arrayContaining([{ kind: 'application.promoted', userId: people[1].id }]),
      );

      // A waitlisted applicant withdrawing closes the gap too.
      await client(t, people[2]).post(`/api/applications/${ids[2]}/withdraw`).expect(200);
      const [{ position }] = await t.dataSource.query('SELECT waitlist_position AS position FROM applications WHERE id = $1', [ids[3]]);
      expect(position).toBe(1);

      const again = await client(t, people[0]).post(`/api/applications/${ids[0]}/withdraw`).expect(refused(409, 'APPLICATION_TRANSITION_NOT_ALLOWED'));
      expect(again.body.message).toBe(`application ${ids[0]} is withdrawn; withdraw is allowed only from: submitted, endorsed, selected, waitlisted`);
    });

    it('refuses once the activity has started, and anyone but the applicant', async () => {
      const activity = await createActivity();
      const id = await apply(t, amina, activity.id);
      await client(t, otieno).post(`/api/applications/${id}/withdraw`).expect(refused(404, 'APPLICATION_NOT_FOUND'));
      await client(t, staff).post(`/api/applications/${id}/withdraw`).expect(refused(403, 'FORBIDDEN'));
      await client(t, focalKen).post(`/api/applications/${id}/withdraw`).expect(refused(403, 'FORBIDDEN'));
      await client(t, undefined).post(`/api/applications/${id}/withdraw`).expect(refused(401, 'UNAUTHORIZED'));
      await client(t, amina).post('/api/applications/abc/withdraw').expect(refused(400, 'VALIDATION_FAILED'));
      const started = await createActivity();
      const late = await apply(t, otieno, started.id);
      await t.dataSource.query(`UPDATE activities SET start_date = current_date, application_deadline = current_date - 1 WHERE id = $1`, [started.id]);
      const response = await client(t, otieno).post(`/api/applications/${late}/withdraw`).expect(refused(409, 'ACTIVITY_STARTED'));
      expect(response.body.message).toBe(`activity ${started.code} started on ${day(0)}: an application can only be withdrawn before the start`);
    });
  });
});
