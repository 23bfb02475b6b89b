import { QueueEvents } from 'bullmq';
import type { Role } from '@trta/http';
import { CLOSE_PAST_DEADLINE_PATTERN, CLOSE_PAST_DEADLINE_SCHEDULER, TRANSITIONS, type LifecycleAction } from '@trta/activities';
import { JobName, JobQueue, QueueName } from '@trta/queues';
import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';
import { currentPlanWithProduct, day, insertPlan, insertProduct, postActivity, uniqueVenueCity } from './support/activity-fixtures';
import { refused } from './support/refusals';

type Body = Record<string, unknown>;

const STATUSES = ['planned', 'confirmed', 'open', 'closed', 'delivered', 'cancelled', 'postponed'] as const;
const ACTIONS = Object.keys(TRANSITIONS) as LifecycleAction[];

describe('activities', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let planId: string;
  let planYear: number;
  let productId: string;
  let otherPlanProductId: string;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'staff', 'auditor', 'focal_point', 'applicant'] as Role[]) tokens[role] = (await signedIn(t, role)).token;
    planYear = new Date().getUTCFullYear() - 1;
    ({ planId, productId } = await currentPlanWithProduct(t));
    const otherPlanId = await insertPlan(t, { firstYear: planYear + 3, lastYear: planYear + 4, title: 'Next plan', status: 'draft' });
    otherPlanProductId = await insertProduct(t, otherPlanId, { plannedBudget: '1000.00', fundingSource: 'partner' });
  });
  afterAll(() => t.close());

  const as = (role: Role) => ({
    post: (path: string, body: Body = {}) => t.http.post(path).auth(tokens[role], { type: 'bearer' }).send(body),
    patch: (path: string, body: Body) => t.http.patch(path).auth(tokens[role], { type: 'bearer' }).send(body),
    get: (path: string) => t.http.get(path).auth(tokens[role], { type: 'bearer' }),
  });
  const staff = as('staff');

  /** A valid global, face-to-face activity in a city of its own (so it never clashes with another test's). */
  function activityBody(overrides: Body = {}): Body {
    return {
      planId,
      productId,
      title: 'Advanced course on trade facilitation',
      type: 'global',
      deliveryMode: 'face_to_face',
      languages: ['en', 'fr'],
      topics: ['trade_facilitation', 'market_access'],
      leadDivision: 'ITTC',
      capacity: 25,
      budgetPlanned: '45000.50',
      venueCity: uniqueVenueCity(),
      venueCountry: 'CHE',
      startDate: day(60),
      endDate: day(64),
      applicationDeadline: day(30),
      ...overrides,
    };
  }

  const createActivity = (overrides: Body = {}) => postActivity(t, tokens.staff, activityBody(overrides));

  /** Puts an activity straight into a state through SQL (the sheet, and dates in the past, are not reachable through this API). */
  async function force(id: string, values: { status?: string; start?: string; end?: string; deadline?: string | null; sheet?: boolean }) {
    await t.dataSource.query(
      `UPDATE activities SET status = coalesce($2, status), start_date = coalesce($3::date, start_date), end_date = coalesce($4::date, end_date),
         application_deadline = CASE WHEN $5::boolean THEN $6::date ELSE application_deadline END,
         sheet_published_at = CASE WHEN $7::boolean THEN now() ELSE sheet_published_at END
       WHERE id = $1`,
      [id, values.status ?? null, values.start ?? null, values.end ?? null, values.deadline !== undefined, values.deadline ?? null, values.sheet ?? false],
    );
  }

  async function historyOf(id: string) {
    const response = await staff.get(`/api/activities/${id}/history`).expect(200);
    return response.body.items as { action: string; userId: string | null; changes: Record<string, unknown> }[];
  }

  describe('create', () => {
    it('creates a planned activity with a generated code, exact money and a history row', async () => {
      const body = activityBody({ type: 'national', beneficiaryCountries: ['ken'], partners: ['WCO'], budgetActual: '0.10', plannedQuarter: `${planYear + 1}-Q2` });
      const response = await staff.post('/api/activities', body).expect(201);
      expect(response.body).toMatchObject({
        code: expect.stringMatching(new RegExp(`^TA-${planYear}-\\d{4}$`)),
        planId,
        productId,
        type: 'national',
        beneficiaryCountries: ['KEN'],
        region: 'africa',
        languages: ['en', 'fr'],
        topics: ['trade_facilitation', 'market_access'],
        startDate: day(60),
        endDate: day(64),
        applicationDeadline: day(30),
        budgetPlanned: '45000.50',
        budgetActual: '0.10',
        fundingSource: 'regular_budget',
        partners: ['WCO'],
        nominationQuota: 2,
        requiresNomination: false,
        keyResults: [],
        status: 'planned',
        statusReason: null,
        sheetPublishedAt: null,
        version: 1,
      });
      const got = await as('applicant').get(`/api/activities/${response.body.id}`).expect(200);
      expect(got.body).toEqual({ ...response.body, allowedActions: [] });
      const history = await historyOf(response.body.id);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ action: 'create', changes: expect.objectContaining({ code: response.body.code, title: body.title }) });
    });

    it('hands out 50 distinct codes to 50 concurrent creates', async () => {
      const responses = await Promise.all(Array.from({ length: 50 }, () => staff.post('/api/activities', activityBody())));
      expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
      const codes = responses.map((response) => response.body.code as string);
      expect(new Set(codes).size).toBe(50);
      for (const code of codes) expect(code).toMatch(new RegExp(`^TA-${planYear}-\\d{4}$`));
    });

    it('refuses unknown fields, wrong types, missing fields and out-of-range values with 400', async () => {
      const cases: Array<[Body, RegExp]> = [
        [activityBody({ colour: 'red' }), /property colour should not exist/],
        [activityBody({ capacity: 'ten' }), /capacity must be a whole number/],
        [activityBody({ capacity: 0 }), /capacity must be at least 1/],
        [activityBody({ budgetPlanned: 45000.5 }), /budgetPlanned must be a decimal string/],
        [activityBody({ budgetPlanned: '45000.505' }), /budgetPlanned must be a decimal with at most 12 digits/],
        [activityBody({ languages: ['en', 'de'] }), /languages must be among: en, fr, es/],
        [activityBody({ languages: [] }), /languages must list at least one/],
        [activityBody({ type: 'continental' }), /type must be one of: national, regional, global/],
        [activityBody({ deliveryMode: 'by_post' }), /deliveryMode must be one of/],
        [activityBody({ startDate: '2026-02-30' }), /startDate must be a valid calendar date/],
        [activityBody({ plannedQuarter: '2026-Q5' }), /plannedQuarter must look like 2026-Q2/],
        [activityBody({ planId: 'not-a-uuid' }), /planId must be a UUID/],
        [activityBody({ plsLevel: 4 }), /plsLevel must not be greater than 3/],
        [activityBody({ nominationQuota: 0 }), /nominationQuota must be at least 1/],
        [activityBody({ title: undefined, capacity: undefined }), /title is required/],
      ];
      for (const [body, message] of cases) {
        const response = await staff.post('/api/activities', body);
        expect([String(message), response.status]).toEqual([String(message), 400]);
        expect(String(response.body.message)).toMatch(message);
      }
      const missing = await staff.post('/api/activities', { planId }).expect(refused(400, 'VALIDATION_FAILED'));
      for (const field of ['productId', 'title', 'type', 'deliveryMode', 'languages', 'topics', 'leadDivision', 'capacity', 'budgetPlanned']) {
        expect(missing.body.message).toContain(`${field} is required`);
      }
    });

    it('names unknown country, topic, division and region codes with 400', async () => {
      let response = await staff.post('/api/activities', activityBody({ type: 'regional', region: 'africa', beneficiaryCountries: ['KEN', 'XXA', 'XXB'] })).expect(refused(400, 'REFERENCE_CODES_UNKNOWN'));
      expect(response.body.message).toContain('beneficiaryCountries has unknown country codes: XXA, XXB');
      response = await staff.post('/api/activities', activityBody({ topics: ['sps', 'astrology'] })).expect(refused(400, 'REFERENCE_CODES_UNKNOWN'));
      expect(response.body.message).toContain('topics has unknown topic codes: astrology');
      response = await staff.post('/api/activities', activityBody({ leadDivision: 'NOPE' })).expect(refused(400, 'REFERENCE_CODES_UNKNOWN'));
      expect(response.body.message).toContain('leadDivision NOPE is not a known division code');
      response = await staff.post('/api/activities', activityBody({ venueCountry: 'XYZ' })).expect(refused(400, 'REFERENCE_CODES_UNKNOWN'));
      expect(response.body.message).toContain('venueCountry XYZ is not a known country code');
      response = await staff.post('/api/activities', activityBody({ type: 'regional', region: 'atlantis', beneficiaryCountries: ['KEN'] })).expect(refused(400, 'REFERENCE_CODES_UNKNOWN'));
      expect(response.body.message).toContain('region atlantis is not a known region code');
    });

    it('applies the beneficiary rules of each type with 422', async () => {
      const cases: Array<[Body, string]> = [
        [{ type: 'national', beneficiaryCountries: [] }, 'beneficiaryCountries must list exactly one country for a national activity (got 0)'],
        [{ type: 'national', beneficiaryCountries: ['KEN', 'SEN'] }, 'beneficiaryCountries must list exactly one country for a national activity (got 2)'],
        [{ type: 'national', beneficiaryCountries: ['KEN'], region: 'asia_pacific' }, 'region asia_pacific is not the region of KEN (africa)'],
        [{ type: 'regional', beneficiaryCountries: ['KEN'] }, 'region is required for a regional activity'],
        [{ type: 'regional', region: 'africa', beneficiaryCountries: [] }, 'beneficiaryCountries must list one or more countries for a regional activity'],
        [{ type: 'regional', region: 'africa', beneficiaryCountries: ['KEN', 'IND', 'SEN', 'BRA'] }, 'beneficiaryCountries not in region africa: IND, BRA'],
        [{ type: 'global', beneficiaryCountries: ['KEN'] }, 'beneficiaryCountries must be empty for a global activity'],
        [{ type: 'global', region: 'africa' }, 'region must be empty for a global activity'],
      ];
      for (const [overrides, message] of cases) {
        const response = await staff.post('/api/activities', activityBody(overrides));
        expect([overrides, response.status]).toEqual([overrides, 422]);
        expect(response.body.message).toContain(message);
      }
      const regional = await createActivity({ type: 'regional', region: 'africa', beneficiaryCountries: ['KEN', 'SEN'] });
      expect(regional).toMatchObject({ region: 'africa', beneficiaryCountries: ['KEN', 'SEN'] });
    });

    it('keeps dates inside the plan period, in order, with the deadline before the start (422)', async () => {
      const start = `${planYear}-01-01`;
      const end = `${planYear + 2}-12-31`;
      const cases: Array<[Body, string]> = [
        [{ startDate: `${planYear - 1}-12-31`, endDate: day(10), applicationDeadline: null }, `startDate ${planYear - 1}-12-31 is outside the plan period ${start} to ${end}`],
        [{ endDate: `${planYear + 3}-01-01` }, `endDate ${planYear + 3}-01-01 is outside the plan period`],
        [{ startDate: day(60), endDate: day(59) }, `endDate ${day(59)} is before startDate ${day(60)}`],
        [{ applicationDeadline: day(60) }, `applicationDeadline ${day(60)} must be before startDate ${day(60)}`],
        [{ applicationDeadline: day(61) }, `applicationDeadline ${day(61)} must be before startDate ${day(60)}`],
        [{ plannedQuarter: `${planYear + 3}-Q1` }, `plannedQuarter ${planYear + 3}-Q1 is outside the plan period`],
      ];
      for (const [overrides, message] of cases) {
        const response = await staff.post('/api/activities', activityBody(overrides));
        expect([overrides, response.status]).toEqual([overrides, 422]);
        expect(response.body.message).toContain(message);
      }
      // The first and last days of the period are inside it.
      await createActivity({ startDate: start, endDate: end, applicationDeadline: null });
    });

    it('requires the product to belong to the plan and the plan to exist (422)', async () => {
      let response = await staff.post('/api/activities', activityBody({ productId: otherPlanProductId })).expect(refused(422, 'PRODUCT_NOT_IN_PLAN'));
      expect(response.body.message).toBe(`productId ${otherPlanProductId} is not a product of plan ${planYear}-${planYear + 2}`);
      const missingPlan = '00000000-0000-4000-8000-000000000000';
      response = await staff.post('/api/activities', activityBody({ planId: missingPlan })).expect(refused(422, 'ACTIVITY_PLAN_UNKNOWN'));
      expect(response.body.message).toBe(`planId ${missingPlan} is not a known TA plan`);
      response = await staff.post('/api/activities', activityBody({ keyResults: [missingPlan] })).expect(refused(422, 'ACTIVITY_RULES_BROKEN'));
      expect(response.body.message).toContain(`keyResults not of plan ${planYear}-${planYear + 2}: ${missingPlan}`);
    });
  });

  describe('read', () => {
    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      await staff.get('/api/activities/00000000-0000-4000-8000-000000000000').expect(refused(404, 'ACTIVITY_NOT_FOUND'));
      const response = await staff.get('/api/activities/42').expect(refused(400, 'VALIDATION_FAILED'));
      expect(response.body).toMatchObject({ message: ['id must be a UUID'], params: { fields: ['id'] }, problems: [{ field: 'id', code: 'IS_UUID', params: {} }] });
      await staff.patch('/api/activities/42', { version: 1 }).expect(refused(400, 'VALIDATION_FAILED'));
      await staff.post('/api/activities/42/confirm').expect(refused(400, 'VALIDATION_FAILED'));
      await staff.get('/api/activities/42/history').expect(refused(400, 'VALIDATION_FAILED'));
    });

    it("gives each dated activity its own .ics, whatever its status, to staff and auditors", async () => {
      const activity = await createActivity({ title: 'Calendar course', venueCity: 'Geneva Calendar', startDate: day(60), endDate: day(64) });
      const ics = (role: Role) => as(role).get(`/api/activities/${activity.id}/calendar.ics`).buffer(true);
      const response = await ics('staff').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/calendar/);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${activity.code}.ics"`);
      const text = response.text.replace(/\r\n[ \t]/g, '');
      expect(text).toContain(`SUMMARY:${activity.code} Calendar course`);
      expect(text).toContain(`DTSTART;VALUE=DATE:${day(60).replace(/-/g, '')}`);
      // DTEND is exclusive: the day after the last.
      expect(text).toContain(`DTEND;VALUE=DATE:${day(65).replace(/-/g, '')}`);
      expect(text).toContain('LOCATION:Geneva Calendar\\, Switzerland');
      expect(text).toContain('STATUS:TENTATIVE');
      await ics('auditor').expect(200);
      await ics('applicant').expect(refused(403, 'FORBIDDEN'));
      const undated = await createActivity({ startDate: null, endDate: null, applicationDeadline: null });
      await staff.get(`/api/activities/${undated.id}/calendar.ics`).expect(refused(409, 'ACTIVITY_NOT_DATED'));
      await staff.get('/api/activities/00000000-0000-4000-8000-000000000000/calendar.ics').expect(refused(404, 'ACTIVITY_NOT_FOUND'));
    });
  });

  describe('update', () => {
    it('applies a change, bumps the version and records what changed', async () => {
      const activity = await createActivity();
      const response = await staff.patch(`/api/activities/${activity.id}`, { version: 1, title: 'Renamed course', capacity: 40, budgetActual: '100.00' }).expect(200);
      expect(response.body).toMatchObject({ title: 'Renamed course', capacity: 40, budgetActual: '100.00', version: 2 });
      const history = await historyOf(activity.id);
      expect(history.map((row) => row.action)).toEqual(['create', 'update']);
      expect(history[1].changes).toEqual({
        title: { from: 'Advanced course on trade facilitation', to: 'Renamed course' },
        capacity: { from: 25, to: 40 },
        budgetActual: { from: null, to: '100.00' },
      });
      // Clearing optional values with null.
      const cleared = await staff.patch(`/api/activities/${activity.id}`, { version: 2, budgetActual: null, applicationDeadline: null }).expect(200);
      expect(cleared.body).toMatchObject({ budgetActual: null, applicationDeadline: null, version: 3 });
    });

    it('edits every field staff fill in: product, topics, countries, quota, partners and the rest', async () => {
      const activity = await createActivity({ type: 'regional', region: 'africa', beneficiaryCountries: ['KEN'] });
      const secondProduct = await insertProduct(t, planId, { code: `P-${Date.now()}`, plannedBudget: '1000.00', fundingSource: 'partner' });
      const changes = {
        productId: secondProduct,
        topics: ['sps', 'tbt'],
        beneficiaryCountries: ['KEN', 'SEN', 'TZA'],
        nominationQuota: 4,
        requiresNomination: true,
        prerequisiteLevel: 1,
        plsLevel: 2,
        leadDivision: 'AGCD',
        languages: ['fr', 'en'],
        partners: ['WCO', 'ITC'],
        fundingSource: 'partner',
        plannedQuarter: `${planYear + 1}-Q2`,
      };
      const response = await staff.patch(`/api/activities/${activity.id}`, { version: 1, ...changes }).expect(200);
      expect(response.body).toMatchObject({ ...changes, version: 2 });
      expect((await staff.get(`/api/activities/${activity.id}`)).body).toMatchObject(changes);
      const [update] = (await historyOf(activity.id)).filter((row) => row.action === 'update');
      expect(Object.keys(update.changes).sort()).toEqual(Object.keys(changes).sort());
    });

    it('refuses a stale version with 409 and overwrites nothing', async () => {
      const activity = await createActivity();
      await staff.patch(`/api/activities/${activity.id}`, { version: 1, title: 'First' }).expect(200);
      const stale = await staff.patch(`/api/activities/${activity.id}`, { version: 1, title: 'Second' }).expect(refused(409, 'STALE_VERSION'));
      expect(stale.body.message).toBe('activity was changed by someone else (current version 2)');
      expect((await staff.get(`/api/activities/${activity.id}`)).body).toMatchObject({ title: 'First', version: 2 });
    });

    it('lets exactly one of two concurrent PATCHes on the same version through', async () => {
      const activity = await createActivity();
      const responses = await Promise.all([
        staff.patch(`/api/activities/${activity.id}`, { version: 1, title: 'Alpha' }),
        staff.patch(`/api/activities/${activity.id}`, { version: 1, title: 'Beta' }),
      ]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      const winner = responses.find((response) => response.status === 200)!;
      const loser = responses.find((response) => response.status === 409)!;
      expect(loser.body.message).toBe('activity was changed by someone else (current version 2)');
      expect((await staff.get(`/api/activities/${activity.id}`)).body).toMatchObject({ title: winner.body.title, version: 2 });
      expect((await historyOf(activity.id)).filter((row) => row.action === 'update')).toHaveLength(1);
    });

    it('checks the merged activity against the same rules', async () => {
      const activity = await createActivity();
      let response = await staff.patch(`/api/activities/${activity.id}`, { version: 1, type: 'national' }).expect(refused(422, 'ACTIVITY_RULES_BROKEN'));
      expect(response.body.message).toContain('beneficiaryCountries must list exactly one country for a national activity');
      response = await staff.patch(`/api/activities/${activity.id}`, { version: 1, endDate: day(40) }).expect(refused(422, 'ACTIVITY_RULES_BROKEN'));
      expect(response.body.message).toContain(`endDate ${day(40)} is before startDate ${day(60)}`);
      response = await staff.patch(`/api/activities/${activity.id}`, { version: 1, productId: otherPlanProductId }).expect(refused(422, 'PRODUCT_NOT_IN_PLAN'));
      expect(response.body.message).toContain('is not a product of plan');
      response = await staff.patch(`/api/activities/${activity.id}`, { version: 1, topics: ['nope'] }).expect(refused(400, 'REFERENCE_CODES_UNKNOWN'));
      expect(response.body.message).toContain('topics has unknown topic codes: nope');
      // The national activity's region follows its country.
      response = await staff.patch(`/api/activities/${activity.id}`, { version: 1, type: 'national', beneficiaryCountries: ['IND'] }).expect(200);
      expect(response.body).toMatchObject({ region: 'asia_pacific', version: 2 });
      expect((await staff.get(`/api/activities/${activity.id}`)).body.version).toBe(2);
    });

    it('refuses a PATCH without version, with a wrong type, or an unknown or fixed field (400)', async () => {
      const activity = await createActivity();
      let response = await staff.patch(`/api/activities/${activity.id}`, { title: 'x' }).expect(refused(400, 'VALIDATION_FAILED'));
      expect(response.body.message).toContain('version must be the whole number of the version you read');
      response = await staff.patch(`/api/activities/${activity.id}`, { version: '1', title: 'x' }).expect(refused(400, 'VALIDATION_FAILED'));
      response = await staff.patch(`/api/activities/${activity.id}`, { version: 1, planId }).expect(refused(400, 'VALIDATION_FAILED'));
      expect(response.body.message).toContain('property planId should not exist');
      response = await staff.patch(`/api/activities/${activity.id}`, { version: 1, code: 'TA-1999-0001' }).expect(refused(400, 'VALIDATION_FAILED'));
      expect(response.body.message).toContain('property code should not exist');
      response = await staff.patch(`/api/activities/${activity.id}`, { version: 1, title: null }).expect(refused(400, 'VALIDATION_FAILED'));
      await staff.patch('/api/activities/00000000-0000-4000-8000-000000000000', { version: 1, title: 'x' }).expect(refused(404, 'ACTIVITY_NOT_FOUND'));
    });
  });

  describe('access', () => {
    it('lets only staff (and admins) write, auditors read the history, and anonymous callers nothing', async () => {
      const activity = await createActivity();
      const writes: Array<[string, Body]> = [
        ['/api/activities', activityBody()],
        ...ACTIONS.map((action): [string, Body] => [`/api/activities/${activity.id}/${action}`, { reason: 'x' }]),
      ];
      for (const role of ['applicant', 'auditor', 'focal_point'] as Role[]) {
        for (const [path, body] of writes) {
          const response = await as(role).post(path, body);
          expect([path, role, response.status, response.body.code]).toEqual([path, role, 403, 'FORBIDDEN']);
        }
        await as(role).patch(`/api/activities/${activity.id}`, { version: 1, title: 'x' }).expect(refused(403, 'FORBIDDEN'));
        expect((await as(role).get(`/api/activities/${activity.id}`)).status).toBe(200);
      }
      for (const [path, body] of writes) {
        const response = await t.http.post(path).send(body);
        expect([path, response.status, response.body.code]).toEqual([path, 401, 'UNAUTHORIZED']);
      }
      await t.http.patch(`/api/activities/${activity.id}`).send({ version: 1 }).expect(refused(401, 'UNAUTHORIZED'));
      await t.http.get(`/api/activities/${activity.id}`).expect(refused(401, 'UNAUTHORIZED'));
      await t.http.get(`/api/activities/${activity.id}/history`).expect(refused(401, 'UNAUTHORIZED'));
      await as('applicant').get(`/api/activities/${activity.id}/history`).expect(refused(403, 'FORBIDDEN'));
      await as('focal_point').get(`/api/activities/${activity.id}/history`).expect(refused(403, 'FORBIDDEN'));
      expect((await as('auditor').get(`/api/activities/${activity.id}/history`)).status).toBe(200);
      await as('admin').patch(`/api/activities/${activity.id}`, { version: 1, title: 'By the admin' }).expect(200);
      expect((await staff.get(`/api/activities/${activity.id}`)).body.version).toBe(2);
    });
  });

  describe('allowedActions', () => {
    /** What staff and admins are offered in each status, in the order of ACTIVITY_ACTIONS. */
    const OFFERED: Record<(typeof STATUSES)[number], string[]> = {
      planned: ['confirm', 'cancel', 'postpone', 'edit', 'clone', 'edit-sheet', 'publish-sheet'],
      confirmed: ['open', 'deliver', 'cancel', 'postpone', 'edit', 'clone', 'edit-sheet', 'publish-sheet'],
      open: ['close', 'cancel', 'postpone', 'edit', 'clone', 'edit-sheet', 'publish-sheet'],
      closed: ['deliver', 'cancel', 'postpone', 'edit', 'clone', 'edit-sheet'],
      delivered: ['edit', 'clone', 'edit-sheet', 'back-to-office-report'],
      cancelled: ['clone'],
      postponed: ['confirm', 'cancel', 'edit', 'clone', 'edit-sheet', 'publish-sheet'],
    };

    it('offers staff and admins the actions of the status, and auditors, focal points and applicants none, on the activity and in the list', async () => {
      const word = `probe${Date.now()}`;
      for (const status of STATUSES) {
        const activity = await createActivity({ title: `Allowed actions ${word} ${status}` });
        await force(activity.id, { status });
        for (const role of ['staff', 'admin', 'auditor', 'focal_point', 'applicant'] as Role[]) {
          const expected = role === 'staff' || role === 'admin' ? OFFERED[status] : [];
          const single = await as(role).get(`/api/activities/${activity.id}`).expect(200);
          expect([status, role, single.body.allowedActions]).toEqual([status, role, expected]);
          const list = await as(role).get(`/api/activities?q=${word}&status=${status}`).expect(200);
          expect(list.body.items.map((item: Body) => [item.id, item.allowedActions])).toEqual([[activity.id, expected]]);
        }
      }
    });

    it('answers create, update, lifecycle actions and clone with the actions that follow', async () => {
      const created = await staff.post('/api/activities', activityBody()).expect(201);
      expect(created.body.allowedActions).toEqual(OFFERED.planned);
      const updated = await staff.patch(`/api/activities/${created.body.id}`, { version: 1, title: 'Renamed' }).expect(200);
      expect(updated.body.allowedActions).toEqual(OFFERED.planned);
      const confirmed = await staff.post(`/api/activities/${created.body.id}/confirm`).expect(200);
      expect(confirmed.body.allowedActions).toEqual(OFFERED.confirmed);
      const cancelled = await as('admin').post(`/api/activities/${created.body.id}/cancel`, { reason: 'Venue lost' }).expect(200);
      expect(cancelled.body.allowedActions).toEqual(OFFERED.cancelled);
      const clone = await staff.post(`/api/activities/${created.body.id}/clone`).expect(201);
      expect(clone.body).toMatchObject({ status: 'planned', allowedActions: OFFERED.planned });
    });
  });

  describe('lifecycle', () => {
    it('goes planned → confirmed → open → closed → delivered, each step in the history', async () => {
      const activity = await createActivity();
      const id = activity.id;
      let response = await staff.post(`/api/activities/${id}/confirm`).expect(200);
      expect(response.body).toMatchObject({ status: 'confirmed', version: 2 });

      response = await staff.post(`/api/activities/${id}/open`).expect(refused(422, 'ACTIVITY_NOT_READY'));
      expect(response.body.message).toBe('the activity sheet must be published before opening');
      await force(id, { sheet: true });
      response = await staff.post(`/api/activities/${id}/open`).expect(200);
      expect(response.body).toMatchObject({ status: 'open', version: 3 });

      response = await staff.post(`/api/activities/${id}/close`).expect(200);
      expect(response.body.status).toBe('closed');

      response = await staff.post(`/api/activities/${id}/deliver`).expect(refused(422, 'ACTIVITY_NOT_READY'));
      expect(response.body.message).toBe(`an activity can be delivered only after its end date has passed (endDate ${day(64)})`);
      await force(id, { start: day(-10), end: day(-1), deadline: day(-20) });
      response = await staff.post(`/api/activities/${id}/deliver`).expect(200);
      expect(response.body.status).toBe('delivered');

      const history = await historyOf(id);
      expect(history.map((row) => row.action)).toEqual(['create', 'confirm', 'open', 'close', 'deliver']);
      expect(history[1].changes).toEqual({ status: { from: 'planned', to: 'confirmed' } });
      expect(history[4].changes).toEqual({ status: { from: 'closed', to: 'delivered' } });
    });

    it('delivers a confirmed activity directly once its end date has passed, not before', async () => {
      const activity = await createActivity({ startDate: day(-10), endDate: day(0), applicationDeadline: null });
      await staff.post(`/api/activities/${activity.id}/confirm`).expect(200);
      const early = await staff.post(`/api/activities/${activity.id}/deliver`).expect(refused(422, 'ACTIVITY_NOT_READY'));
      expect(early.body.message).toContain(`endDate ${day(0)}`);
      await force(activity.id, { end: day(-1) });
      expect((await staff.post(`/api/activities/${activity.id}/deliver`).expect(200)).body.status).toBe('delivered');
    });

    it('confirms only with dates inside the plan and a venue, unless online or e-learning (422)', async () => {
      const undated = await createActivity({ startDate: null, endDate: null, applicationDeadline: null, venueCity: null, venueCountry: null });
      let response = await staff.post(`/api/activities/${undated.id}/confirm`).expect(refused(422, 'ACTIVITY_NOT_READY'));
      expect(response.body.message).toBe(
        'startDate is required to confirm an activity; endDate is required to confirm an activity; ' +
          'venueCity is required to confirm a face_to_face activity; venueCountry is required to confirm a face_to_face activity',
      );
      for (const deliveryMode of ['online', 'e_learning']) {
        const remote = await createActivity({ deliveryMode, venueCity: null, venueCountry: null });
        expect((await staff.post(`/api/activities/${remote.id}/confirm`).expect(200)).body.status).toBe('confirmed');
      }
      const hybrid = await createActivity({ deliveryMode: 'hybrid', venueCity: null });
      response = await staff.post(`/api/activities/${hybrid.id}/confirm`).expect(refused(422, 'ACTIVITY_NOT_READY'));
      expect(response.body.message).toBe('venueCity is required to confirm a hybrid activity');
      // Once confirmed, a PATCH cannot take away what confirming required.
      const confirmed = await createActivity();
      await staff.post(`/api/activities/${confirmed.id}/confirm`).expect(200);
      response = await staff.patch(`/api/activities/${confirmed.id}`, { version: 2, startDate: null }).expect(refused(422, 'ACTIVITY_RULES_BROKEN'));
      expect(response.body.message).toContain('startDate is required to confirm an activity');
    });

    it('opens only with a deadline in the future', async () => {
      const activity = await createActivity({ applicationDeadline: null });
      await staff.post(`/api/activities/${activity.id}/confirm`).expect(200);
      await force(activity.id, { sheet: true });
      let response = await staff.post(`/api/activities/${activity.id}/open`).expect(refused(422, 'ACTIVITY_NOT_READY'));
      expect(response.body.message).toBe('applicationDeadline is required to open the call for applications');
      await force(activity.id, { deadline: day(-1) });
      response = await staff.post(`/api/activities/${activity.id}/open`).expect(refused(422, 'ACTIVITY_NOT_READY'));
      expect(response.body.message).toBe(`applicationDeadline ${day(-1)} must be in the future to open the call for applications`);
      await force(activity.id, { deadline: day(5) });
      await staff.post(`/api/activities/${activity.id}/open`).expect(200);
    });

    it('cancels from every state before delivered, with a reason', async () => {
      for (const status of TRANSITIONS.cancel.from) {
        const activity = await createActivity();
        await force(activity.id, { status });
        const missing = await staff.post(`/api/activities/${activity.id}/cancel`, {}).expect(refused(400, 'VALIDATION_FAILED'));
        expect(missing.body.message).toContain('reason is required to cancel an activity');
        await staff.post(`/api/activities/${activity.id}/cancel`, { reason: '   ' }).expect(refused(400, 'VALIDATION_FAILED'));
        const response = await staff.post(`/api/activities/${activity.id}/cancel`, { reason: 'Host country withdrew' });
        expect([status, response.status]).toEqual([status, 200]);
        expect(response.body).toMatchObject({ status: 'cancelled', statusReason: 'Host country withdrew' });
        const history = await historyOf(activity.id);
        expect(history[history.length - 1]).toMatchObject({
          action: 'cancel',
          changes: { status: { from: status, to: 'cancelled' }, reason: 'Host country withdrew' },
        });
      }
    });

    it('postpones from every state before delivered, and confirms again after new dates', async () => {
      for (const status of TRANSITIONS.postpone.from) {
        const activity = await createActivity();
        await force(activity.id, { status });
        const response = await staff.post(`/api/activities/${activity.id}/postpone`, { reason: 'Elections' });
        expect([status, response.status]).toEqual([status, 200]);
        expect(response.body).toMatchObject({ status: 'postponed', statusReason: 'Elections' });
      }
      const activity = await createActivity();
      await staff.post(`/api/activities/${activity.id}/confirm`).expect(200);
      const postponed = await staff.post(`/api/activities/${activity.id}/postpone`).expect(200);
      expect(postponed.body).toMatchObject({ status: 'postponed', statusReason: null });
      await staff.patch(`/api/activities/${activity.id}`, { version: postponed.body.version, startDate: day(120), endDate: day(122), applicationDeadline: day(90) }).expect(200);
      const reconfirmed = await staff.post(`/api/activities/${activity.id}/confirm`).expect(200);
      expect(reconfirmed.body).toMatchObject({ status: 'confirmed', startDate: day(120), statusReason: null });
    });

    it('refuses every illegal transition with 409 naming the state and the allowed ones', async () => {
      const activity = await createActivity();
      const response = await staff.post(`/api/activities/${activity.id}/open`).expect(refused(409, 'ACTIVITY_TRANSITION_NOT_ALLOWED'));
      expect(response.body.message).toBe('cannot open an activity that is planned; open is allowed from: confirmed');
      for (const status of STATUSES) {
        await force(activity.id, { status });
        for (const action of ACTIONS) {
          if ((TRANSITIONS[action].from as readonly string[]).includes(status)) continue;
          const rejection = await staff.post(`/api/activities/${activity.id}/${action}`, action === 'cancel' ? { reason: 'x' } : {});
          expect([status, action, rejection.status, rejection.body.code]).toEqual([status, action, 409, 'ACTIVITY_TRANSITION_NOT_ALLOWED']);
          expect(rejection.body.params).toEqual({ action, status, allowedFrom: [...TRANSITIONS[action].from] });
          expect(rejection.body.message).toBe(`cannot ${action} an activity that is ${status}; ${action} is allowed from: ${TRANSITIONS[action].from.join(', ')}`);
        }
      }
      expect(await historyOf(activity.id)).toHaveLength(1);
    });

    it('lets exactly one of two concurrent transitions through', async () => {
      const activity = await createActivity();
      await force(activity.id, { status: 'open' });
      const responses = await Promise.all([
        staff.post(`/api/activities/${activity.id}/close`),
        staff.post(`/api/activities/${activity.id}/close`),
      ]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      expect(responses.find((response) => response.status === 409)!.body.message).toBe(
        'cannot close an activity that is closed; close is allowed from: open',
      );
      expect((await historyOf(activity.id)).filter((row) => row.action === 'close')).toHaveLength(1);
    });

    it('answers 404 for a transition of an unknown activity and refuses unknown body fields', async () => {
      await staff.post('/api/activities/00000000-0000-4000-8000-000000000000/close').expect(refused(404, 'ACTIVITY_NOT_FOUND'));
      const activity = await createActivity();
      await staff.post(`/api/activities/${activity.id}/confirm`, { acknowledgeConflicts: 'yes' }).expect(refused(400, 'VALIDATION_FAILED'));
      await staff.post(`/api/activities/${activity.id}/confirm`, { force: true }).expect(refused(400, 'VALIDATION_FAILED'));
    });
  });

  describe('scheduling conflicts on confirm', () => {
    it('reports an overlapping in-person activity at the same venue, and confirms when acknowledged', async () => {
      const venue = { venueCity: 'Geneva', venueCountry: 'CHE', startDate: day(200), endDate: day(204), applicationDeadline: null };
      const first = await createActivity({ ...venue, title: 'Existing course' });
      await staff.post(`/api/activities/${first.id}/confirm`).expect(200);
      // Same venue, other dates, or online: no conflict.
      const later = await createActivity({ ...venue, startDate: day(205), endDate: day(206) });
      await staff.post(`/api/activities/${later.id}/confirm`).expect(200);

      const second = await createActivity({ ...venue, venueCity: 'geneva', startDate: day(203), endDate: day(210) });
      const rejection = await staff.post(`/api/activities/${second.id}/confirm`).expect(refused(409, 'SCHEDULING_CONFLICT'));
      expect(rejection.body.message).toMatch(/overlaps 2 scheduled activities/);
      expect(rejection.body.conflicts).toEqual([
        { id: first.id, code: first.code, title: 'Existing course', startDate: day(200), endDate: day(204), reason: 'same venue: Geneva, CHE' },
        { id: later.id, code: later.code, title: later.title, startDate: day(205), endDate: day(206), reason: 'same venue: Geneva, CHE' },
      ]);
      expect((await staff.get(`/api/activities/${second.id}`)).body.status).toBe('planned');

      const acknowledged = await staff.post(`/api/activities/${second.id}/confirm`, { acknowledgeConflicts: true }).expect(200);
      expect(acknowledged.body.status).toBe('confirmed');
      const history = await historyOf(second.id);
      expect(history[history.length - 1]).toMatchObject({
        action: 'confirm',
        changes: { status: { from: 'planned', to: 'confirmed' }, acknowledgedConflicts: rejection.body.conflicts },
      });
    });

    it('reports an overlapping in-person activity for the same beneficiary country', async () => {
      const dates = { startDate: day(300), endDate: day(303), applicationDeadline: null };
      const national = await createActivity({ ...dates, type: 'national', beneficiaryCountries: ['UGA'], venueCity: 'Kampala', venueCountry: 'UGA' });
      await staff.post(`/api/activities/${national.id}/confirm`).expect(200);
      // A cancelled or merely planned one does not count.
      const planned = await createActivity({ ...dates, type: 'national', beneficiaryCountries: ['UGA'] });

      const regional = await createActivity({
        ...dates,
        type: 'regional',
        region: 'africa',
        beneficiaryCountries: ['SEN', 'UGA'],
        deliveryMode: 'online',
        venueCity: null,
        venueCountry: null,
      });
      const rejection = await staff.post(`/api/activities/${regional.id}/confirm`).expect(refused(409, 'SCHEDULING_CONFLICT'));
      expect(rejection.body.conflicts).toEqual([
        expect.objectContaining({ id: national.id, code: national.code, reason: 'same beneficiary country: UGA' }),
      ]);
      await staff.post(`/api/activities/${regional.id}/confirm`, { acknowledgeConflicts: false }).expect(refused(409, 'SCHEDULING_CONFLICT'));

      // Once the national one is cancelled, nothing clashes.
      await staff.post(`/api/activities/${national.id}/cancel`, { reason: 'Merged into the regional course' }).expect(200);
      await staff.post(`/api/activities/${regional.id}/confirm`).expect(200);
      // The planned national one now clashes with the confirmed regional one only if that is in person: it is online.
      await staff.post(`/api/activities/${planned.id}/confirm`).expect(200);
    });
  });

  describe('auto-close of past deadlines', () => {
    it('is scheduled every 15 minutes when a worker starts, and closes open calls whose deadline passed', async () => {
      const past = await createActivity();
      const future = await createActivity();
      await force(past.id, { status: 'open', deadline: day(-1) });
      await force(future.id, { status: 'open', deadline: day(3) });

      await t.startWorker();
      const queue = t.app.get(JobQueue).queue(QueueName.Activities);
      const scheduler = await queue.getJobScheduler(CLOSE_PAST_DEADLINE_SCHEDULER);
      expect(scheduler).toMatchObject({ name: JobName.ActivitiesClosePastDeadline, pattern: CLOSE_PAST_DEADLINE_PATTERN });

      const events = new QueueEvents(QueueName.Activities, { connection: { url: t.redisUrl }, prefix: queue.opts.prefix });
      try {
        await events.waitUntilReady();
        const job = await t.app.get(JobQueue).add(JobName.ActivitiesClosePastDeadline, {});
        expect(await job.waitUntilFinished(events, 30000)).toEqual({ closed: 1 });
      } finally {
        await events.close();
      }
      expect((await staff.get(`/api/activities/${past.id}`)).body).toMatchObject({ status: 'closed', version: 2 });
      expect((await staff.get(`/api/activities/${future.id}`)).body).toMatchObject({ status: 'open', version: 1 });
      const history = await historyOf(past.id);
      expect(history[history.length - 1]).toMatchObject({
        action: 'auto-close',
        userId: null,
        changes: { status: { from: 'open', to: 'closed' }, applicationDeadline: day(-1) },
      });
    });
  });
});
