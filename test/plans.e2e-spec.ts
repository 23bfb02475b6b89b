import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';
import { refused } from './support/refusals';

/** A valid plan body; each test picks its own years so plans never clash by accident. */
function planBody(firstYear: number, overrides: Record<string, unknown> = {}) {
  return {
    code: `${firstYear}-${firstYear + 1}`,
    title: `Technical Assistance Plan ${firstYear}-${firstYear + 1}`,
    periodStart: `${firstYear}-01-01`,
    periodEnd: `${firstYear + 1}-12-31`,
    ...overrides,
  };
}

function productBody(overrides: Record<string, unknown> = {}) {
  return {
    code: 'GEN',
    name: 'General WTO-related technical assistance',
    category: 'general',
    description: 'Courses and workshops for officials',
    plannedBudget: '250000.00',
    fundingSource: 'global_trust_fund',
    ...overrides,
  };
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('TA plans, products and key results', () => {
  let t: TestApp;
  let staff: string;
  let admin: string;
  const bearer = { type: 'bearer' as const };
  const as = (token: string) => ({
    get: (url: string) => t.http.get(url).auth(token, bearer),
    post: (url: string) => t.http.post(url).auth(token, bearer),
    patch: (url: string) => t.http.patch(url).auth(token, bearer),
    put: (url: string) => t.http.put(url).auth(token, bearer),
  });

  async function createPlan(firstYear: number, overrides: Record<string, unknown> = {}) {
    const response = await as(staff).post('/api/ta-plans').send(planBody(firstYear, overrides)).expect(201);
    return response.body as { id: string; code: string; status: string; periodStart: string; periodEnd: string };
  }

  /** Until `count` sessions wait for a lock on ta_plans (the requests held by a test's gate). */
  async function waitForLockWaiters(count: number) {
    for (let tries = 0; tries < 500; tries++) {
      const [{ waiting }] = await t.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_locks WHERE relation = 'ta_plans'::regclass AND NOT granted`,
      );
      if (waiting >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${count} requests never came to wait for ta_plans`);
  }

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
    admin = (await signedIn(t, 'admin')).token;
  });
  afterAll(() => t.close());

  describe('plans', () => {
    it('creates, lists, reads, edits, adopts and closes a plan', async () => {
      const created = await as(staff)
        .post('/api/ta-plans')
        .send(planBody(2030, { notes: 'Draft for the committee', ceilingPerCountry: 3 }))
        .expect(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        code: '2030-2031',
        title: 'Technical Assistance Plan 2030-2031',
        periodStart: '2030-01-01',
        periodEnd: '2031-12-31',
        status: 'draft',
        notes: 'Draft for the committee',
        ceilingPerCountry: 3,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const id = created.body.id as string;

      const auditor = (await signedIn(t, 'auditor')).token;
      const listed = await as(auditor).get('/api/ta-plans').expect(200);
      expect(listed.body.items.map((plan: { id: string }) => plan.id)).toContain(id);
      expect(listed.body).toHaveProperty('nextCursor');

      const read = await as(auditor).get(`/api/ta-plans/${id}`).expect(200);
      expect(read.body).toMatchObject({ id, code: '2030-2031', products: [], keyResults: [] });

      const patched = await as(staff)
        .patch(`/api/ta-plans/${id}`)
        .send({ title: 'TA Plan 2030-2031 (revised)', notes: null, periodEnd: '2031-11-30', ceilingPerCountry: 4 })
        .expect(200);
      expect(patched.body).toMatchObject({ title: 'TA Plan 2030-2031 (revised)', notes: null, periodEnd: '2031-11-30', ceilingPerCountry: 4 });

      const adopted = await as(staff).post(`/api/ta-plans/${id}/adopt`).expect(200);
      expect(adopted.body.status).toBe('adopted');
      const closed = await as(admin).post(`/api/ta-plans/${id}/close`).expect(200);
      expect(closed.body.status).toBe('closed');

      const edit = await as(staff).patch(`/api/ta-plans/${id}`).send({ title: 'Too late' }).expect(refused(409, 'PLAN_CLOSED'));
      expect(edit.body.message).toMatch(/closed/);
      const [row] = await t.dataSource.query('SELECT status, title FROM ta_plans WHERE id = $1', [id]);
      expect(row).toEqual({ status: 'closed', title: 'TA Plan 2030-2031 (revised)' });
    });

    it('tells each caller what it may do with the plan now (allowedActions), in lists and single reads', async () => {
      const plan = await createPlan(2044);
      const auditor = (await signedIn(t, 'auditor')).token;
      const applicant = (await signedIn(t, 'applicant')).token;
      const actionsOf = async (token: string) => {
        const read = await as(token).get(`/api/ta-plans/${plan.id}`).expect(200);
        const listed = await as(token).get('/api/ta-plans').query({ limit: 100 }).expect(200);
        const item = (listed.body.items as { id: string; allowedActions: string[] }[]).find((p) => p.id === plan.id);
        expect(item?.allowedActions).toEqual(read.body.allowedActions);
        return read.body.allowedActions as string[];
      };
      const open = ['edit', 'add-product', 'edit-product', 'add-key-result', 'add-indicator', 'add-activity', 'set-actual'];

      expect(plan).toMatchObject({ allowedActions: ['edit', 'adopt', ...open.slice(1)] });
      expect(await actionsOf(staff)).toEqual(['edit', 'adopt', ...open.slice(1)]);
      expect(await actionsOf(admin)).toEqual(['edit', 'adopt', ...open.slice(1)]);
      for (const token of [auditor, applicant]) expect(await actionsOf(token)).toEqual([]);

      const adopted = await as(staff).post(`/api/ta-plans/${plan.id}/adopt`).expect(200);
      expect(adopted.body.allowedActions).toEqual(['edit', 'close', ...open.slice(1)]);
      expect(await actionsOf(staff)).toEqual(['edit', 'close', ...open.slice(1)]);
      expect(await actionsOf(auditor)).toEqual([]);

      const closed = await as(staff).post(`/api/ta-plans/${plan.id}/close`).expect(200);
      expect(closed.body.allowedActions).toEqual(['set-actual']);
      expect(await actionsOf(admin)).toEqual(['set-actual']);
      expect(await actionsOf(applicant)).toEqual([]);
    });

    it('refuses an illegal transition with 409 naming the current status and the allowed one', async () => {
      const plan = await createPlan(2032);
      const close = await as(staff).post(`/api/ta-plans/${plan.id}/close`).expect(refused(409, 'PLAN_TRANSITION_NOT_ALLOWED'));
      expect(close.body.message).toBe(`cannot close plan ${plan.code}: it is draft, and only an adopted plan can be closed`);
      await as(staff).post(`/api/ta-plans/${plan.id}/adopt`).expect(200);
      const again = await as(staff).post(`/api/ta-plans/${plan.id}/adopt`).expect(refused(409, 'PLAN_TRANSITION_NOT_ALLOWED'));
      expect(again.body.message).toBe(`cannot adopt plan ${plan.code}: it is adopted, and only a draft plan can be adopted`);
    });

    it('answers 400 for a malformed id and 404 for an unknown one', async () => {
      await as(staff).get('/api/ta-plans/not-a-uuid').expect(refused(400, 'VALIDATION_FAILED'));
      await as(staff).patch('/api/ta-plans/42').send({ title: 'x' }).expect(refused(400, 'VALIDATION_FAILED'));
      const missing = await as(staff).get(`/api/ta-plans/${UNKNOWN_ID}`).expect(refused(404, 'PLAN_NOT_FOUND'));
      expect(missing.body.message).toBe(`TA plan ${UNKNOWN_ID} not found`);
      await as(staff).post(`/api/ta-plans/${UNKNOWN_ID}/adopt`).expect(refused(404, 'PLAN_NOT_FOUND'));
      await as(staff).patch(`/api/ta-plans/${UNKNOWN_ID}`).send({ title: 'x' }).expect(refused(404, 'PLAN_NOT_FOUND'));
      await as(staff).get(`/api/ta-plans/${UNKNOWN_ID}/products`).expect(refused(404, 'PLAN_NOT_FOUND'));
      await as(staff).get(`/api/ta-plans/${UNKNOWN_ID}/key-results`).expect(refused(404, 'PLAN_NOT_FOUND'));
    });

    it('refuses a period that overlaps another plan with 409 naming it', async () => {
      await createPlan(2034);
      const overlapping = await as(staff)
        .post('/api/ta-plans')
        .send(planBody(2035, { periodStart: '2035-12-31', periodEnd: '2036-12-31' }))
        .expect(refused(409, 'PLAN_PERIOD_OVERLAPS', { otherPlanCode: '2034-2035', otherPeriodStart: '2034-01-01', otherPeriodEnd: '2035-12-31' }));
      expect(overlapping.body.message).toBe('the period overlaps plan 2034-2035 (2034-01-01 to 2035-12-31)');
      const duplicateCode = await as(staff)
        .post('/api/ta-plans')
        .send(planBody(2034, { periodStart: '2090-01-01', periodEnd: '2091-12-31' }))
        .expect(refused(409, 'PLAN_CODE_TAKEN', { code: '2034-2035' }));
      expect(duplicateCode.body.message).toBe('plan code 2034-2035 already exists');

      const later = await createPlan(2036);
      await as(staff)
        .patch(`/api/ta-plans/${later.id}`)
        .send({ periodStart: '2035-06-01' })
        .expect(refused(409, 'PLAN_PERIOD_OVERLAPS', { otherPlanCode: '2034-2035' }));
      const inverted = await as(staff).patch(`/api/ta-plans/${later.id}`).send({ periodEnd: '2035-06-01' }).expect(refused(422, 'PLAN_PERIOD_REVERSED'));
      expect(inverted.body.message).toBe('periodEnd must be after periodStart');
    });

    // Two inserts of overlapping periods can deadlock on the exclusion constraint, each waiting
    // for the other's index entry. A lock on the table holds both requests until both wait for
    // it, then lets them go together, which makes that deadlock likely: it must still answer the
    // overlap (the victim runs again), never a 500 or a CONCURRENT_CHANGE.
    it('lets exactly one of two concurrent overlapping creates through, round after round', async () => {
      for (let round = 0; round < 10; round++) {
        const year = 2200 + round * 3;
        const codes = [`${year}-${year + 1}`, `${year + 1}-${year + 2}`];
        const gate = t.dataSource.createQueryRunner();
        await gate.connect();
        await gate.startTransaction();
        await gate.query('LOCK TABLE ta_plans IN SHARE MODE');
        const requests = Promise.all([
          as(staff).post('/api/ta-plans').send(planBody(year)),
          as(staff).post('/api/ta-plans').send(planBody(year + 1)),
        ]);
        await waitForLockWaiters(2);
        await gate.commitTransaction();
        await gate.release();
        const [winner, loser] = [...(await requests)].sort((a, b) => a.status - b.status);
        expect(winner.status).toBe(201);
        refused(409, 'PLAN_PERIOD_OVERLAPS')(loser);
        expect(loser.body.message).toBe(
          `the period overlaps plan ${winner.body.code} (${winner.body.periodStart} to ${winner.body.periodEnd})`,
        );
        const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM ta_plans WHERE code = ANY($1)`, [codes]);
        expect(count).toBe(1);
      }
    });

    it('refuses bad input with 400 naming each field', async () => {
      const missing = await as(staff).post('/api/ta-plans').send({}).expect(refused(400, 'VALIDATION_FAILED'));
      for (const field of ['code', 'title', 'periodStart', 'periodEnd']) expect(missing.body.message.join()).toMatch(new RegExp(field));

      const wrongDate = await as(staff).post('/api/ta-plans').send(planBody(2050, { periodStart: '01/01/2050' })).expect(refused(400, 'VALIDATION_FAILED'));
      expect(wrongDate.body.message.join()).toMatch(/periodStart must be a date formatted YYYY-MM-DD/);
      const impossible = await as(staff).post('/api/ta-plans').send(planBody(2050, { periodEnd: '2051-02-30' })).expect(refused(400, 'VALIDATION_FAILED'));
      expect(impossible.body.message.join()).toMatch(/periodEnd must be a valid calendar date/);

      const inverted = await as(staff).post('/api/ta-plans').send(planBody(2050, { periodStart: '2051-12-31', periodEnd: '2050-01-01' })).expect(refused(400, 'VALIDATION_FAILED'));
      expect(inverted.body.message).toContain('periodEnd must be after periodStart');

      const unknown = await as(staff).post('/api/ta-plans').send(planBody(2050, { status: 'adopted' })).expect(refused(400, 'VALIDATION_FAILED'));
      expect(unknown.body.message).toContain('property status should not exist');

      const code = await as(staff).post('/api/ta-plans').send(planBody(2050, { code: '2050/51' })).expect(refused(400, 'VALIDATION_FAILED'));
      expect(code.body.message).toContain('code must look like 2026-2027');

      const types = await as(staff).post('/api/ta-plans').send(planBody(2050, { title: '', ceilingPerCountry: 1.5 })).expect(refused(400, 'VALIDATION_FAILED'));
      expect(types.body.message.join()).toMatch(/title must be longer than or equal to 1 characters/);
      expect(types.body.message.join()).toMatch(/ceilingPerCountry must be an integer/);

      const nullTitle = await as(staff).post('/api/ta-plans').send(planBody(2050)).expect(201);
      const patchNull = await as(staff).patch(`/api/ta-plans/${nullTitle.body.id}`).send({ title: null, code: '2050-2052' }).expect(refused(400, 'VALIDATION_FAILED'));
      expect(patchNull.body.message.join()).toMatch(/title must be a string/);
      expect(patchNull.body.message).toContain('property code should not exist');
    });

    it('pages through plans by period, newest first', async () => {
      for (const year of [2060, 2062, 2064]) await createPlan(year);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { periodStart: string }[]; nextCursor: string | null } } = await as(staff)
          .get('/api/ta-plans')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((plan) => plan.periodStart));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...seen].sort().reverse());
      expect(seen).toEqual(expect.arrayContaining(['2060-01-01', '2062-01-01', '2064-01-01']));
      expect(new Set(seen).size).toBe(seen.length);
      await as(staff).get('/api/ta-plans').query({ cursor: 'garbage' }).expect(refused(400, 'INVALID_CURSOR'));
      const wrongKey = Buffer.from(JSON.stringify(['not a date', 'not an id'])).toString('base64url');
      await as(staff).get('/api/ta-plans').query({ cursor: wrongKey }).expect(refused(400, 'INVALID_CURSOR'));
    });
  });

  describe('products', () => {
    let plan: { id: string; code: string };
    beforeAll(async () => {
      plan = await createPlan(2070);
    });

    it('creates, lists, reads and edits products with an exact decimal budget', async () => {
      const created = await as(staff).post(`/api/ta-plans/${plan.id}/products`).send(productBody({ plannedBudget: '1234567.89' })).expect(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        planId: plan.id,
        code: 'GEN',
        category: 'general',
        plannedBudget: '1234567.89',
        fundingSource: 'global_trust_fund',
      });
      const big = await as(staff).post(`/api/ta-plans/${plan.id}/products`).send(productBody({ code: 'SPEC', category: 'specialized', plannedBudget: '999999999999.99' })).expect(201);
      expect(big.body.plannedBudget).toBe('999999999999.99');

      const applicant = (await signedIn(t, 'applicant')).token;
      const listed = await as(applicant).get(`/api/ta-plans/${plan.id}/products`).expect(200);
      expect(listed.body.items.map((product: { code: string }) => product.code)).toEqual(['GEN', 'SPEC']);
      expect(listed.body.items[0].plannedBudget).toBe('1234567.89');
      const paged = await as(applicant).get(`/api/ta-plans/${plan.id}/products`).query({ limit: 1 }).expect(200);
      expect(paged.body.items).toHaveLength(1);
      const second = await as(applicant).get(`/api/ta-plans/${plan.id}/products`).query({ limit: 1, cursor: paged.body.nextCursor }).expect(200);
      expect(second.body.items[0].code).toBe('SPEC');

      const one = await as(applicant).get(`/api/ta-plans/${plan.id}/products/${created.body.id}`).expect(200);
      expect(one.body).toMatchObject({ code: 'GEN', plannedBudget: '1234567.89' });
      await as(staff).get(`/api/ta-plans/${plan.id}/products/${UNKNOWN_ID}`).expect(refused(404, 'PRODUCT_NOT_FOUND'));

      const patched = await as(staff).patch(`/api/ta-plans/${plan.id}/products/${created.body.id}`).send({ plannedBudget: '0.10', name: 'General TA' }).expect(200);
      expect(patched.body).toMatchObject({ plannedBudget: '0.10', name: 'General TA', code: 'GEN' });
      const [row] = await t.dataSource.query('SELECT planned_budget::text AS budget FROM products WHERE id = $1', [created.body.id]);
      expect(row.budget).toBe('0.10');

      const detail = await as(staff).get(`/api/ta-plans/${plan.id}`).expect(200);
      expect(detail.body.products.map((product: { code: string }) => product.code)).toEqual(['GEN', 'SPEC']);
    });

    it('refuses a duplicate code in the same plan, allows it in another', async () => {
      await as(staff).post(`/api/ta-plans/${plan.id}/products`).send(productBody({ code: 'DUP' })).expect(201);
      const duplicate = await as(staff).post(`/api/ta-plans/${plan.id}/products`).send(productBody({ code: 'DUP' })).expect(refused(409, 'PRODUCT_CODE_TAKEN'));
      expect(duplicate.body.message).toBe(`product code DUP already exists in plan ${plan.code}`);
      const other = await createPlan(2072);
      await as(staff).post(`/api/ta-plans/${other.id}/products`).send(productBody({ code: 'DUP' })).expect(201);
      const renamed = await as(staff).post(`/api/ta-plans/${plan.id}/products`).send(productBody({ code: 'DUP2' })).expect(201);
      const patch = await as(staff).patch(`/api/ta-plans/${plan.id}/products/${renamed.body.id}`).send({ code: 'DUP' }).expect(refused(409, 'PRODUCT_CODE_TAKEN'));
      expect(patch.body.message).toBe(`product code DUP already exists in plan ${plan.code}`);
    });

    it('lets exactly one of two concurrent duplicate creates through', async () => {
      const responses = await Promise.all([
        as(staff).post(`/api/ta-plans/${plan.id}/products`).send(productBody({ code: 'RACE' })),
        as(staff).post(`/api/ta-plans/${plan.id}/products`).send(productBody({ code: 'RACE' })),
      ]);
      const [winner, loser] = [...responses].sort((a, b) => a.status - b.status);
      expect(winner.status).toBe(201);
      refused(409, 'PRODUCT_CODE_TAKEN', { code: 'RACE', planCode: plan.code })(loser);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM products WHERE plan_id = $1 AND code = 'RACE'`, [plan.id]);
      expect(count).toBe(1);
    });

    it('refuses bad budgets, categories and funding sources with 400 naming them', async () => {
      for (const plannedBudget of ['12.345', '-1', 1e3, '1e3', '', '1,000.00', '1234567890123']) {
        const response = await as(staff).post(`/api/ta-plans/${plan.id}/products`).send(productBody({ code: 'BAD', plannedBudget })).expect(refused(400, 'VALIDATION_FAILED'));
        expect(response.body.message.join()).toMatch(/plannedBudget must be a decimal string/);
      }
      const category = await as(staff).post(`/api/ta-plans/${plan.id}/products`).send(productBody({ code: 'BAD', category: 'cooking' })).expect(refused(400, 'PRODUCT_CATEGORY_UNKNOWN'));
      expect(category.body.message).toBe('category cooking is not a known product category');
      const funding = await as(staff).post(`/api/ta-plans/${plan.id}/products`).send(productBody({ code: 'BAD', fundingSource: 'lottery' })).expect(refused(400, 'VALIDATION_FAILED'));
      expect(funding.body.message.join()).toMatch(/fundingSource must be one of: regular_budget/);
      const missing = await as(staff).post(`/api/ta-plans/${plan.id}/products`).send({}).expect(refused(400, 'VALIDATION_FAILED'));
      for (const field of ['code', 'name', 'category', 'plannedBudget', 'fundingSource']) expect(missing.body.message.join()).toMatch(new RegExp(field));
      const unknown = await as(staff).post(`/api/ta-plans/${plan.id}/products`).send(productBody({ code: 'BAD', planId: plan.id })).expect(refused(400, 'VALIDATION_FAILED'));
      expect(unknown.body.message).toContain('property planId should not exist');
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM products WHERE code = 'BAD'`);
      expect(count).toBe(0);
    });

    it('refuses new products in a closed plan', async () => {
      const closed = await createPlan(2074);
      await as(staff).post(`/api/ta-plans/${closed.id}/adopt`).expect(200);
      await as(staff).post(`/api/ta-plans/${closed.id}/close`).expect(200);
      const response = await as(staff).post(`/api/ta-plans/${closed.id}/products`).send(productBody()).expect(refused(409, 'PLAN_CLOSED'));
      expect(response.body.message).toBe(`plan ${closed.code} is closed and can no longer be changed`);
    });
  });

  describe('key results', () => {
    it('creates key results with indicators and records yearly actuals inside the period', async () => {
      const plan = await createPlan(2080);
      const created = await as(staff)
        .post(`/api/ta-plans/${plan.id}/key-results`)
        .send({
          code: 'KR1',
          title: 'Officials implement WTO agreements',
          indicators: [
            { description: 'Share of participants applying what they learnt', unit: '%', baseline: '60', target: '80.5' },
            { description: 'Notifications submitted', unit: 'count', target: 120 },
          ],
        })
        .expect(201);
      expect(created.body).toMatchObject({ code: 'KR1', position: 1, planId: plan.id });
      expect(created.body.indicators).toEqual([
        expect.objectContaining({ description: 'Share of participants applying what they learnt', baseline: '60.00', target: '80.50', actuals: [] }),
        expect.objectContaining({ unit: 'count', baseline: null, target: '120.00', actuals: [] }),
      ]);
      const second = await as(staff).post(`/api/ta-plans/${plan.id}/key-results`).send({ code: 'KR2', title: 'Acceding governments negotiate accession' }).expect(201);
      expect(second.body).toMatchObject({ position: 2, indicators: [] });
      const added = await as(staff)
        .post(`/api/ta-plans/${plan.id}/key-results/${second.body.id}/indicators`)
        .send({ description: 'Accession working party meetings', unit: 'count', baseline: -1.5, target: '4' })
        .expect(201);
      expect(added.body).toMatchObject({ keyResultId: second.body.id, baseline: '-1.50', target: '4.00' });

      const indicatorId = created.body.indicators[0].id as string;
      const put = await as(staff).put(`/api/ta-plans/${plan.id}/indicators/${indicatorId}/actuals/2080`).send({ value: '72.25' }).expect(200);
      expect(put.body).toEqual({ indicatorId, year: 2080, value: '72.25' });
      await as(staff).put(`/api/ta-plans/${plan.id}/indicators/${indicatorId}/actuals/2080`).send({ value: 75 }).expect(200);
      await as(staff).put(`/api/ta-plans/${plan.id}/indicators/${indicatorId}/actuals/2081`).send({ value: '78' }).expect(200);

      const outside = await as(staff).put(`/api/ta-plans/${plan.id}/indicators/${indicatorId}/actuals/2082`).send({ value: '1' }).expect(refused(422, 'ACTUAL_YEAR_OUTSIDE_PLAN'));
      expect(outside.body.message).toBe(`year 2082 is outside the period of plan ${plan.code} (2080-01-01 to 2081-12-31)`);
      await as(staff).put(`/api/ta-plans/${plan.id}/indicators/${indicatorId}/actuals/1999`).send({ value: '1' }).expect(refused(400, 'ACTUAL_YEAR_INVALID'));
      const notAYear = await as(staff).put(`/api/ta-plans/${plan.id}/indicators/${indicatorId}/actuals/twenty`).send({ value: '1' }).expect(refused(400, 'VALIDATION_FAILED'));
      expect(notAYear.body).toMatchObject({ message: ['year must be an integer number'], problems: [{ field: 'year', code: 'IS_INT' }] });
      const badValue = await as(staff).put(`/api/ta-plans/${plan.id}/indicators/${indicatorId}/actuals/2080`).send({ value: '1.234' }).expect(refused(400, 'VALIDATION_FAILED'));
      expect(badValue.body.message.join()).toMatch(/value must be a decimal/);
      await as(staff).put(`/api/ta-plans/${plan.id}/indicators/${UNKNOWN_ID}/actuals/2080`).send({ value: '1' }).expect(refused(404, 'INDICATOR_NOT_FOUND'));

      const auditor = (await signedIn(t, 'auditor')).token;
      const framework = await as(auditor).get(`/api/ta-plans/${plan.id}/key-results`).expect(200);
      expect(framework.body.nextCursor).toBeNull();
      expect(framework.body.items.map((keyResult: { code: string }) => keyResult.code)).toEqual(['KR1', 'KR2']);
      expect(framework.body.items[0].indicators[0].actuals).toEqual([
        { year: 2080, value: '75.00' },
        { year: 2081, value: '78.00' },
      ]);
      expect(framework.body.items[1].indicators).toHaveLength(1);
      const detail = await as(auditor).get(`/api/ta-plans/${plan.id}`).expect(200);
      expect(detail.body.keyResults).toEqual(framework.body.items);
    });

    it('refuses a duplicate key result code, and creates nothing when one of its indicators is invalid', async () => {
      const plan = await createPlan(2084);
      await as(staff).post(`/api/ta-plans/${plan.id}/key-results`).send({ code: 'KR1', title: 'First' }).expect(201);
      const duplicate = await as(staff).post(`/api/ta-plans/${plan.id}/key-results`).send({ code: 'KR1', title: 'Again' }).expect(refused(409, 'KEY_RESULT_CODE_TAKEN'));
      expect(duplicate.body.message).toBe(`key result code KR1 already exists in plan ${plan.code}`);
      const invalid = await as(staff)
        .post(`/api/ta-plans/${plan.id}/key-results`)
        .send({ code: 'KR2', title: 'Second', indicators: [{ description: 'x', unit: '%', target: '1e5' }] })
        .expect(refused(400, 'VALIDATION_FAILED'));
      expect(invalid.body.message.join()).toMatch(/indicators\.0\.target must be a decimal/);
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM key_results WHERE plan_id = $1', [plan.id]);
      expect(count).toBe(1);
      await as(staff).post(`/api/ta-plans/${plan.id}/key-results/${UNKNOWN_ID}/indicators`).send({ description: 'x', unit: '%', target: '1' }).expect(refused(404, 'KEY_RESULT_NOT_FOUND'));
    });
  });

  describe('access', () => {
    let plan: { id: string };
    let productId: string;
    let keyResultId: string;
    let indicatorId: string;
    beforeAll(async () => {
      plan = await createPlan(2094);
      productId = (await as(staff).post(`/api/ta-plans/${plan.id}/products`).send(productBody()).expect(201)).body.id;
      const keyResult = await as(staff)
        .post(`/api/ta-plans/${plan.id}/key-results`)
        .send({ code: 'KR1', title: 'First', indicators: [{ description: 'x', unit: '%', target: '1' }] })
        .expect(201);
      keyResultId = keyResult.body.id;
      indicatorId = keyResult.body.indicators[0].id;
    });

    const writes = () =>
      [
        ['post', '/api/ta-plans', planBody(2098)],
        ['patch', `/api/ta-plans/${plan.id}`, { title: 'Mine now' }],
        ['post', `/api/ta-plans/${plan.id}/adopt`, {}],
        ['post', `/api/ta-plans/${plan.id}/close`, {}],
        ['post', `/api/ta-plans/${plan.id}/products`, productBody({ code: 'NEW' })],
        ['patch', `/api/ta-plans/${plan.id}/products/${productId}`, { name: 'Mine now' }],
        ['post', `/api/ta-plans/${plan.id}/key-results`, { code: 'KR9', title: 'Mine' }],
        ['post', `/api/ta-plans/${plan.id}/key-results/${keyResultId}/indicators`, { description: 'x', unit: '%', target: '1' }],
        ['put', `/api/ta-plans/${plan.id}/indicators/${indicatorId}/actuals/2094`, { value: '1' }],
      ] as const;
    const reads = () => [
      '/api/ta-plans',
      `/api/ta-plans/${plan.id}`,
      `/api/ta-plans/${plan.id}/products`,
      `/api/ta-plans/${plan.id}/products/${productId}`,
      `/api/ta-plans/${plan.id}/key-results`,
    ];

    it.each(['applicant', 'auditor', 'focal_point'] as const)('refuses every write to %s with 403 and lets them read', async (role) => {
      const token = (await signedIn(t, role)).token;
      for (const [method, url, body] of writes()) {
        const response = await as(token)[method](url).send(body);
        expect({ method, url, status: response.status, code: response.body.code }).toEqual({ method, url, status: 403, code: 'FORBIDDEN' });
      }
      for (const url of reads()) await as(token).get(url).expect(200);
      const [row] = await t.dataSource.query('SELECT status, title FROM ta_plans WHERE id = $1', [plan.id]);
      expect(row).toEqual({ status: 'draft', title: 'Technical Assistance Plan 2094-2095' });
    });

    it('answers anonymous requests with 401', async () => {
      for (const url of reads()) await t.http.get(url).expect(refused(401, 'UNAUTHORIZED'));
      for (const [method, url, body] of writes()) await t.http[method](url).send(body).expect(refused(401, 'UNAUTHORIZED'));
    });
  });
});
