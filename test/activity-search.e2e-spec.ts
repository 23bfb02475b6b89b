import type { Role } from '@trta/http';
import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';
import { activityCode, insertActivity, insertPlan, insertProduct, type ActivityRow, type PlanAndProduct } from './support/activity-fixtures';
import { refused } from './support/refusals';

type Row = Record<string, unknown>;

describe('GET /api/activities (search)', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let year: number;
  let planId: string;
  let bulkPlanId: string;
  let productA: string;
  let productB: string;
  let bulkProduct: string;
  let sequence = 0;
  const ids: Record<string, string> = {};

  /** An activity written straight to the table, so status, dates and creation time are whatever the test needs (of product A unless told). */
  async function activity({ planId: inPlan = planId, productId = productA, ...values }: ActivityRow & Partial<PlanAndProduct>): Promise<string> {
    sequence += 1;
    const code = activityCode(year, sequence);
    return (await insertActivity(t, { planId: inPlan, productId }, { code, title: `Activity ${sequence}`, topics: ['general'], capacity: 20, ...values })).id;
  }

  const get = (query: string, role: Role = 'staff') => t.http.get(`/api/activities${query}`).auth(tokens[role], { type: 'bearer' });
  async function codesOf(query: string): Promise<string[]> {
    const response = await get(query);
    expect([query, response.status]).toEqual([query, 200]);
    return (response.body.items as Row[]).map((item) => item.code as string);
  }
  const code = (id: string) => `code of ${id}`;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['staff', 'auditor', 'applicant', 'focal_point'] as Role[]) tokens[role] = (await signedIn(t, role)).token;
    year = new Date().getUTCFullYear();
    planId = await insertPlan(t, { firstYear: year, lastYear: year + 1, title: 'Search plan', status: 'draft' });
    bulkPlanId = await insertPlan(t, { firstYear: year + 2, lastYear: year + 3, title: 'Bulk plan', status: 'draft' });
    const product = (plan: string, code: string) => insertProduct(t, plan, { code, name: 'Product', plannedBudget: '100000.00' });
    productA = await product(planId, 'A');
    productB = await product(planId, 'B');
    bulkProduct = await product(bulkPlanId, 'BULK');

    ids.customs = await activity({
      title: 'Customs valuation workshop',
      type: 'national',
      beneficiaryCountries: ['KEN'],
      region: 'africa',
      plsLevel: 1,
      topics: ['trade_facilitation'],
      startDate: `${year}-03-10`,
      endDate: `${year}-03-12`,
      venueCity: 'Nairobi',
      venueCountry: 'KEN',
    });
    ids.regional = await activity({
      productId: productB,
      title: 'Regional course on market access',
      type: 'regional',
      beneficiaryCountries: ['KEN', 'SEN'],
      region: 'africa',
      deliveryMode: 'online',
      plsLevel: 2,
      topics: ['market_access', 'trade_facilitation'],
      startDate: `${year}-05-01`,
      endDate: `${year}-05-20`,
      status: 'confirmed',
    });
    ids.elearning = await activity({
      title: 'SPS basics online course',
      deliveryMode: 'e_learning',
      topics: ['sps'],
      status: 'open',
    });
    ids.seminar = await activity({
      productId: productB,
      title: 'Trade policy review seminar',
      deliveryMode: 'hybrid',
      plsLevel: 3,
      topics: ['trade_policy_review'],
      startDate: `${year}-09-01`,
      endDate: `${year}-09-03`,
      status: 'cancelled',
      budgetActual: '12.50',
    });
    ids.asian = await activity({
      title: 'Accession negotiations clinic',
      type: 'national',
      beneficiaryCountries: ['IND'],
      region: 'asia_pacific',
      topics: ['accessions'],
      startDate: `${year}-04-28`,
      endDate: `${year}-05-02`,
    });
    // A word only the activity sheet has.
    await t.dataSource.query(`INSERT INTO activity_sheets (activity_id, objectives) VALUES ($1, $2::jsonb)`, [
      ids.seminar,
      JSON.stringify({ en: 'Parliamentarians discuss xylophone tariffs', fr: 'Les parlementaires discutent' }),
    ]);
    const rows = (await t.dataSource.query('SELECT id, code FROM activities')) as { id: string; code: string }[];
    for (const [name, id] of Object.entries(ids)) ids[code(name)] = rows.find((row) => row.id === id)!.code;

    // 37 activities for the pagination tests: repeated start dates, undated ones, and creation times a second apart.
    for (let i = 0; i < 37; i++) {
      const dated = i % 5 !== 0;
      await activity({
        planId: bulkPlanId,
        productId: bulkProduct,
        title: `Bulk ${['alpha', 'beta', 'gamma', 'delta'][i % 4]} ${String(i).padStart(2, '0')}`,
        startDate: dated ? `${year + 2}-0${1 + (i % 7)}-1${i % 3}` : null,
        endDate: dated ? `${year + 2}-0${1 + (i % 7)}-2${i % 3}` : null,
        createdAt: new Date(Date.UTC(year, 0, 1, 0, 0, i % 9, (i * 7) % 1000)).toISOString(),
      });
    }
  });
  afterAll(() => t.close());

  const named = (...names: string[]) => names.map((name) => ids[code(name)]);

  it('lists the list columns of every activity, sorted by start date with undated ones last', async () => {
    const response = await get(`?planId=${planId}`).expect(200);
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.items.map((item: Row) => item.code)).toEqual(named('customs', 'asian', 'regional', 'seminar', 'elearning'));
    const regional = response.body.items.find((item: Row) => item.id === ids.regional);
    expect(regional).toEqual({
      id: ids.regional,
      code: ids[code('regional')],
      title: 'Regional course on market access',
      status: 'confirmed',
      type: 'regional',
      deliveryMode: 'online',
      plsLevel: 2,
      languages: ['en'],
      topics: ['market_access', 'trade_facilitation'],
      region: 'africa',
      beneficiaryCountries: ['KEN', 'SEN'],
      startDate: `${year}-05-01`,
      endDate: `${year}-05-20`,
      venueCity: null,
      venueCountry: null,
      capacity: 20,
      applicationDeadline: null,
      planId,
      productId: productB,
      budgetPlanned: '1000.00',
      budgetActual: null,
      allowedActions: ['open', 'deliver', 'cancel', 'postpone', 'edit', 'clone', 'edit-sheet', 'publish-sheet'],
    });
  });

  it('is open to every signed-in role and closed to anonymous callers', async () => {
    for (const role of ['applicant', 'focal_point', 'auditor'] as Role[]) {
      const response = await get(`?planId=${planId}`, role).expect(200);
      expect([role, ...new Set(response.body.items.map((item: Row) => JSON.stringify(item.allowedActions)))]).toEqual([role, '[]']);
    }
    await t.http.get('/api/activities').expect(refused(401, 'UNAUTHORIZED'));
  });

  it('filters by each field', async () => {
    const base = `?planId=${planId}`;
    expect(await codesOf(`${base}&productId=${productB}`)).toEqual(named('regional', 'seminar'));
    expect(await codesOf(`${base}&status=planned`)).toEqual(named('customs', 'asian'));
    expect(await codesOf(`${base}&status=confirmed,cancelled`)).toEqual(named('regional', 'seminar'));
    expect(await codesOf(`${base}&status=confirmed&status=open`)).toEqual(named('regional', 'elearning'));
    expect(await codesOf(`${base}&type=national`)).toEqual(named('customs', 'asian'));
    expect(await codesOf(`${base}&type=regional,global`)).toEqual(named('regional', 'seminar', 'elearning'));
    expect(await codesOf(`${base}&region=africa`)).toEqual(named('customs', 'regional'));
    expect(await codesOf(`${base}&country=SEN`)).toEqual(named('regional'));
    expect(await codesOf(`${base}&country=ken`)).toEqual(named('customs', 'regional'));
    expect(await codesOf(`${base}&country=KEN&includeGlobal=true`)).toEqual(named('customs', 'regional', 'seminar', 'elearning'));
    expect(await codesOf(`${base}&deliveryMode=e_learning`)).toEqual(named('elearning'));
    expect(await codesOf(`${base}&deliveryMode=online,hybrid`)).toEqual(named('regional', 'seminar'));
    expect(await codesOf(`${base}&plsLevel=3`)).toEqual(named('seminar'));
    expect(await codesOf(`${base}&topic=trade_facilitation`)).toEqual(named('customs', 'regional'));
    expect(await codesOf(`${base}&topic=trade_facilitation,market_access`)).toEqual(named('regional'));
    expect(await codesOf(`${base}&topic=agriculture`)).toEqual([]);
    expect(await codesOf(`?productId=${productA}&status=planned&type=national&region=asia_pacific`)).toEqual(named('asian'));
  });

  it('keeps the activities whose dates overlap from..to', async () => {
    const base = `?planId=${planId}`;
    // Overlaps at either edge count: 04-28..05-02 and 05-01..05-20 both touch 05-01..05-01.
    expect(await codesOf(`${base}&from=${year}-05-01&to=${year}-05-01`)).toEqual(named('asian', 'regional'));
    expect(await codesOf(`${base}&from=${year}-05-03`)).toEqual(named('regional', 'seminar'));
    expect(await codesOf(`${base}&to=${year}-04-30`)).toEqual(named('customs', 'asian'));
    expect(await codesOf(`${base}&from=${year}-03-12&to=${year}-03-12`)).toEqual(named('customs'));
    expect(await codesOf(`${base}&from=${year}-10-01`)).toEqual([]);
  });

  it('finds words of the title and of the activity sheet', async () => {
    expect(await codesOf('?q=customs')).toEqual(named('customs'));
    expect(await codesOf('?q=Valuation%20Workshop')).toEqual(named('customs'));
    expect(await codesOf('?q=xylophone')).toEqual(named('seminar'));
    expect(await codesOf('?q=parlementaires')).toEqual(named('seminar'));
    expect(await codesOf('?q=course')).toEqual(named('regional', 'elearning'));
    expect(await codesOf('?q=course%20-sps')).toEqual(named('regional'));
    expect(await codesOf(`?q=course&status=open`)).toEqual(named('elearning'));
    expect(await codesOf('?q=nothingmatchesthis')).toEqual([]);
    expect(await codesOf('?q=%22%20%22')).toEqual([]);
  });

  it('finds an activity by its code, whole or in part, and by words of the sheet in any of its languages', async () => {
    const seminar = ids[code('seminar')];
    expect(await codesOf(`?q=${seminar}`)).toEqual([seminar]);
    expect(await codesOf(`?q=${seminar.toLowerCase()}`)).toEqual([seminar]);
    expect(await codesOf(`?q=${seminar.slice(3)}&planId=${planId}`)).toEqual([seminar]);
    expect(await codesOf('?q=TA-1999-0001')).toEqual([]);
    await t.dataSource.query(`UPDATE activity_sheets SET programme = $2::jsonb WHERE activity_id = $1`, [ids.seminar, JSON.stringify({ es: 'Sesiones sobre aranceles agrícolas' })]);
    expect(await codesOf('?q=aranceles')).toEqual(named('seminar'));
  });

  it('counts the activities the filters match, however many pages they fill', async () => {
    const count = async (query: string) => {
      const response = await t.http.get(`/api/activities/count${query}`).auth(tokens.staff, { type: 'bearer' }).expect(200);
      return response.body as { total: number };
    };
    expect(await count(`?planId=${planId}`)).toEqual({ total: 5 });
    expect(await count(`?planId=${bulkPlanId}`)).toEqual({ total: 37 });
    expect(await count(`?planId=${planId}&status=planned&type=national`)).toEqual({ total: 2 });
    expect(await count(`?q=${ids[code('customs')]}`)).toEqual({ total: 1 });
    expect((await count('')).total).toBe(42);
    await t.http.get(`/api/activities/count?from=${year}-05-01&to=${year}-01-01`).auth(tokens.staff, { type: 'bearer' }).expect(refused(400, 'DATE_RANGE_REVERSED'));
    await t.http.get('/api/activities/count?limit=5').auth(tokens.staff, { type: 'bearer' }).expect(refused(400, 'VALIDATION_FAILED'));
    await t.http.get('/api/activities/count').expect(refused(401, 'UNAUTHORIZED'));
  });

  it('sorts by code, title and creation time both ways', async () => {
    const base = `?planId=${planId}`;
    const byCode = named('customs', 'regional', 'elearning', 'seminar', 'asian');
    expect(await codesOf(`${base}&sort=code`)).toEqual(byCode);
    expect(await codesOf(`${base}&sort=-code`)).toEqual([...byCode].reverse());
    expect(await codesOf(`${base}&sort=title`)).toEqual(named('asian', 'customs', 'regional', 'elearning', 'seminar'));
    expect(await codesOf(`${base}&sort=-startDate`)).toEqual(named('seminar', 'regional', 'asian', 'customs', 'elearning'));
    const created = await codesOf(`${base}&sort=createdAt`);
    expect(await codesOf(`${base}&sort=-createdAt`)).toEqual([...created].reverse());
  });

  describe('keyset pagination', () => {
    async function walk(sort: string, limit: number): Promise<Row[]> {
      const seen: Row[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await get(`?planId=${bulkPlanId}&sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        const page = response.body as { items: Row[]; nextCursor: string | null };
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 50);
      return seen;
    }

    it.each(['startDate', '-startDate', 'title', 'createdAt', '-createdAt', 'code'])('walks every page of sort=%s with nothing missing or repeated', async (sort) => {
      const all = (await get(`?planId=${bulkPlanId}&sort=${sort}&limit=200`).expect(200)).body.items as Row[];
      expect(all).toHaveLength(37);
      const paged = await walk(sort, 4);
      expect(paged.map((item) => item.id)).toEqual(all.map((item) => item.id));
      expect(new Set(paged.map((item) => item.id)).size).toBe(37);
    });

    it('orders undated activities last in both directions, ties by id', async () => {
      for (const sort of ['startDate', '-startDate']) {
        const items = (await get(`?planId=${bulkPlanId}&sort=${sort}&limit=200`).expect(200)).body.items as Row[];
        const dates = items.map((item) => item.startDate as string | null);
        const firstNull = dates.indexOf(null);
        expect(firstNull).toBe(37 - 8);
        expect(dates.slice(firstNull).every((date) => date === null)).toBe(true);
        const dated = dates.slice(0, firstNull) as string[];
        const sorted = [...dated].sort();
        expect(dated).toEqual(sort === 'startDate' ? sorted : sorted.reverse());
      }
    });

    it('refuses a cursor of another sort, and one it did not make', async () => {
      const first = await get(`?planId=${bulkPlanId}&sort=title&limit=3`).expect(200);
      const rejection = await get(`?planId=${bulkPlanId}&sort=code&limit=3&cursor=${first.body.nextCursor}`).expect(refused(400, 'CURSOR_SORT_MISMATCH'));
      expect(rejection.body.message).toMatch(/cursor belongs to the sort title, not code/);
      await get(`?sort=title&cursor=garbage`).expect(refused(400, 'INVALID_CURSOR'));
      const forged = Buffer.from(JSON.stringify(['title', 'x', 'not-a-uuid'])).toString('base64url');
      await get(`?sort=title&cursor=${forged}`).expect(refused(400, 'INVALID_CURSOR'));
      const badDate = Buffer.from(JSON.stringify(['startDate', 'tomorrow', '00000000-0000-0000-0000-000000000000'])).toString('base64url');
      await get(`?cursor=${badDate}`).expect(refused(400, 'INVALID_CURSOR'));
    });
  });

  it('has indexes for the title search and the descending start-date sort', async () => {
    const plan = async (sql: string) => {
      const runner = t.dataSource.createQueryRunner();
      try {
        await runner.startTransaction();
        await runner.query('SET LOCAL enable_seqscan = off');
        return JSON.stringify(await runner.query(`EXPLAIN ${sql}`));
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    };
    expect(await plan(`SELECT id FROM activities a WHERE to_tsvector('simple', a.title) @@ websearch_to_tsquery('simple', 'customs')`)).toContain(
      'activities_title_search_idx',
    );
    expect(await plan('SELECT id FROM activities a ORDER BY a.start_date DESC NULLS LAST, a.id DESC LIMIT 5')).toContain('activities_start_date_desc_idx');
  });

  it('refuses bad parameters with 400 naming them', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['?colour=red', 'VALIDATION_FAILED', /property colour should not exist/],
      ['?status=planned,lost', 'VALIDATION_FAILED', /status must be among: planned, confirmed, open, closed, delivered, cancelled, postponed/],
      ['?type=continental', 'VALIDATION_FAILED', /type must be among: national, regional, global/],
      ['?deliveryMode=by_post', 'VALIDATION_FAILED', /deliveryMode must be among/],
      ['?plsLevel=4', 'VALIDATION_FAILED', /plsLevel must be 1, 2 or 3/],
      ['?plsLevel=abc', 'VALIDATION_FAILED', /plsLevel must be 1, 2 or 3/],
      ['?planId=123', 'VALIDATION_FAILED', /planId must be a UUID/],
      ['?productId=123', 'VALIDATION_FAILED', /productId must be a UUID/],
      ['?country=KE', 'VALIDATION_FAILED', /country must be an ISO 3166-1 alpha-3 code/],
      ['?from=2026-02-30', 'VALIDATION_FAILED', /from must be a valid calendar date/],
      ['?to=yesterday', 'VALIDATION_FAILED', /to must be a date formatted YYYY-MM-DD/],
      ['?from=2026-05-02&to=2026-05-01', 'DATE_RANGE_REVERSED', /from 2026-05-02 is after to 2026-05-01/],
      ['?sort=budget', 'VALIDATION_FAILED', /sort must be one of: startDate, -startDate, code, -code, title, -title, createdAt, -createdAt/],
      ['?limit=201', 'VALIDATION_FAILED', /limit must not be greater than 200/],
      ['?limit=0', 'VALIDATION_FAILED', /limit must not be less than 1/],
      ['?includeGlobal=maybe&country=KEN', 'VALIDATION_FAILED', /includeGlobal must be true or false/],
      ['?includeGlobal=true', 'INCLUDE_GLOBAL_WITHOUT_COUNTRY', /includeGlobal only applies together with country/],
      [`?q=${'x'.repeat(201)}`, 'VALIDATION_FAILED', /q must be 1 to 200 characters/],
      ['?planId=a&planId=b', 'VALIDATION_FAILED', /planId must be a UUID/],
    ];
    for (const [query, code, message] of cases) {
      const response = await get(query);
      expect([query, response.status, response.body.code]).toEqual([query, 400, code]);
      expect(String(response.body.message)).toMatch(message);
    }
    await get('?from=2026-05-02&to=2026-05-01').expect(refused(400, 'DATE_RANGE_REVERSED', { from: '2026-05-02', to: '2026-05-01' }));
    await get('?includeGlobal=false').expect(refused(400, 'INCLUDE_GLOBAL_WITHOUT_COUNTRY'));
  });
});
