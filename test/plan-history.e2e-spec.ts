import type { Role } from '@trta/http';
import { signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

type Body = Record<string, unknown>;

interface HistoryRow {
  id: string;
  at: string;
  userId: string | null;
  userEmail: string | null;
  action: string;
  productId: string | null;
  keyResultId: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('history of plans and products', () => {
  let t: TestApp;
  const users = {} as Record<Role, { id: string; email: string; token: string }>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'staff', 'auditor', 'focal_point', 'applicant'] as Role[]) users[role] = await signedIn(t, role);
  });
  afterAll(() => t.close());

  const as = (role: Role) => ({
    get: (path: string) => t.http.get(path).auth(users[role].token, { type: 'bearer' }),
    post: (path: string, body: Body = {}) => t.http.post(path).auth(users[role].token, { type: 'bearer' }).send(body),
    patch: (path: string, body: Body) => t.http.patch(path).auth(users[role].token, { type: 'bearer' }).send(body),
    put: (path: string, body: Body) => t.http.put(path).auth(users[role].token, { type: 'bearer' }).send(body),
  });

  async function createPlan(firstYear: number): Promise<string> {
    const response = await as('staff')
      .post('/api/ta-plans', {
        code: `${firstYear}-${firstYear + 1}`,
        title: `Technical Assistance Plan ${firstYear}-${firstYear + 1}`,
        periodStart: `${firstYear}-01-01`,
        periodEnd: `${firstYear + 1}-12-31`,
      })
      .expect(201);
    return response.body.id as string;
  }

  async function historyOf(planId: string, role: Role = 'staff'): Promise<HistoryRow[]> {
    const response = await as(role).get(`/api/ta-plans/${planId}/history`).expect(200);
    expect(response.body.nextCursor).toBeNull();
    return response.body.items as HistoryRow[];
  }

  it('records who created, edited and adopted a plan, when, and each field from and to', async () => {
    const before = Date.now();
    const planId = await createPlan(2040);
    await as('staff').patch(`/api/ta-plans/${planId}`, { title: 'TA Plan 2040-2041, revised', notes: 'For the committee' }).expect(200);
    await as('admin').post(`/api/ta-plans/${planId}/adopt`).expect(200);

    const history = await historyOf(planId);
    expect(history.map((row) => row.action)).toEqual(['create', 'update', 'adopt']);
    const [created, updated, adopted] = history;
    expect(created).toMatchObject({
      userId: users.staff.id,
      userEmail: users.staff.email,
      productId: null,
      keyResultId: null,
      changes: {
        code: { from: null, to: '2040-2041' },
        title: { from: null, to: 'Technical Assistance Plan 2040-2041' },
        periodStart: { from: null, to: '2040-01-01' },
        periodEnd: { from: null, to: '2041-12-31' },
        status: { from: null, to: 'draft' },
      },
    });
    expect(updated).toMatchObject({ userId: users.staff.id, userEmail: users.staff.email });
    expect(updated.changes).toEqual({
      title: { from: 'Technical Assistance Plan 2040-2041', to: 'TA Plan 2040-2041, revised' },
      notes: { from: null, to: 'For the committee' },
    });
    expect(adopted).toMatchObject({ userId: users.admin.id, userEmail: users.admin.email, changes: { status: { from: 'draft', to: 'adopted' } } });
    for (const row of history) {
      expect(new Date(row.at).getTime()).toBeGreaterThanOrEqual(before - 5000);
      expect(new Date(row.at).getTime()).toBeLessThanOrEqual(Date.now() + 5000);
    }
  });

  it('records product creation and edits under the product, and no row for a PATCH that changes nothing', async () => {
    const planId = await createPlan(2042);
    const product = await as('staff')
      .post(`/api/ta-plans/${planId}/products`, {
        code: 'GEN',
        name: 'General TA',
        category: 'general',
        plannedBudget: '250000.00',
        fundingSource: 'global_trust_fund',
      })
      .expect(201);
    const productId = product.body.id as string;
    await as('staff').patch(`/api/ta-plans/${planId}/products/${productId}`, { plannedBudget: '300000.50', name: 'General TA' }).expect(200);
    await as('staff').patch(`/api/ta-plans/${planId}/products/${productId}`, { name: 'General TA' }).expect(200);
    await as('staff').patch(`/api/ta-plans/${planId}`, {}).expect(200);

    const history = await historyOf(planId, 'auditor');
    expect(history.map((row) => row.action)).toEqual(['create', 'create-product', 'update-product']);
    expect(history[1]).toMatchObject({
      productId,
      userEmail: users.staff.email,
      changes: {
        code: { from: null, to: 'GEN' },
        name: { from: null, to: 'General TA' },
        category: { from: null, to: 'general' },
        description: { from: null, to: null },
        plannedBudget: { from: null, to: '250000.00' },
        fundingSource: { from: null, to: 'global_trust_fund' },
      },
    });
    expect(history[2]).toMatchObject({ productId, userId: users.staff.id });
    expect(history[2].changes).toEqual({ plannedBudget: { from: '250000.00', to: '300000.50' } });
  });

  it('records key results, indicators and yearly actuals, each actual from its previous value', async () => {
    const planId = await createPlan(2044);
    const keyResult = await as('staff')
      .post(`/api/ta-plans/${planId}/key-results`, {
        code: 'KR1',
        title: 'Officials implement WTO agreements',
        indicators: [{ description: 'Officials who apply what they learnt', unit: '%', baseline: '60', target: '80' }],
      })
      .expect(201);
    const keyResultId = keyResult.body.id as string;
    const indicatorId = keyResult.body.indicators[0].id as string;
    const added = await as('staff')
      .post(`/api/ta-plans/${planId}/key-results/${keyResultId}/indicators`, { description: 'Notifications made', unit: 'count', target: '12' })
      .expect(201);
    await as('staff').put(`/api/ta-plans/${planId}/indicators/${indicatorId}/actuals/2044`, { value: '70' }).expect(200);
    await as('staff').put(`/api/ta-plans/${planId}/indicators/${indicatorId}/actuals/2044`, { value: '72.5' }).expect(200);
    await as('staff').put(`/api/ta-plans/${planId}/indicators/${indicatorId}/actuals/2044`, { value: '72.50' }).expect(200);

    const history = await historyOf(planId);
    expect(history.map((row) => row.action)).toEqual(['create', 'create-key-result', 'add-indicator', 'set-actual', 'set-actual']);
    expect(history[1]).toMatchObject({
      keyResultId,
      changes: {
        code: { from: null, to: 'KR1' },
        title: { from: null, to: 'Officials implement WTO agreements' },
        [`indicators.${indicatorId}`]: { from: null, to: expect.objectContaining({ unit: '%', baseline: '60.00', target: '80.00' }) },
      },
    });
    expect(history[2]).toMatchObject({
      keyResultId,
      changes: { [`indicators.${added.body.id}`]: { from: null, to: expect.objectContaining({ description: 'Notifications made' }) } },
    });
    expect(history[3]).toMatchObject({ keyResultId, changes: { [`indicators.${indicatorId}.actuals.2044`]: { from: null, to: '70.00' } } });
    expect(history[4].changes).toEqual({ [`indicators.${indicatorId}.actuals.2044`]: { from: '70.00', to: '72.50' } });
  });

  it('writes no history for a change that was refused', async () => {
    const planId = await createPlan(2046);
    await createPlan(2048);
    await as('staff').patch(`/api/ta-plans/${planId}`, { periodEnd: '2048-06-30' }).expect(refused(409, 'PLAN_PERIOD_OVERLAPS'));
    await as('staff').post(`/api/ta-plans/${planId}/close`).expect(refused(409, 'PLAN_TRANSITION_NOT_ALLOWED'));
    await as('staff')
      .post(`/api/ta-plans/${planId}/products`, { code: 'X', name: 'x', category: 'no-such-category', plannedBudget: '1', fundingSource: 'partner' })
      .expect(refused(400, 'PRODUCT_CATEGORY_UNKNOWN'));
    expect((await historyOf(planId)).map((row) => row.action)).toEqual(['create']);
  });

  it('pages the history with a keyset cursor', async () => {
    const planId = await createPlan(2050);
    for (let index = 1; index <= 4; index += 1) await as('staff').patch(`/api/ta-plans/${planId}`, { notes: `note ${index}` }).expect(200);
    const first = await as('auditor').get(`/api/ta-plans/${planId}/history?limit=2`).expect(200);
    expect(first.body.items.map((row: HistoryRow) => row.action)).toEqual(['create', 'update']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await as('auditor').get(`/api/ta-plans/${planId}/history?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    const third = await as('auditor').get(`/api/ta-plans/${planId}/history?limit=2&cursor=${second.body.nextCursor}`).expect(200);
    expect([...second.body.items, ...third.body.items].map((row: HistoryRow) => row.changes.notes.to)).toEqual([
      'note 2',
      'note 3',
      'note 4',
    ]);
    expect(third.body.nextCursor).toBeNull();
    await as('auditor').get(`/api/ta-plans/${planId}/history?cursor=garbage`).expect(refused(400, 'INVALID_CURSOR'));
  });

  it('shows the history to staff, auditors and admins only', async () => {
    const planId = await createPlan(2052);
    await as('admin').get(`/api/ta-plans/${planId}/history`).expect(200);
    await as('applicant').get(`/api/ta-plans/${planId}/history`).expect(refused(403, 'FORBIDDEN'));
    await as('focal_point').get(`/api/ta-plans/${planId}/history`).expect(refused(403, 'FORBIDDEN'));
    await t.http.get(`/api/ta-plans/${planId}/history`).expect(refused(401, 'UNAUTHORIZED'));
    await as('auditor').patch(`/api/ta-plans/${planId}`, { notes: 'auditors do not edit' }).expect(refused(403, 'FORBIDDEN'));
    await as('staff').get(`/api/ta-plans/${UNKNOWN_ID}/history`).expect(refused(404, 'PLAN_NOT_FOUND'));
    await as('staff').get('/api/ta-plans/not-a-uuid/history').expect(refused(400, 'VALIDATION_FAILED'));
    expect((await historyOf(planId)).map((row) => row.action)).toEqual(['create']);
  });
});
