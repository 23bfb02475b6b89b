import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import type { Response } from 'superagent';
import type { Role } from '@trta/http';
import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';
import { activityCode, insertActivity, type ActivityRow } from './support/activity-fixtures';
import { refused } from './support/refusals';

type Row = Record<string, unknown>;

/** Collects a binary response body into a Buffer (supertest only buffers text by default). */
function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('GET /api/ta-plans/:id/matrix', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let year: number;
  let planId: string;
  let planCode: string;
  const products: Record<string, string> = {};
  let sequence = 0;

  const as = (role: Role) => ({
    get: (path: string) => t.http.get(path).auth(tokens[role], { type: 'bearer' }),
    post: (path: string, body: Row) => t.http.post(path).auth(tokens[role], { type: 'bearer' }).send(body),
  });

  /** An activity of the product written straight to the table: global, online, 30 seats, coded TA-<year>-0001 onwards. */
  const activity = (productId: string, values: ActivityRow) =>
    insertActivity(t, { planId, productId }, { code: activityCode(year, ++sequence), deliveryMode: 'online', topics: ['general'], capacity: 30, ...values });

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['staff', 'auditor', 'applicant', 'focal_point'] as Role[]) tokens[role] = (await signedIn(t, role)).token;
    year = new Date().getUTCFullYear();
    planCode = `${year}-${year + 1}`;
    const plan = await as('staff')
      .post('/api/ta-plans', { code: planCode, title: 'Technical Assistance Plan', periodStart: `${year}-01-01`, periodEnd: `${year + 1}-12-31` })
      .expect(201);
    planId = plan.body.id;
    for (const [productCode, name, category, plannedBudget] of [
      ['GEN', 'General WTO-related TA', 'general', '1000000.00'],
      ['SPEC', '=Specialized courses', 'specialized', '500.00'],
      ['EMPTY', 'Nothing planned yet', 'academic', '0.01'],
    ]) {
      const product = await as('staff')
        .post(`/api/ta-plans/${planId}/products`, { code: productCode, name, category, plannedBudget, fundingSource: 'regular_budget' })
        .expect(201);
      products[productCode] = product.body.id;
    }
    await activity(products.GEN, { title: 'Big course', status: 'planned', budgetPlanned: '1234567.89', budgetActual: '1000.10', startDate: `${year}-03-01`, endDate: `${year}-03-05` });
    await activity(products.GEN, { title: 'Small, "quoted" course', status: 'confirmed', budgetPlanned: '0.11', startDate: `${year}-04-01`, endDate: `${year}-04-02` });
    await activity(products.SPEC, { title: 'Line one\nline two', status: 'open', budgetPlanned: '0.10' });
    await activity(products.SPEC, { title: 'Delivered seminar', status: 'delivered', budgetPlanned: '0.20', budgetActual: '0.20', startDate: `${year}-02-01`, endDate: `${year}-02-03` });
    await activity(products.SPEC, { title: 'Cancelled seminar', status: 'cancelled', statusReason: 'no funds', budgetPlanned: '5.00' });
  });
  afterAll(() => t.close());

  const zeroCounts = { planned: 0, confirmed: 0, open: 0, closed: 0, delivered: 0, cancelled: 0, postponed: 0 };

  it('groups the activities by product with counts by status and exact totals', async () => {
    const response = await as('staff').get(`/api/ta-plans/${planId}/matrix`).expect(200);
    expect(response.body.plan).toMatchObject({ id: planId, code: planCode });
    const [empty, general, specialized] = response.body.products as Row[];
    expect(general).toMatchObject({
      productId: products.GEN,
      code: 'GEN',
      name: 'General WTO-related TA',
      category: 'general',
      plannedBudget: '1000000.00',
      activityCount: 2,
      byStatus: { ...zeroCounts, planned: 1, confirmed: 1 },
      budgetPlannedTotal: '1234568.00',
      budgetActualTotal: '1000.10',
    });
    expect((general.activities as Row[]).map((activity) => activity.title)).toEqual(['Big course', 'Small, "quoted" course']);
    expect((general.activities as Row[])[0]).toEqual({
      id: expect.any(String),
      code: `TA-${year}-0001`,
      title: 'Big course',
      status: 'planned',
      type: 'global',
      deliveryMode: 'online',
      startDate: `${year}-03-01`,
      endDate: `${year}-03-05`,
      budgetPlanned: '1234567.89',
      budgetActual: '1000.10',
    });
    expect(specialized).toMatchObject({
      code: 'SPEC',
      activityCount: 3,
      byStatus: { ...zeroCounts, open: 1, delivered: 1, cancelled: 1 },
      budgetPlannedTotal: '5.30',
      budgetActualTotal: '0.20',
    });
    expect(empty).toMatchObject({ code: 'EMPTY', activityCount: 0, byStatus: zeroCounts, budgetPlannedTotal: '0.00', budgetActualTotal: '0.00', activities: [] });
    expect(response.body.totals).toEqual({
      productCount: 3,
      plannedBudget: '1000500.01',
      activityCount: 5,
      byStatus: { ...zeroCounts, planned: 1, confirmed: 1, open: 1, delivered: 1, cancelled: 1 },
      budgetPlannedTotal: '1234573.30',
      budgetActualTotal: '1000.30',
    });
  });

  it('leaves the lists of activities out with ?activities=false, keeping counts and sums', async () => {
    const full = await as('staff').get(`/api/ta-plans/${planId}/matrix`).expect(200);
    const summary = await as('staff').get(`/api/ta-plans/${planId}/matrix?activities=false`).expect(200);
    expect(summary.body.totals).toEqual(full.body.totals);
    expect(summary.body.products).toEqual(full.body.products.map((product: Row) => ({ ...product, activities: [] })));
    await as('staff').get(`/api/ta-plans/${planId}/matrix?activities=maybe`).expect(refused(400, 'VALIDATION_FAILED'));
  });

  it('exports a CSV with one row per activity and its product', async () => {
    const response = await as('auditor').get(`/api/ta-plans/${planId}/matrix?format=csv`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="matrix-${planCode}.csv"`);
    const records = parse(response.text) as string[][];
    expect(records[0]).toEqual([
      'productCode',
      'productName',
      'productCategory',
      'productPlannedBudget',
      'activityCode',
      'title',
      'status',
      'type',
      'deliveryMode',
      'startDate',
      'endDate',
      'budgetPlanned',
      'budgetActual',
    ]);
    const rows = parse(response.text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row.productCode)).toEqual(['GEN', 'GEN', 'SPEC', 'SPEC', 'SPEC']);
    expect(rows[0]).toMatchObject({ productName: 'General WTO-related TA', productPlannedBudget: '1000000.00', title: 'Big course', budgetPlanned: '1234567.89', budgetActual: '1000.10', startDate: `${year}-03-01` });
    expect(rows[1]).toMatchObject({ title: 'Small, "quoted" course', budgetPlanned: '0.11', budgetActual: '' });
    // A name a spreadsheet would run as a formula is neutralized.
    expect(rows[2].productName).toBe("'=Specialized courses");
    expect(rows.map((row) => row.title)).toContain('Line one\nline two');
  });

  it('exports an XLSX workbook with the Matrix and Products sheets', async () => {
    const response = await as('staff').get(`/api/ta-plans/${planId}/matrix?format=xlsx`).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="matrix-${planCode}.xlsx"`);
    const workbook = new Workbook();
    // exceljs declares a Buffer type of its own; the bytes are what it wrote.
    await workbook.xlsx.load(response.body as Parameters<Workbook['xlsx']['load']>[0]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Matrix', 'Products']);

    const matrix = workbook.getWorksheet('Matrix')!;
    const header = matrix.getRow(1);
    expect((header.values as unknown[]).slice(1)).toEqual([
      'productCode',
      'productName',
      'productCategory',
      'productPlannedBudget',
      'activityCode',
      'title',
      'status',
      'type',
      'deliveryMode',
      'startDate',
      'endDate',
      'budgetPlanned',
      'budgetActual',
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(matrix.rowCount).toBe(6);
    const budget = matrix.getRow(2).getCell(12);
    expect(budget.value).toBe(1234567.89);
    expect(budget.numFmt).toBe('#,##0.00');
    expect(matrix.getRow(2).getCell(6).value).toBe('Big course');
    expect(matrix.getRow(2).getCell(10).value).toEqual(new Date(`${year}-03-01T00:00:00Z`));
    expect(matrix.getRow(3).getCell(13).value).toBeNull();

    const productsSheet = workbook.getWorksheet('Products')!;
    expect((productsSheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'code',
      'name',
      'category',
      'plannedBudget',
      'activityCount',
      'planned',
      'confirmed',
      'open',
      'closed',
      'delivered',
      'cancelled',
      'postponed',
      'budgetPlannedTotal',
      'budgetActualTotal',
    ]);
    const spec = productsSheet.getRow(4);
    expect((spec.values as unknown[]).slice(1)).toEqual(['SPEC', '=Specialized courses', 'specialized', 500, 3, 0, 0, 1, 0, 1, 1, 0, 5.3, 0.2]);
    expect(spec.getCell(13).numFmt).toBe('#,##0.00');
    const total = productsSheet.getRow(5);
    expect(total.getCell(1).value).toBe('TOTAL');
    expect(total.getCell(5).value).toBe(5);
    expect(total.getCell(13).value).toBe(1234573.3);
  });

  it('is for staff and auditors only', async () => {
    await as('auditor').get(`/api/ta-plans/${planId}/matrix`).expect(200);
    await as('applicant').get(`/api/ta-plans/${planId}/matrix`).expect(refused(403, 'FORBIDDEN'));
    await as('focal_point').get(`/api/ta-plans/${planId}/matrix?format=csv`).expect(refused(403, 'FORBIDDEN'));
    await t.http.get(`/api/ta-plans/${planId}/matrix`).expect(refused(401, 'UNAUTHORIZED'));
  });

  it('answers 404 for an unknown plan and 400 for a bad format or id', async () => {
    await as('staff').get('/api/ta-plans/00000000-0000-4000-8000-000000000000/matrix').expect(refused(404, 'PLAN_NOT_FOUND'));
    await as('staff').get('/api/ta-plans/not-a-uuid/matrix').expect(refused(400, 'VALIDATION_FAILED'));
    const response = await as('staff').get(`/api/ta-plans/${planId}/matrix?format=pdf`).expect(refused(400, 'VALIDATION_FAILED'));
    expect(String(response.body.message)).toMatch(/format must be one of: json, csv, xlsx/);
    await as('staff').get(`/api/ta-plans/${planId}/matrix?page=2`).expect(refused(400, 'VALIDATION_FAILED'));
  });
});
