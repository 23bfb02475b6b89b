import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { dirname, join } from 'node:path';
import type { Stream } from 'node:stream';
import type { Response } from 'supertest';
import { auditReportPdf } from '../libs/audit/src/exports/audit-report-pdf';
import { buildDataSet } from './support/audit-dataset';
import { NAMES_IN_ANY_SCRIPT, namesMissing, pdfText } from './support/pdf-text';
import { signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

/** Collects the body as bytes whatever its type, so every format is checked as the file a user saves. */
function binary(response: Stream, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer | string) => chunks.push(Buffer.from(chunk)));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

type CsvRow = { section: string; dimension: string; key: string; metric: string; value: string };

describe('Technical Cooperation Audit report exports', () => {
  let t: TestApp;
  let auditor: string;
  let reportId: string;
  let data: Record<string, any>;
  let checksum: string;

  const download = (format: string, id = reportId, token = auditor) =>
    // As sent, uncompressed (the API compresses CSV and JSON for clients that accept it, test/compression.e2e-spec.ts).
    t.http.get(`/api/audit-reports/${id}/export`).query({ format }).set('accept-encoding', 'identity').auth(token, { type: 'bearer' }).buffer(true).parse(binary);

  const expectAttachment = (response: Response, filename: string, type: RegExp) => {
    expect(response.headers['content-type']).toMatch(type);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${filename}"`);
    expect(Number(response.headers['content-length'])).toBe((response.body as Buffer).length);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await buildDataSet(t);
    await t.startWorker();
    auditor = (await signedIn(t, 'auditor')).token;
    const requested = await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: 2025 }).expect(202);
    reportId = requested.body.id;
    const deadline = Date.now() + 60000;
    for (;;) {
      const { body } = await t.http.get(`/api/audit-reports/${reportId}`).auth(auditor, { type: 'bearer' }).expect(200);
      if (body.status === 'completed') {
        data = body.data;
        checksum = body.checksum;
        break;
      }
      if (Date.now() > deadline) throw new Error(`report ${reportId} is still ${body.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(() => t.close());

  it('downloads the stored snapshot as JSON', async () => {
    const response = await download('json').expect(200);
    expectAttachment(response, 'audit-2025-v1.json', /^application\/json/);
    expect(JSON.parse(response.body.toString('utf8'))).toEqual(data);
    expect(data.totals.participations).toBe(7);
  });

  it('renders a format once per snapshot: concurrent and later requests share the job and the cached file', async () => {
    const [first, second] = await Promise.all([download('csv').expect(200), download('csv').expect(200)]);
    expect(first.body.equals(second.body)).toBe(true);
    const exports = await t.dataSource.query('SELECT file_id AS "fileId", checksum FROM audit_report_exports WHERE report_id = $1 AND format = $2', [
      reportId,
      'csv',
    ]);
    expect(exports).toEqual([{ fileId: expect.any(String), checksum }]);
    const [{ count: filesBefore }] = await t.dataSource.query('SELECT count(*)::int AS count FROM stored_files');

    const again = await download('csv').expect(200);
    expect(again.body.equals(first.body)).toBe(true);
    const [{ count: filesAfter }] = await t.dataSource.query('SELECT count(*)::int AS count FROM stored_files');
    expect(filesAfter).toBe(filesBefore);
    const [{ count: rows }] = await t.dataSource.query("SELECT count(*)::int AS count FROM audit_report_exports WHERE report_id = $1 AND format = 'csv'", [reportId]);
    expect(rows).toBe(1);
  });

  it('exports CSV in long format that reads back to the JSON figures', async () => {
    const response = await download('csv').expect(200);
    expectAttachment(response, 'audit-2025-v1.csv', /^text\/csv; charset=utf-8/);
    const content: Buffer = response.body;
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: CsvRow[] = parse(content, { columns: true, bom: true });
    expect(Object.keys(rows[0])).toEqual(['section', 'dimension', 'key', 'metric', 'value']);
    const value = (section: string, dimension: string, key: string, metric: string) =>
      rows.find((row) => row.section === section && row.dimension === dimension && row.key === key && row.metric === metric)?.value;

    expect(value('totals', '', '', 'participations')).toBe('7');
    expect(value('totals', '', '', 'budgetActual')).toBe('2900.50');
    expect(value('byRegion', 'region', 'africa', 'participations')).toBe('5');
    expect(value('byRegion', 'region', 'africa', 'participants')).toBe('3');
    expect(value('keyResults', 'KR1', 'Officials trained', 'achievement')).toBe('0.8');
    expect(value('keyResults', 'KR1', 'Officials trained', 'target')).toBe('100.00');
    expect(value('budget', 'fundingSource', 'partner', 'budgetActual')).toBe('600.50');
    expect(value('budget', 'product', 'B', 'budgetActual')).toBe('600.50');
    expect(value('evaluation', '', '', 'satisfaction_5')).toBe('2');
    expect(value('topBeneficiaryCountries', 'country', 'SEN', 'ldc')).toBe('true');
    expect(value('changeVsPreviousYear', 'metric', 'participations', 'previous')).toBe('1');
    expect(value('changeVsPreviousYear', 'metric', 'budgetActual', 'changeShare')).toBe('31.2278');

    // Every total, every dimension figure and every change row, against the JSON.
    const text = (figure: unknown) => (figure === null ? '' : String(figure));
    for (const [metric, figure] of Object.entries(data.totals)) expect([metric, value('totals', '', '', metric)]).toEqual([metric, text(figure)]);
    for (const row of data.byDeliveryMode) {
      for (const [metric, figure] of Object.entries(row)) {
        if (metric !== 'key') expect(value('byDeliveryMode', 'deliveryMode', row.key, metric)).toBe(text(figure));
      }
    }
    for (const row of data.changeVsPreviousYear.rows) {
      for (const metric of ['current', 'previous', 'change', 'changeShare']) {
        expect(value('changeVsPreviousYear', 'metric', row.metric, metric)).toBe(text(row[metric]));
      }
    }
  });

  it('exports XLSX with a sheet per section, typed cells and number formats', async () => {
    const response = await download('xlsx').expect(200);
    expectAttachment(response, 'audit-2025-v1.xlsx', /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/);
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Totals',
      'Key results',
      'By product category',
      'By type',
      'By region',
      'By delivery mode',
      'By PLS level',
      'By topic',
      'By lead division',
      'Top countries',
      'Evaluation',
      'Budget by funding source',
      'Budget by product',
      'Change vs previous year',
    ]);
    const totals = workbook.getWorksheet('Totals')!;
    expect(totals.getRow(1).values).toEqual([undefined, 'Metric', 'Value', 'Field']);
    expect(totals.getRow(1).font?.bold).toBe(true);
    expect(totals.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const totalsCell = (field: string) => {
      const row = totals.getRows(2, totals.rowCount - 1)!.find((candidate) => candidate.getCell(3).value === field)!;
      return row.getCell(2);
    };
    expect(totalsCell('budgetActual').value).toBe(2900.5);
    expect(totalsCell('budgetActual').numFmt).toBe('#,##0.00');
    expect(totalsCell('completionRate').value).toBe(0.5714);
    expect(totalsCell('completionRate').numFmt).toBe('0.0%');
    expect(totalsCell('participations').value).toBe(7);
    expect(totalsCell('participations').numFmt).toBe('#,##0');
    expect(totalsCell('learningGain').numFmt).toBe('0.00');

    const byRegion = workbook.getWorksheet('By region')!;
    expect(byRegion.getRow(1).values).toEqual([
      undefined,
      'Region',
      'Activities',
      'Participations',
      'Participants',
      'Completed',
      'Completion rate',
      'Women',
      'Women share',
      'LDC participations',
      'LDC share',
      'Budget planned (CHF)',
      'Budget actual (CHF)',
    ]);
    const africa = byRegion.getRows(2, byRegion.rowCount - 1)!.find((row) => row.getCell(1).value === 'africa')!;
    expect([africa.getCell(2).value, africa.getCell(3).value, africa.getCell(4).value]).toEqual([2, 5, 3]);
    expect(byRegion.rowCount - 1).toBe(data.byRegion.length);

    const funding = workbook.getWorksheet('Budget by funding source')!;
    const partner = funding.getRow(2);
    expect([partner.getCell(1).value, partner.getCell(4).value, partner.getCell(4).numFmt, partner.getCell(5).value]).toEqual(['partner', 600.5, '#,##0.00', 1.201]);
  });

  it('exports a PDF a committee can read: title, key figures, charts and section tables', async () => {
    const response = await download('pdf').expect(200);
    expectAttachment(response, 'audit-2025-v1.pdf', /^application\/pdf/);
    const content: Buffer = response.body;
    expect(content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { definePDFJSModule, extractText, getDocumentProxy } = await import('unpdf');
    // unpdf loads its PDF.js bundle with a dynamic import, which Jest's module sandbox refuses: hand it over instead.
    await definePDFJSModule(async () => require(join(dirname(require.resolve('unpdf')), 'pdfjs.mjs')));
    const pdf = await getDocumentProxy(new Uint8Array(content));
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    expect(totalPages).toBeGreaterThanOrEqual(6);
    const [titlePage, keyFigures] = text;
    expect(titlePage).toContain('Technical Cooperation Audit 2025');
    expect(titlePage).toContain('Version: 1');
    expect(titlePage).toContain(checksum);
    expect(keyFigures).toContain('Key figures 2025');
    expect(keyFigures).toMatch(/Participations\s+7\s/);
    expect(keyFigures).toMatch(/Participants\s+5\s/);
    expect(keyFigures).toMatch(/Completion rate\s+57\.1%/);
    expect(keyFigures).toMatch(/Women share\s+57\.1%/);
    expect(keyFigures).toMatch(/LDC share\s+42\.9%/);
    expect(keyFigures).toMatch(/Budget execution\s+82\.9%/);
    expect(keyFigures).toMatch(/Results met\s+50\.0%/);
    const all = text.join('\n');
    for (const title of ['Participants by region', 'Women share by product category', 'Activities by delivery mode', 'Budget planned vs actual by funding source']) {
      expect(all).toContain(title);
    }
    for (const table of ['Totals', 'Key results: indicators against targets', 'By region', 'Top beneficiary countries', 'Evaluation results', 'Budget by product', 'Change against 2024']) {
      expect(all).toContain(table);
    }
    expect(all).toContain('2,900.50');
    expect(all).toMatch(/Partner\s+1\s+500\.00\s+600\.50\s+120\.1%/);
    // The charts are vector paths, not images.
    expect(content.includes(Buffer.from('/Subtype /Image'))).toBe(false);
  });

  it('prints names in any script (the countries’ and the products’ names as the data holds them)', async () => {
    const named = structuredClone(data) as Record<string, any>;
    expect(named.topBeneficiaryCountries.length).toBeGreaterThan(0);
    named.topBeneficiaryCountries = NAMES_IN_ANY_SCRIPT.map((name, index) => ({ ...named.topBeneficiaryCountries[0], key: `X${index}X`, name }));
    named.budget.byProduct = named.budget.byProduct.map((row: Record<string, unknown>, index: number) => ({ ...row, name: NAMES_IN_ANY_SCRIPT[index % 4] }));
    const content = await auditReportPdf({ id: reportId, year: 2025, version: 1, checksum, completedAt: new Date(), finalizedAt: null }, named as never);
    const text = await pdfText(content);
    expect(namesMissing(text)).toEqual([]);
    expect(text).not.toContain('?');
  });

  it('refuses a report that is not completed, naming its status', async () => {
    const [{ id: queued }] = await t.dataSource.query("INSERT INTO audit_reports (year, version) VALUES (2031, 1) RETURNING id");
    const [{ id: failed }] = await t.dataSource.query("INSERT INTO audit_reports (year, version, status, error) VALUES (2030, 1, 'failed', 'boom') RETURNING id");
    const whenQueued = await t.http.get(`/api/audit-reports/${queued}/export`).query({ format: 'pdf' }).auth(auditor, { type: 'bearer' }).expect(refused(409, 'AUDIT_REPORT_NOT_COMPLETED', { status: 'queued' }));
    expect(whenQueued.body.message).toMatch(/queued/);
    const whenFailed = await t.http.get(`/api/audit-reports/${failed}/export`).query({ format: 'json' }).auth(auditor, { type: 'bearer' }).expect(refused(409, 'AUDIT_REPORT_NOT_COMPLETED', { status: 'failed' }));
    expect(whenFailed.body.message).toMatch(/failed/);
  });

  it('refuses a bad format and an unknown report', async () => {
    const bad = await t.http.get(`/api/audit-reports/${reportId}/export`).query({ format: 'docx' }).auth(auditor, { type: 'bearer' }).expect(refused(400, 'VALIDATION_FAILED'));
    expect(JSON.stringify(bad.body.message)).toMatch(/json, csv, xlsx, pdf/);
    await t.http.get(`/api/audit-reports/${reportId}/export`).auth(auditor, { type: 'bearer' }).expect(refused(400, 'VALIDATION_FAILED'));
    await t.http.get('/api/audit-reports/not-a-uuid/export').query({ format: 'csv' }).auth(auditor, { type: 'bearer' }).expect(refused(400, 'VALIDATION_FAILED'));
    await t.http.get('/api/audit-reports/00000000-0000-4000-8000-000000000000/export').query({ format: 'csv' }).auth(auditor, { type: 'bearer' }).expect(refused(404, 'AUDIT_REPORT_NOT_FOUND'));
  });

  it('lets admins download, and no one else', async () => {
    const admin = await signedIn(t, 'admin');
    await download('json', reportId, admin.token).expect(200);
    for (const role of ['applicant', 'focal_point', 'staff'] as const) {
      const { token } = await signedIn(t, role);
      await t.http.get(`/api/audit-reports/${reportId}/export`).query({ format: 'csv' }).auth(token, { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
    }
    await t.http.get(`/api/audit-reports/${reportId}/export`).query({ format: 'csv' }).expect(refused(401, 'UNAUTHORIZED'));
  });
});
