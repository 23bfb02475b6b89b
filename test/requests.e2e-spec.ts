import type { AuthUser, Role } from '@trta/http';
import { requestViewer } from '../libs/requests/src/request-queries';
import { day, insertPlan, insertProduct } from './support/activity-fixtures';
import { signedIn } from './support/factories';
import { refused } from './support/refusals';
import { createTestApp, TestApp } from './support/test-app';

type Body = Record<string, unknown>;

const LETTER = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Title (Official letter) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe('national requests', () => {
  let t: TestApp;
  const year = new Date().getUTCFullYear();
  const quarter = `${year + 1}-Q2`;
  let planId: string;
  let productId: string;
  let otherProductId: string;
  const tokens = {} as Record<Role | 'kenya' | 'uganda', string>;
  let kenyaId: string;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'staff', 'auditor', 'applicant'] as Role[]) tokens[role] = (await signedIn(t, role)).token;
    const kenya = await signedIn(t, 'focal_point', 'KEN');
    tokens.kenya = kenya.token;
    kenyaId = kenya.id;
    await t.dataSource.query(`UPDATE users SET locale = 'fr' WHERE id = $1`, [kenyaId]);
    tokens.uganda = (await signedIn(t, 'focal_point', 'UGA')).token;
    planId = await insertPlan(t, { firstYear: year, lastYear: year + 1, ceilingPerCountry: 2 });
    productId = await insertProduct(t, planId, { code: 'P3', name: 'National activities', plannedBudget: '900000.00', fundingSource: 'global_trust_fund' });
    const otherPlanId = await insertPlan(t, { firstYear: year + 2, lastYear: year + 3, periodEnd: `${year + 3}-06-30`, title: 'Later plan', status: 'draft' });
    otherProductId = await insertProduct(t, otherPlanId, { name: 'Other', plannedBudget: '1.00', fundingSource: 'partner' });
  });
  afterAll(() => t.close());

  const as = (who: keyof typeof tokens) => ({
    post: (path: string, body: Body = {}) => t.http.post(path).auth(tokens[who], { type: 'bearer' }).send(body),
    patch: (path: string, body: Body) => t.http.patch(path).auth(tokens[who], { type: 'bearer' }).send(body),
    get: (path: string) => t.http.get(path).auth(tokens[who], { type: 'bearer' }),
  });
  const staff = as('staff');
  const kenya = as('kenya');
  const uganda = as('uganda');

  const fields = (overrides: Record<string, string | undefined> = {}): Record<string, string> => {
    const values: Record<string, string | undefined> = {
      topics: JSON.stringify(['trade_facilitation', 'market_access']),
      preferredQuarter: quarter,
      language: 'fr',
      needsAssessment: 'Customs officials need training on the Trade Facilitation Agreement.',
      expectedOutcomes: 'A national committee that implements the agreement.',
      targetAudience: 'Customs and ministry of trade officials',
      expectedParticipants: '30',
      contacts: JSON.stringify([{ name: 'Wanjiru Kamau', email: 'wanjiru@trade.go.ke', role: 'Director of trade' }]),
      ...overrides,
    };
    return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<string, string>;
  };

  function submit(who: keyof typeof tokens, overrides: Record<string, string | undefined> = {}, file: Buffer | null = LETTER) {
    let call = t.http.post('/api/requests').auth(tokens[who], { type: 'bearer' });
    for (const [name, value] of Object.entries(fields(overrides))) call = call.field(name, value);
    if (file) call = call.attach('officialLetter', file, { filename: 'letter.pdf', contentType: 'application/pdf' });
    return call;
  }

  async function submitted(overrides: Record<string, string | undefined> = {}): Promise<Body & { id: string; version: number }> {
    const response = await submit('kenya', overrides);
    if (response.status !== 201) throw new Error(`submit failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function approved(overrides: Record<string, string | undefined> = {}): Promise<string> {
    const { id } = await submitted(overrides);
    await staff.post(`/api/requests/${id}/review`).expect(200);
    await staff.post(`/api/requests/${id}/approve`, { overrideCeiling: true, overrideReason: 'test set-up' }).expect(200);
    return id;
  }

  async function notificationsOf(requestKind: string) {
    return (await t.dataSource.query(
      `SELECT kind, locale, subject, body FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY created_at`,
      [kenyaId, requestKind],
    )) as { kind: string; locale: string; subject: string; body: string }[];
  }

  describe('submission', () => {
    it('creates a submitted request for the focal point own country with the official letter', async () => {
      const response = await submit('kenya').expect(201);
      expect(response.body).toMatchObject({
        country: 'KEN',
        countryName: 'Kenya',
        topics: ['trade_facilitation', 'market_access'],
        preferredQuarter: quarter,
        language: 'fr',
        expectedParticipants: 30,
        contacts: [{ name: 'Wanjiru Kamau', email: 'wanjiru@trade.go.ke', role: 'Director of trade' }],
        status: 'submitted',
        activityId: null,
        version: 1,
        documents: [{ kind: 'official_letter', mediaType: 'application/pdf', filename: 'letter.pdf', sizeBytes: LETTER.length }],
      });
      const letter = await kenya.get(`/api/requests/${response.body.id}/official-letter`).expect(200);
      expect(letter.headers['content-type']).toContain('application/pdf');
      const [row] = await t.dataSource.query('SELECT requested_by AS "requestedBy" FROM national_requests WHERE id = $1', [response.body.id]);
      expect(row.requestedBy).toBe(kenyaId);
    });

    it('accepts topics as comma-separated codes', async () => {
      const response = await submit('kenya', { topics: 'trade_facilitation, sps' }).expect(201);
      expect(response.body.topics).toEqual(['trade_facilitation', 'sps']);
    });

    it('never takes the country from the body', async () => {
      const response = await submit('kenya', { country: 'UGA' }).expect(refused(400, 'VALIDATION_FAILED'));
      expect(JSON.stringify(response.body.message)).toContain('country');
      expect(await t.dataSource.query(`SELECT 1 FROM national_requests WHERE country = 'UGA'`)).toEqual([]);
    });

    it.each([
      [{ language: undefined }, 'language'],
      [{ language: 'de' }, 'language'],
      [{ preferredQuarter: '2027-Q5' }, 'preferredQuarter'],
      [{ expectedParticipants: '0' }, 'expectedParticipants'],
      [{ expectedParticipants: 'many' }, 'expectedParticipants'],
      [{ needsAssessment: '' }, 'needsAssessment'],
      [{ contacts: JSON.stringify([{ name: 'A', email: 'not-an-email', role: 'x' }]) }, 'contacts.email'],
      [{ contacts: 'Ann' }, 'contacts'],
      [{ topics: '[]' }, 'topics'],
      [{ topics: 'trade_facilitation,astrology' }, 'topics has unknown topic codes: astrology'],
    ])('refuses %j naming the field', async (overrides, field) => {
      const response = await submit('kenya', overrides as Record<string, string | undefined>).expect(refused(400, 'VALIDATION_FAILED'));
      expect(JSON.stringify(response.body.message)).toContain(field);
    });

    it('refuses a quarter that has ended (422)', async () => {
      const response = await submit('kenya', { preferredQuarter: `${year - 1}-Q1` }).expect(refused(422, 'QUARTER_PASSED', { quarter: `${year - 1}-Q1` }));
      expect(response.body.message).toContain('preferredQuarter');
    });

    it('checks the letter like every upload: from its content, and it is required', async () => {
      const text = await submit('kenya', {}, Buffer.from('just some text pretending to be a PDF')).expect(refused(415, 'FILE_TYPE_NOT_ACCEPTED'));
      expect(text.body.message).toContain('accepted types');
      await submit('kenya', {}, null).expect(refused(400, 'FILE_MISSING'));
      await kenya.post('/api/requests', { ...fields() }).expect(refused(415, 'MULTIPART_REQUIRED'));
    });

    it('is for a focal point, for their own country: an admin may not submit', async () => {
      await submit('admin').expect(refused(403, 'FOCAL_POINT_ONLY'));
    });

    it('refuses a focal point whose account lost its country', async () => {
      const orphan = await signedIn(t, 'focal_point', 'KEN');
      await t.dataSource.query(`UPDATE users SET role = 'staff', country = NULL WHERE id = $1`, [orphan.id]);
      // Role and country come from the account on every request: the same token is now staff's.
      await t.http.get('/api/requests').auth(orphan.token, { type: 'bearer' }).expect(200);
      // And the scope's own guard refuses a caller still taken for a focal point (a request that raced the change).
      await expect(requestViewer(t.dataSource.manager, { id: orphan.id, email: orphan.email, role: 'focal_point', country: 'KEN' } as AuthUser)).rejects.toMatchObject({
        refusal: { code: 'ACCOUNT_WITHOUT_COUNTRY', status: 403 },
      });
    });

    it('answers LETTER_MISSING for a request whose letter is gone', async () => {
      const { id } = await submitted();
      await t.dataSource.query(`DELETE FROM request_documents WHERE request_id = $1`, [id]);
      await kenya.get(`/api/requests/${id}/official-letter`).expect(refused(404, 'LETTER_MISSING', { requestId: id }));
    });

    it('is for focal points only', async () => {
      await submit('staff').expect(refused(403, 'FORBIDDEN'));
      await submit('applicant').expect(refused(403, 'FORBIDDEN'));
      await submit('auditor').expect(refused(403, 'FORBIDDEN'));
      await t.http.post('/api/requests').expect(refused(401, 'UNAUTHORIZED'));
    });
  });

  describe('visibility', () => {
    it('a focal point never sees nor acts on another country request (404)', async () => {
      const { id } = await submitted();
      await uganda.get(`/api/requests/${id}`).expect(refused(404, 'REQUEST_NOT_FOUND'));
      await uganda.get(`/api/requests/${id}/history`).expect(refused(404, 'REQUEST_NOT_FOUND'));
      await uganda.get(`/api/requests/${id}/official-letter`).expect(refused(404, 'REQUEST_NOT_FOUND'));
      await uganda.patch(`/api/requests/${id}`, { expectedParticipants: 5 }).expect(refused(404, 'REQUEST_NOT_FOUND'));
      await uganda.post(`/api/requests/${id}/withdraw`).expect(refused(404, 'REQUEST_NOT_FOUND'));
      const list = await uganda.get('/api/requests').expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
      const filtered = await uganda.get('/api/requests?country=KEN').expect(200);
      expect(filtered.body.items.every((item: { country: string }) => item.country === 'UGA')).toBe(true);
      await kenya.get(`/api/requests/${id}`).expect(200);
      await staff.get(`/api/requests/${id}`).expect(200);
      await as('auditor').get(`/api/requests/${id}`).expect(refused(403, 'FORBIDDEN'));
      await as('applicant').get('/api/requests').expect(refused(403, 'FORBIDDEN'));
      await as('kenya').post(`/api/requests/${id}/review`).expect(refused(403, 'FORBIDDEN'));
    });

    it('lists with keyset pagination and staff filters', async () => {
      await submit('uganda').expect(201);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string; country: string }[]; nextCursor: string | null } } = await kenya
          .get(`/api/requests?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        for (const item of page.body.items) {
          expect(item.country).toBe('KEN');
          seen.push(item.id);
        }
        cursor = page.body.nextCursor;
      } while (cursor);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM national_requests WHERE country = 'KEN'`);
      expect(seen).toHaveLength(count);
      expect(new Set(seen).size).toBe(count);
      const ugandan = await staff.get('/api/requests?country=uga&status=submitted').expect(200);
      expect(ugandan.body.items.length).toBeGreaterThan(0);
      expect(ugandan.body.items.every((item: { country: string; status: string }) => item.country === 'UGA' && item.status === 'submitted')).toBe(true);
      await staff.get('/api/requests?status=maybe').expect(refused(400, 'VALIDATION_FAILED'));
      await staff.get('/api/requests?cursor=nonsense').expect(refused(400, 'INVALID_CURSOR'));
    });
  });

  describe('editing and withdrawing', () => {
    it('the country focal point edits while submitted, with a stale version refused', async () => {
      const request = await submitted();
      const edited = await kenya.patch(`/api/requests/${request.id}`, { expectedParticipants: 40, version: 1 }).expect(200);
      expect(edited.body).toMatchObject({ expectedParticipants: 40, version: 2 });
      const stale = await kenya.patch(`/api/requests/${request.id}`, { expectedParticipants: 41, version: 1 }).expect(refused(409, 'STALE_VERSION', { currentVersion: 2 }));
      expect(stale.body.currentVersion).toBe(2);
      await kenya.patch(`/api/requests/${request.id}`, { country: 'UGA' }).expect(refused(400, 'VALIDATION_FAILED'));
      const unknownTopic = await kenya
        .patch(`/api/requests/${request.id}`, { topics: ['astrology'] })
        .expect(refused(400, 'VALIDATION_FAILED', { fields: ['topics'] }));
      expect(unknownTopic.body.problems).toEqual([{ field: 'topics', code: 'UNKNOWN_TOPIC', params: { codes: ['astrology'] } }]);
      await staff.patch(`/api/requests/${request.id}`, { expectedParticipants: 2 }).expect(refused(403, 'FORBIDDEN'));
      await staff.post(`/api/requests/${request.id}/review`).expect(200);
      const late = await kenya.patch(`/api/requests/${request.id}`, { expectedParticipants: 50 })
        .expect(refused(409, 'REQUEST_TRANSITION_NOT_ALLOWED', { action: 'edit', status: 'under_review', allowedFrom: ['submitted'] }));
      expect(late.body).toMatchObject({ currentStatus: 'under_review', allowedStatuses: ['submitted'] });
      expect(late.body.message).toContain('under_review');
    });

    it('withdraws until a decision, and nothing after', async () => {
      const first = await submitted();
      expect((await kenya.post(`/api/requests/${first.id}/withdraw`).expect(200)).body.status).toBe('withdrawn');
      const again = await kenya.post(`/api/requests/${first.id}/withdraw`).expect(refused(409, 'REQUEST_TRANSITION_NOT_ALLOWED'));
      expect(again.body.message).toContain('withdrawn');
      await staff.post(`/api/requests/${first.id}/review`).expect(refused(409, 'REQUEST_TRANSITION_NOT_ALLOWED'));

      const second = await submitted();
      await staff.post(`/api/requests/${second.id}/review`).expect(200);
      expect((await kenya.post(`/api/requests/${second.id}/withdraw`).expect(200)).body.status).toBe('withdrawn');

      const third = await submitted();
      await staff.post(`/api/requests/${third.id}/review`).expect(200);
      await staff.post(`/api/requests/${third.id}/reject`, { reason: 'outside priorities' }).expect(200);
      const decided = await kenya.post(`/api/requests/${third.id}/withdraw`).expect(refused(409, 'REQUEST_TRANSITION_NOT_ALLOWED'));
      expect(decided.body).toMatchObject({ currentStatus: 'rejected', allowedStatuses: ['submitted', 'under_review'] });
    });
  });

  describe('review', () => {
    it('moves submitted → under_review → rejected with a reason, notifying the requester in French', async () => {
      const { id } = await submitted();
      await staff.post(`/api/requests/${id}/approve`).expect(refused(409, 'REQUEST_TRANSITION_NOT_ALLOWED'));
      await staff.post(`/api/requests/${id}/reject`, { reason: 'no' }).expect(refused(409, 'REQUEST_TRANSITION_NOT_ALLOWED'));
      const reviewed = await staff.post(`/api/requests/${id}/review`).expect(200);
      expect(reviewed.body.status).toBe('under_review');
      const conflict = await staff.post(`/api/requests/${id}/review`).expect(refused(409, 'REQUEST_TRANSITION_NOT_ALLOWED'));
      expect(conflict.body).toMatchObject({ currentStatus: 'under_review', allowedStatuses: ['submitted'] });
      const missing = await staff.post(`/api/requests/${id}/reject`, {}).expect(refused(400, 'VALIDATION_FAILED'));
      expect(JSON.stringify(missing.body.message)).toContain('reason');
      const rejected = await staff.post(`/api/requests/${id}/reject`, { reason: 'The country has a similar activity this year' }).expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: 'The country has a similar activity this year' });
      expect(rejected.body.decidedAt).toBeTruthy();
      await staff.post(`/api/requests/${id}/approve`).expect(refused(409, 'REQUEST_TRANSITION_NOT_ALLOWED'));
      await staff.post(`/api/requests/${id}/schedule`, { productId }).expect(refused(409, 'REQUEST_TRANSITION_NOT_ALLOWED'));
      const messages = await notificationsOf('request.rejected');
      expect(messages.length).toBeGreaterThan(0);
      expect(messages[messages.length - 1]).toMatchObject({ locale: 'fr' });
      expect(messages[messages.length - 1].subject).toContain('Demande nationale');
      expect(messages[messages.length - 1].body).toContain('The country has a similar activity this year');
      expect((await notificationsOf('request.under_review')).length).toBeGreaterThan(0);
      const history = await kenya.get(`/api/requests/${id}/history`).expect(200);
      expect(history.body.items.map((item: { action: string }) => item.action)).toEqual(['submit', 'review', 'reject']);
    });

    it('refuses decisions to other roles and unknown ids', async () => {
      const { id } = await submitted();
      await kenya.post(`/api/requests/${id}/review`).expect(refused(403, 'FORBIDDEN'));
      await as('auditor').post(`/api/requests/${id}/review`).expect(refused(403, 'FORBIDDEN'));
      await kenya.get(`/api/requests/${id}/review-context`).expect(refused(403, 'FORBIDDEN'));
      await staff.post('/api/requests/00000000-0000-4000-8000-000000000000/review').expect(refused(404, 'REQUEST_NOT_FOUND'));
      await staff.post('/api/requests/not-a-uuid/review').expect(refused(400, 'VALIDATION_FAILED'));
      await as('admin').post(`/api/requests/${id}/review`).expect(200);
    });

    it('approving past the plan ceiling per country needs an override with a reason, recorded', async () => {
      // Kenya already has two national activities in the plan (ceiling 2): one planned, one delivered last week.
      for (const status of ['planned', 'delivered']) {
        const created = await staff
          .post('/api/activities', {
            planId,
            productId,
            title: `Kenya national workshop ${status}`,
            type: 'national',
            deliveryMode: 'face_to_face',
            languages: ['en'],
            topics: ['trade_facilitation'],
            leadDivision: 'ITTC',
            beneficiaryCountries: ['KEN'],
            plannedQuarter: `${year + 1}-Q1`,
            capacity: 20,
            budgetPlanned: '1000.00',
          })
          .expect(201);
        if (status === 'delivered') {
          await t.dataSource.query(`UPDATE activities SET status = 'delivered', start_date = $2, end_date = $3 WHERE id = $1`, [
            created.body.id,
            day(-10),
            day(-6),
          ]);
        }
      }
      const { id } = await submitted();
      await staff.post(`/api/requests/${id}/review`).expect(200);

      const context = await staff.get(`/api/requests/${id}/review-context`).expect(200);
      expect(context.body).toMatchObject({
        request: { id, status: 'under_review' },
        country: { code: 'KEN', name: 'Kenya', ldc: false },
        plan: { id: planId, ceilingPerCountry: 2 },
        nationalActivitiesInPlan: 2,
        ceilingReached: true,
      });
      expect(context.body.deliveredActivities.map((activity: { title: string }) => activity.title)).toEqual(['Kenya national workshop delivered']);
      expect(context.body.earlierRequests.length).toBeGreaterThan(0);
      expect(context.body.earlierRequests.every((request: { id: string }) => request.id !== id)).toBe(true);

      const overCeiling = await staff
        .post(`/api/requests/${id}/approve`, {})
        .expect(refused(422, 'COUNTRY_CEILING_REACHED', { country: 'KEN', count: 2, ceiling: 2 }));
      expect(overCeiling.body).toMatchObject({ count: 2, ceiling: 2 });
      expect(overCeiling.body.message).toContain('2 national activities');
      expect(overCeiling.body.message).toContain('ceiling per country is 2');
      const noReason = await staff.post(`/api/requests/${id}/approve`, { overrideCeiling: true }).expect(refused(400, 'VALIDATION_FAILED'));
      expect(JSON.stringify(noReason.body.message)).toContain('overrideReason');
      const approved = await staff
        .post(`/api/requests/${id}/approve`, { overrideCeiling: true, overrideReason: 'LDC neighbour priority, minister request' })
        .expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', ceilingOverrideReason: 'LDC neighbour priority, minister request' });
      const history = await staff.get(`/api/requests/${id}/history`).expect(200);
      const approval = history.body.items.find((item: { action: string }) => item.action === 'approve');
      expect(approval).toMatchObject({
        fromStatus: 'under_review',
        toStatus: 'approved',
        details: { ceilingOverride: { count: 2, ceiling: 2, reason: 'LDC neighbour priority, minister request' } },
      });
      expect((await notificationsOf('request.approved')).length).toBeGreaterThan(0);
    });

    it('within the ceiling, approval needs no override and records none', async () => {
      const { id } = await submit('uganda').expect(201).then((response) => response.body as { id: string });
      await staff.post(`/api/requests/${id}/review`).expect(200);
      const approved = await staff.post(`/api/requests/${id}/approve`, { reason: 'fits the plan' }).expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', decisionReason: 'fits the plan', ceilingOverrideReason: null });
    });
  });

  describe('allowed actions', () => {
    type Seen = { allowedActions: string[] };
    const actionsOf = async (who: keyof typeof tokens, id: string) => {
      const single = (await as(who).get(`/api/requests/${id}`).expect(200)).body as Seen;
      const list = (await as(who).get('/api/requests?limit=100').expect(200)).body as { items: (Seen & { id: string })[] };
      expect(list.items.find((item) => item.id === id)?.allowedActions).toEqual(single.allowedActions);
      return single.allowedActions;
    };

    it('name what the requester and the committee may do in each state', async () => {
      const { id } = await submitted();
      expect(await actionsOf('kenya', id)).toEqual(['edit', 'withdraw']);
      expect(await actionsOf('staff', id)).toEqual(['review']);
      expect(await actionsOf('admin', id)).toEqual(['review']);

      await staff.post(`/api/requests/${id}/review`).expect(200);
      expect(await actionsOf('kenya', id)).toEqual(['withdraw']);
      expect(await actionsOf('staff', id)).toEqual(['approve', 'reject']);
      const context = await staff.get(`/api/requests/${id}/review-context`).expect(200);
      expect(context.body.request.allowedActions).toEqual(['approve', 'reject']);

      const approvedNow = await staff.post(`/api/requests/${id}/approve`, { overrideCeiling: true, overrideReason: 'test' }).expect(200);
      expect(approvedNow.body.allowedActions).toEqual(['schedule']);
      expect(await actionsOf('kenya', id)).toEqual([]);

      const scheduled = await staff.post(`/api/requests/${id}/schedule`, { productId }).expect(201);
      expect(scheduled.body.request.allowedActions).toEqual([]);
      expect(await actionsOf('staff', id)).toEqual([]);

      const { id: withdrawn } = await submitted();
      const back = await kenya.post(`/api/requests/${withdrawn}/withdraw`).expect(200);
      expect(back.body.allowedActions).toEqual([]);
      expect(await actionsOf('staff', withdrawn)).toEqual([]);

      const { id: rejected } = await submitted();
      await staff.post(`/api/requests/${rejected}/review`).expect(200);
      const no = await staff.post(`/api/requests/${rejected}/reject`, { reason: 'no' }).expect(200);
      expect(no.body.allowedActions).toEqual([]);
      expect(await actionsOf('kenya', rejected)).toEqual([]);
    });
  });

  describe('scheduling', () => {
    it('creates exactly one planned national activity when called twice at once, linked both ways', async () => {
      const id = await approved({ expectedParticipants: '27' });
      const responses = await Promise.all([1, 2].map(() => staff.post(`/api/requests/${id}/schedule`, { productId, budgetPlanned: '30000.50' })));
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      const created = responses.find((response) => response.status === 201)!.body;
      const conflict = responses.find((response) => response.status === 409)!.body;
      expect(conflict).toMatchObject({ code: 'REQUEST_ALREADY_SCHEDULED', params: { activityCode: created.activity.code } });
      expect(conflict.message).toContain(created.activity.code);
      expect(conflict.activityCode).toBe(created.activity.code);
      expect(created.activity).toMatchObject({
        planId,
        productId,
        type: 'national',
        status: 'planned',
        beneficiaryCountries: ['KEN'],
        region: 'africa',
        languages: ['fr'],
        topics: ['trade_facilitation', 'market_access'],
        plannedQuarter: quarter,
        capacity: 27,
        budgetPlanned: '30000.50',
        leadDivision: 'ITTC',
      });
      expect(created.activity.title).toContain('Kenya');
      expect(created.request).toMatchObject({ id, status: 'approved', activityId: created.activity.id, activityCode: created.activity.code });
      const rows = await t.dataSource.query('SELECT id FROM activities WHERE national_request_id = $1', [id]);
      expect(rows).toEqual([{ id: created.activity.id }]);
      const again = await staff.post(`/api/requests/${id}/schedule`, { productId }).expect(refused(409, 'REQUEST_ALREADY_SCHEDULED'));
      expect(again.body.message).toContain(created.activity.code);
      const scheduled = await notificationsOf('request.scheduled');
      expect(scheduled.some((message) => message.subject.includes(created.activity.code) && message.locale === 'fr')).toBe(true);
    });

    it('refuses bad input, a product of another plan, a quarter no plan covers and an unapproved request', async () => {
      const id = await approved();
      const missing = await staff.post(`/api/requests/${id}/schedule`, {}).expect(refused(400, 'VALIDATION_FAILED'));
      expect(JSON.stringify(missing.body.message)).toContain('productId');
      const money = await staff.post(`/api/requests/${id}/schedule`, { productId, budgetPlanned: 12.5 }).expect(refused(400, 'VALIDATION_FAILED'));
      expect(JSON.stringify(money.body.message)).toContain('budgetPlanned');
      const foreign = await staff.post(`/api/requests/${id}/schedule`, { productId: otherProductId }).expect(refused(422, 'PRODUCT_NOT_IN_PLAN'));
      expect(foreign.body.message).toContain('productId');
      await kenya.post(`/api/requests/${id}/schedule`, { productId }).expect(refused(403, 'FORBIDDEN'));

      const uncovered = await approved({ preferredQuarter: `${year + 3}-Q4` });
      const noPlan = await staff.post(`/api/requests/${uncovered}/schedule`, { productId }).expect(refused(422, 'NO_PLAN_COVERS_QUARTER', { quarter: `${year + 3}-Q4` }));
      expect(noPlan.body.message).toContain(`${year + 3}-Q4`);

      const closedPlan = await insertPlan(t, { firstYear: year + 4, lastYear: year + 4, title: 'Closed plan', status: 'closed' });
      expect(closedPlan).toBeTruthy();
      const inClosed = await approved({ preferredQuarter: `${year + 4}-Q1` });
      await staff
        .post(`/api/requests/${inClosed}/schedule`, { productId })
        .expect(refused(422, 'COVERING_PLAN_CLOSED', { planCode: `${year + 4}-${year + 4}`, quarter: `${year + 4}-Q1` }));

      const { id: pending } = await submitted();
      const early = await staff.post(`/api/requests/${pending}/schedule`, { productId }).expect(refused(409, 'REQUEST_TRANSITION_NOT_ALLOWED'));
      expect(early.body).toMatchObject({ currentStatus: 'submitted', allowedStatuses: ['approved'] });
    });
  });
});
