import { parse } from 'csv-parse/sync';
import { dirname, join } from 'node:path';
import type { Stream } from 'node:stream';
import { insertPlan, insertProduct, postActivity } from './support/activity-fixtures';
import { signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

type Body = Record<string, unknown>;

/** The text of a PDF, whitespace collapsed, and its page count. */
async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const { definePDFJSModule, extractText, getDocumentProxy } = await import('unpdf');
  // unpdf loads its PDF.js bundle with a dynamic import, which Jest's module sandbox refuses: hand it over instead.
  await definePDFJSModule(async () => require(join(dirname(require.resolve('unpdf')), 'pdfjs.mjs')));
  const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: totalPages };
}

/** Collects a binary body (PDF) as a Buffer. */
function binary(response: Stream, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer | string) => chunks.push(Buffer.from(chunk)));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('publications', () => {
  let t: TestApp;
  let staffToken: string;
  const year = new Date().getUTCFullYear() + 1;
  let planId: string;
  let otherPlanId: string;
  const products: Record<string, string> = {};
  const codes: Record<string, string> = {};

  async function activity(key: string, body: Body): Promise<void> {
    const created = await postActivity(t, staffToken, {
      planId,
      deliveryMode: 'face_to_face',
      languages: ['en'],
      topics: ['trade_facilitation'],
      leadDivision: 'ITTC',
      capacity: 25,
      budgetPlanned: '1000.00',
      ...body,
    });
    codes[key] = created.code;
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffToken = (await signedIn(t, 'staff')).token;
    planId = await insertPlan(t, {
      firstYear: year,
      lastYear: year + 1,
      title: 'Technical Assistance and Training Plan',
      notes: 'Adopted by the Committee on Trade and Development',
    });
    otherPlanId = await insertPlan(t, { firstYear: year + 2, lastYear: year + 3, title: 'Empty plan', status: 'draft' });
    products.P1 = await insertProduct(t, planId, { code: 'P1', name: 'General trade policy courses', plannedBudget: '1234567.50' });
    products.P2 = await insertProduct(t, planId, { code: 'P2', name: 'Specialized national assistance', plannedBudget: '250000.05', fundingSource: 'global_trust_fund' });
    const [{ id: keyResultId }] = await t.dataSource.query(
      `INSERT INTO key_results (plan_id, code, title, position) VALUES ($1, 'KR1', 'Officials implement WTO agreements', 0) RETURNING id`,
      [planId],
    );
    const [{ id: indicatorId }] = await t.dataSource.query(
      `INSERT INTO indicators (key_result_id, description, unit, baseline, target, position)
       VALUES ($1, 'Share of participants applying what they learned', 'percent', 55.5, 80.25, 0) RETURNING id`,
      [keyResultId],
    );
    await t.dataSource.query(`INSERT INTO indicator_actuals (indicator_id, year, value) VALUES ($1, $2, 61.75)`, [indicatorId, year]);
    await t.dataSource.query(`INSERT INTO key_results (plan_id, code, title, position) VALUES ($1, 'KR2', 'Ministries apply the agreements (Bộ Công Thương, 商务部)', 1)`, [planId]);

    await activity('global', {
      productId: products.P1,
      title: 'Advanced course on trade policy',
      type: 'global',
      languages: ['en', 'fr'],
      startDate: `${year}-03-10`,
      endDate: `${year}-03-21`,
      venueCity: 'Genève',
      venueCountry: 'CHE',
    });
    await activity('regional', {
      productId: products.P1,
      title: 'Regional workshop on SPS',
      type: 'regional',
      region: 'asia_pacific',
      beneficiaryCountries: ['THA', 'VNM'],
      languages: ['en'],
      plannedQuarter: `${year}-Q3`,
      // Beyond Latin-1: printed in the embedded Unicode fonts, not folded or turned into "?".
      venueCity: 'Hà Nội',
      venueCountry: 'VNM',
    });
    await activity('national', {
      productId: products.P2,
      title: '=Taller nacional sobre facilitación del comercio',
      type: 'national',
      beneficiaryCountries: ['BOL'],
      deliveryMode: 'online',
      languages: ['es'],
      startDate: `${year}-06-02`,
      endDate: `${year}-06-04`,
    });
    await activity('nextYear', {
      productId: products.P2,
      title: 'Course of the following year',
      type: 'global',
      startDate: `${year + 1}-02-01`,
      endDate: `${year + 1}-02-05`,
    });
    await t.dataSource.query(`UPDATE activities SET status = 'confirmed' WHERE code = $1`, [codes.global]);
  });
  afterAll(() => t.close());

  describe('GET /api/publications/activities', () => {
    it('gives the year as a PDF for print, grouped by product then region, with page numbers, without signing in', async () => {
      const response = await t.http.get(`/api/publications/activities?year=${year}&format=pdf`).buffer(true).parse(binary).expect(200);
      expect(response.headers['content-type']).toContain('application/pdf');
      const { text, pages } = await pdfText(response.body as Buffer);
      expect(text).toContain(`Technical assistance activities ${year}`);
      expect(text).toContain(`page 1 of ${pages}`);
      for (const key of ['global', 'regional', 'national']) expect(text).toContain(codes[key]);
      expect(text).not.toContain(codes.nextYear);
      expect(text).toContain('Advanced course on trade policy');
      expect(text).toContain('Genève, Switzerland');
      expect(text).toContain('Hà Nội');
      expect(text).toContain('English, French');
      expect(text).toContain('confirmed');
      expect(text).toContain(`${year}-Q3 (planned)`);
      expect(text).toContain('Online');
      expect(text).toContain('Taller nacional sobre facilitación del comercio');
      // Product headers in order, each followed by its regions.
      const p1 = text.indexOf('P1 General trade policy courses');
      const p2 = text.indexOf('P2 Specialized national assistance');
      expect(p1).toBeGreaterThan(-1);
      expect(p2).toBeGreaterThan(p1);
      const asia = text.indexOf('Asia and the Pacific');
      const global = text.indexOf('Global and interregional');
      expect(asia).toBeGreaterThan(p1);
      expect(global).toBeGreaterThan(asia);
      expect(global).toBeLessThan(p2);
      expect(text.indexOf('Latin America', p2)).toBeGreaterThan(p2);
    });

    it('gives the year as a CSV with a byte order mark that reads back', async () => {
      const response = await t.http.get(`/api/publications/activities?year=${year}&format=csv`).buffer(true).parse(binary).expect(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const content = response.body as Buffer;
      expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(content, { bom: true, columns: true }) as Record<string, string>[];
      expect(rows.map((row) => row.activityCode)).toEqual([codes.regional, codes.global, codes.national]);
      expect(rows[1]).toMatchObject({
        productCode: 'P1',
        productName: 'General trade policy courses',
        region: 'Global and interregional',
        title: 'Advanced course on trade policy',
        startDate: `${year}-03-10`,
        endDate: `${year}-03-21`,
        venue: 'Genève, Switzerland',
        languages: 'en fr',
        status: 'confirmed',
      });
      expect(rows[0]).toMatchObject({ region: 'Asia and the Pacific', plannedQuarter: `${year}-Q3`, startDate: '', status: 'planned' });
      // A title a spreadsheet would run as a formula is neutralised.
      expect(rows[2]).toMatchObject({ title: "'=Taller nacional sobre facilitación del comercio", venue: 'Online', region: 'Latin America', languages: 'es' });
    });

    it('an empty year is an empty list, not an error', async () => {
      const csv = await t.http.get('/api/publications/activities?year=2001&format=csv').buffer(true).parse(binary).expect(200);
      expect(parse(csv.body as Buffer, { bom: true, columns: true })).toEqual([]);
      const pdf = await t.http.get('/api/publications/activities?year=2001').buffer(true).parse(binary).expect(200);
      expect((await pdfText(pdf.body as Buffer)).text).toContain('No activities are planned for 2001');
    });

    it.each(['', 'year=abc', 'year=1800', 'year=2027.5', `year=${year}&format=xlsx`, `year=${year}&other=1`])('refuses ?%s with 400', async (query) => {
      const response = await t.http.get(`/api/publications/activities?${query}`).expect(refused(400, 'VALIDATION_FAILED'));
      expect(JSON.stringify(response.body.message)).toMatch(/year|format|other/);
    });
  });

  describe('GET /api/ta-plans/:id/document.pdf', () => {
    it('is the plan as a document: title page, budgets, results framework and products matrix', async () => {
      const response = await t.http.get(`/api/ta-plans/${planId}/document.pdf`).buffer(true).parse(binary).expect(200);
      expect(response.headers['content-type']).toContain('application/pdf');
      const { text, pages } = await pdfText(response.body as Buffer);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(text).toContain(`TA Plan ${year}-${year + 1}`);
      expect(text).toContain('Technical Assistance and Training Plan');
      expect(text).toContain('Adopted by the Committee on Trade and Development');
      expect(text).toContain('Total planned budget: CHF 1,484,567.55');
      expect(text).toContain('P1 General trade policy courses');
      expect(text).toContain('1,234,567.50');
      expect(text).toContain('250,000.05');
      expect(text).toContain('Global Trust Fund');
      expect(text).toContain('KR1. Officials implement WTO agreements');
      expect(text).toContain('KR2. Ministries apply the agreements (Bộ Công Thương, 商务部)');
      expect(text).toContain('Share of participants applying what they learned');
      expect(text).toContain('55.50');
      expect(text).toContain('80.25');
      expect(text).toContain(`${year}: 61.75`);
      expect(text).toContain('Products matrix');
      // P1: one planned (regional), one confirmed (global); P2: two planned.
      expect(text).toMatch(/P1 General trade policy courses 1 1 0 0 0 0 0 2/);
      expect(text).toMatch(/P2 Specialized national assistance 2 0 0 0 0 0 0 2/);
      expect(text).toMatch(/All products 3 1 0 0 0 0 0 4/);
      expect(text).toContain(`page ${pages} of ${pages}`);
    });

    it('prints a plan without products or results', async () => {
      const response = await t.http.get(`/api/ta-plans/${otherPlanId}/document.pdf`).buffer(true).parse(binary).expect(200);
      const { text } = await pdfText(response.body as Buffer);
      expect(text).toContain('The plan has no products yet');
      expect(text).toContain('The plan has no results framework yet');
    });

    it('answers 404 for an unknown plan and 400 for a malformed id', async () => {
      await t.http.get('/api/ta-plans/00000000-0000-4000-8000-000000000000/document.pdf').expect(refused(404, 'PLAN_NOT_FOUND'));
      await t.http.get('/api/ta-plans/nope/document.pdf').expect(refused(400, 'VALIDATION_FAILED'));
    });
  });
});
