import { activityFactory, activityWithSheet, day, sheetTexts, type PlanAndProduct } from './support/activity-fixtures';
import { applicantIn, apply, client, uploadPdf, type Token } from './support/application-fixtures';
import { signedIn } from './support/factories';
import { refused } from './support/refusals';
import { createTestApp, TestApp } from './support/test-app';

/** Issue 15: what applicants and focal points need to finish their journeys, through the API. */
describe('applicant journeys', () => {
  let t: TestApp;
  const createActivity = activityFactory(() => t);
  let plan: PlanAndProduct;
  let staff: { token: string };
  let kenyan: Token;

  beforeAll(async () => {
    t = await createTestApp();
    // The factory makes the plan on its first activity; the activities made through the API go in the same plan.
    const first = await createActivity();
    [plan] = await t.dataSource.query('SELECT plan_id AS "planId", product_id AS "productId" FROM activities WHERE id = $1', [first.id]);
    staff = await signedIn(t, 'staff');
    kenyan = await applicantIn(t, 'KEN', { fullName: 'Wanjiru Kamau' });
  });
  afterAll(() => t.close());

  const check = (who: Token, activityId: string) => client(t, who).get(`/api/me/activities/${activityId}/apply-check`);

  describe('the catalogue for applicants', () => {
    it('says who may apply: the countries named in the asked language, LDCs marked; none for a global activity', async () => {
      const regional = await createActivity({ type: 'regional', beneficiaries: ['KEN', 'SEN', 'CIV'] });
      const fr = await t.http.get(`/api/catalogue/${regional.id}?lang=fr`).expect(200);
      expect(fr.body.eligibleCountries).toEqual([
        { code: 'CIV', name: "Côte-d'Ivoire", ldc: false },
        { code: 'KEN', name: 'Kenya', ldc: false },
        { code: 'SEN', name: 'Sénégal', ldc: true },
      ]);
      const global = await createActivity();
      expect((await t.http.get(`/api/catalogue/${global.id}`).expect(200)).body.eligibleCountries).toEqual([]);
    });

    it('tells the signed-in applicant whether applying can succeed, and every reason when not, before any form', async () => {
      const forKenya = await createActivity({ type: 'national', beneficiaries: ['KEN'] });
      const forSenegal = await createActivity({ type: 'national', beneficiaries: ['SEN'] });
      const eligible = await check(kenyan, forKenya.id).expect(200);
      expect(eligible.body).toMatchObject({ country: 'KEN', countryEligible: true, refusals: [], allowedActions: ['apply'], applicationId: null, draft: null });
      const other = await check(kenyan, forSenegal.id).expect(200);
      expect(other.body).toMatchObject({ countryEligible: false, allowedActions: [] });
      expect(other.body.refusals.map((refusal: { code: string }) => refusal.code)).toEqual(['NOT_ELIGIBLE_COUNTRY']);
      expect(other.body.refusals[0].params).toMatchObject({ country: 'KEN', beneficiaries: 'SEN' });
      const late = await createActivity({ type: 'national', beneficiaries: ['SEN'], deadline: day(-1) });
      const lateCheck = await check(kenyan, late.id).expect(200);
      expect(lateCheck.body.refusals.map((refusal: { code: string }) => refusal.code).sort()).toEqual(['DEADLINE_PASSED', 'NOT_ELIGIBLE_COUNTRY']);
      // Once applied: the application to link to.
      const applicationId = await apply(t, kenyan, forKenya.id);
      const applied = await check(kenyan, forKenya.id).expect(200);
      expect(applied.body).toMatchObject({ applicationId, applicationStatus: 'submitted', allowedActions: [] });
      expect(applied.body.refusals.map((refusal: { code: string }) => refusal.code)).toEqual(['ALREADY_APPLIED']);
      // Only the applicant asks; an unknown activity is a 404.
      await client(t, staff as Token).get(`/api/me/activities/${forKenya.id}/apply-check`).expect(refused(403, 'FORBIDDEN'));
      await check(kenyan, '00000000-0000-4000-8000-000000000000').expect(refused(404, 'ACTIVITY_NOT_FOUND'));
    });

    it('filters by the applicant’s country, the language of instruction and the deadline', async () => {
      const spanishSoon = await activityWithSheet(t, staff.token, plan, {
        overrides: { title: 'Curso regional de aduanas', languages: ['es'], type: 'regional', region: 'latin_america', beneficiaryCountries: ['PER', 'BOL'], startDate: day(50), endDate: day(52), applicationDeadline: day(7) },
        sheet: sheetTexts('es', 'aduanas'),
      });
      const ids = async (query: string) => (await t.http.get(`/api/catalogue?${query}&limit=100`).expect(200)).body.items.map((item: { id: string }) => item.id);
      expect(await ids('language=es')).toContain(spanishSoon.id);
      expect(await ids('language=en')).not.toContain(spanishSoon.id);
      expect(await ids('country=PER')).toContain(spanishSoon.id);
      expect(await ids('country=KEN')).not.toContain(spanishSoon.id);
      expect(await ids(`deadlineBefore=${day(10)}`)).toContain(spanishSoon.id);
      expect(await ids(`deadlineBefore=${day(3)}`)).not.toContain(spanishSoon.id);
      await t.http.get('/api/catalogue?deadlineBefore=soon').expect(refused(400, 'VALIDATION_FAILED'));
      await t.http.get('/api/catalogue?language=de').expect(refused(400, 'VALIDATION_FAILED'));
    });

    it('finds activities in French and Spanish by their sheet texts, accents or not, and by their topics’ translated names', async () => {
      const item = await activityWithSheet(t, staff.token, plan, {
        overrides: { title: 'Workshop on border agencies', languages: ['en', 'fr', 'es'], topics: ['trade_facilitation'], startDate: day(80), endDate: day(81), applicationDeadline: day(40) },
        sheet: {
          objectives: { en: 'Coordinate border agencies', fr: 'Coordonner les agences aux frontières', es: 'Coordinar los organismos fronterizos' },
          targetAudience: { en: 'Officials', fr: 'Fonctionnaires', es: 'Funcionarios' },
          applicationRequirements: { en: 'None', fr: 'Aucune', es: 'Ninguna' },
          programme: { en: 'Two days', fr: 'Deux journées de séminaire', es: 'Dos días de seminario' },
        },
      });
      const search = async (q: string) => (await t.http.get('/api/catalogue').query({ q, limit: 100 }).expect(200)).body.items.map((entry: { id: string }) => entry.id);
      for (const q of ['frontières', 'frontieres', 'organismos fronterizos', 'journées', 'journees', 'facilitation des échanges', 'facilitacion del comercio', 'Facilitación del comercio']) {
        expect([q, (await search(q)).includes(item.id)]).toEqual([q, true]);
      }
      expect(await search('contratación pública')).not.toContain(item.id);
    });

    it('gives one activity as a calendar file to add to one’s calendar; 404 for what the catalogue does not show', async () => {
      const item = await createActivity({ start: day(45) });
      const response = await t.http.get(`/api/catalogue/${item.id}/calendar.ics?lang=fr`).buffer(true).expect(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${item.code}.ics"`);
      const text = response.text;
      expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(text).toContain(`UID:${item.id}@trta-planner`);
      expect(text).toContain(`DTSTART;VALUE=DATE:${day(45).replace(/-/g, '')}`);
      const closed = await createActivity({ status: 'closed' });
      await t.http.get(`/api/catalogue/${closed.id}/calendar.ics`).expect(refused(404, 'NOT_IN_CATALOGUE'));
    });
  });

  describe('drafts', () => {
    it('keeps the form on the server, to finish later on another device; submitting deletes it', async () => {
      const course = await createActivity({ requiredDocuments: ['cv', 'passport'] });
      const who = await applicantIn(t, 'SEN');
      const cv = await uploadPdf(t, who, 'my-cv.pdf');
      const saved = await client(t, who).put(`/api/activities/${course.id}/applications/draft`, { motivation: 'Half written', documents: [{ kind: 'cv', fileId: cv }] }).expect(200);
      expect(saved.body).toMatchObject({ activityId: course.id, motivation: 'Half written', documents: [{ kind: 'cv', fileId: cv, filename: 'my-cv.pdf' }] });
      // "Another device": the same account asks again.
      const again = await check(who, course.id).expect(200);
      expect(again.body.draft).toMatchObject({ motivation: 'Half written', documents: [{ kind: 'cv', filename: 'my-cv.pdf' }] });
      expect(again.body.requiredDocuments).toEqual(['cv', 'passport']);
      const mine = await client(t, who).get('/api/me/drafts').expect(200);
      expect(mine.body.items.map((draft: { activityId: string }) => draft.activityId)).toEqual([course.id]);
      // Someone else's file cannot be attached, even to a draft.
      const other = await uploadPdf(t, kenyan, 'not-mine.pdf');
      await client(t, who).put(`/api/activities/${course.id}/applications/draft`, { motivation: 'x', documents: [{ kind: 'cv', fileId: other }] }).expect(refused(422, 'DOCUMENTS_NOT_YOURS'));
      await client(t, who).put(`/api/activities/${course.id}/applications/draft`, { motivation: 'x'.repeat(5001), documents: [] }).expect(refused(400, 'VALIDATION_FAILED'));
      const passport = await uploadPdf(t, who, 'passport.pdf');
      await client(t, who)
        .post(`/api/activities/${course.id}/applications`, { motivation: 'Finished', documents: [{ kind: 'cv', fileId: cv }, { kind: 'passport', fileId: passport }] })
        .expect(201);
      expect((await client(t, who).get('/api/me/drafts').expect(200)).body.items).toEqual([]);
      await client(t, who).put(`/api/activities/${course.id}/applications/draft`, { motivation: 'again', documents: [] }).expect(refused(409, 'ALREADY_APPLIED'));
      const closed = await createActivity({ status: 'closed' });
      await client(t, who).put(`/api/activities/${closed.id}/applications/draft`, { motivation: 'late', documents: [] }).expect(refused(409, 'NOT_OPEN_FOR_APPLICATIONS'));
    });

    it('can be discarded', async () => {
      const course = await createActivity();
      const who = await applicantIn(t, 'SEN');
      await client(t, who).put(`/api/activities/${course.id}/applications/draft`, { motivation: 'maybe', documents: [] }).expect(200);
      await client(t, who).delete(`/api/activities/${course.id}/applications/draft`).expect(204);
      expect((await check(who, course.id).expect(200)).body.draft).toBeNull();
    });
  });

  describe('the application page', () => {
    it('shows every status change with its reason, and the next step', async () => {
      const course = await createActivity({ requiresNomination: true });
      const who = await applicantIn(t, 'KEN');
      const id = await apply(t, who, course.id);
      let view = await client(t, who).get(`/api/applications/${id}`).expect(200);
      expect(view.body).toMatchObject({ nextStep: 'await_nomination', timeline: [{ status: 'submitted', reason: null }] });
      const focal = await signedIn(t, 'focal_point', 'KEN');
      await client(t, focal as Token).post(`/api/applications/${id}/endorse`, { reason: 'Leads our customs reform' }).expect(200);
      view = await client(t, who).get(`/api/applications/${id}`).expect(200);
      expect(view.body.nextStep).toBe('await_selection');
      expect(view.body.timeline.map((entry: { status: string; reason: string | null }) => [entry.status, entry.reason])).toEqual([
        ['submitted', null],
        ['endorsed', 'Leads our customs reform'],
      ]);
      await client(t, staff as Token).post(`/api/applications/${id}/select`).expect(200);
      view = await client(t, who).get(`/api/applications/${id}`).expect(200);
      expect(view.body).toMatchObject({ status: 'selected', nextStep: 'attend' });
      expect(view.body.timeline).toHaveLength(3);
    });
  });

  describe('focal points decide with the facts', () => {
    it('see each activity’s quota used and left, rank their candidates (staff see the rank), and endorse several at once or none', async () => {
      const course = await createActivity({ requiresNomination: true, quota: 2 });
      const focal = (await signedIn(t, 'focal_point', 'KEN')) as Token;
      const ids: string[] = [];
      for (const name of ['Achieng Njeri', 'Kipchoge Mutai', 'Wairimu Ndungu']) ids.push(await apply(t, await applicantIn(t, 'KEN', { fullName: name }), course.id));
      await apply(t, await applicantIn(t, 'SEN'), course.id);

      const activities = await client(t, focal).get('/api/nominations/activities').expect(200);
      const mine = activities.body.items.find((item: { activityId: string }) => item.activityId === course.id);
      expect(mine).toMatchObject({ country: 'KEN', quota: 2, endorsed: 0, left: 2, candidates: 3, waiting: 3, deciding: true });

      const ranked = await client(t, focal).put(`/api/nominations/activities/${course.id}/ranking`, { applicationIds: [ids[2], ids[0]] }).expect(200);
      expect(ranked.body.items.map((item: { id: string; nominationRank: number | null }) => [item.id, item.nominationRank])).toEqual([
        [ids[2], 1],
        [ids[0], 2],
        [ids[1], null],
      ]);
      // The dossier: profile, motivation and documents.
      expect(ranked.body.items[0]).toMatchObject({ motivation: 'I work on customs reform.', applicant: { fullName: 'Wairimu Ndungu' }, documents: [{ kind: 'cv' }] });
      const seen = await client(t, staff as Token).get(`/api/applications/${ids[2]}`).expect(200);
      expect(seen.body.nominationRank).toBe(1);
      // Another country's application cannot be ranked by Kenya's focal point.
      const senegalese = (await t.dataSource.query(`SELECT id FROM applications WHERE activity_id = $1 AND country = 'SEN'`, [course.id]))[0].id;
      await client(t, focal).put(`/api/nominations/activities/${course.id}/ranking`, { applicationIds: [senegalese] }).expect(refused(404, 'APPLICATION_NOT_IN_ACTIVITY'));
      await client(t, focal).put(`/api/nominations/activities/${course.id}/ranking`, { applicationIds: [ids[0], ids[0]] }).expect(refused(400, 'DECISION_REPEATED'));

      // Three over a quota of two: none is endorsed.
      await client(t, focal).post('/api/nominations/endorse', { applicationIds: ids }).expect(refused(409, 'NOMINATION_QUOTA_REACHED'));
      const statuses = await t.dataSource.query('SELECT status FROM applications WHERE id = ANY($1::uuid[])', [ids]);
      expect(statuses.map((row: { status: string }) => row.status)).toEqual(['submitted', 'submitted', 'submitted']);
      const two = await client(t, focal).post('/api/nominations/endorse', { applicationIds: [ids[2], ids[0]], reason: 'Our two best' }).expect(200);
      expect(two.body.endorsed).toBe(2);
      expect(two.body.items.map((item: { status: string; nominationReason: string }) => [item.status, item.nominationReason])).toEqual([
        ['endorsed', 'Our two best'],
        ['endorsed', 'Our two best'],
      ]);
      const after = (await client(t, focal).get('/api/nominations/activities').expect(200)).body.items.find((item: { activityId: string }) => item.activityId === course.id);
      expect(after).toMatchObject({ endorsed: 2, left: 0, waiting: 1 });
      await client(t, focal).post('/api/nominations/endorse', { applicationIds: [senegalese] }).expect(refused(404, 'APPLICATION_NOT_FOUND'));
      await client(t, focal).post('/api/nominations/endorse', { applicationIds: [ids[0]] }).expect(refused(409, 'APPLICATION_TRANSITION_NOT_ALLOWED'));
      await client(t, focal).post('/api/nominations/endorse', { applicationIds: [] }).expect(refused(400, 'VALIDATION_FAILED'));
      const noNomination = await createActivity();
      const free = await apply(t, await applicantIn(t, 'KEN'), noNomination.id);
      await client(t, focal).post('/api/nominations/endorse', { applicationIds: [free] }).expect(refused(409, 'NOMINATION_NOT_REQUIRED'));
      await client(t, kenyan).get('/api/nominations/activities').expect(refused(403, 'FORBIDDEN'));
    });

    it('are refused without a country', async () => {
      const admin = (await signedIn(t, 'admin')) as Token;
      await client(t, admin).get('/api/nominations/activities').expect(refused(403, 'NOT_FOCAL_POINT_OF_COUNTRY'));
    });
  });
});
