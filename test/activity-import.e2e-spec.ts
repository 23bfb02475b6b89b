import type { Role } from '@trta/http';
import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';
import { insertPlan } from './support/activity-fixtures';
import { refused } from './support/refusals';

const HEADER =
  'productCode,title,type,deliveryMode,plsLevel,languages,topics,leadDivision,beneficiaryCountries,region,plannedQuarter,startDate,endDate,venueCity,venueCountry,capacity,applicationDeadline,requiresNomination,budgetPlanned,fundingSource';

describe('POST /api/ta-plans/:id/activities/import', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let year: number;
  let planId: string;
  let closedPlanId: string;

  /** One CSV line per activity, in the column order of HEADER. */
  const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';
  const upload = (body: string | Buffer, role: Role = 'staff', plan = () => planId, options = { filename: 'activities.csv', contentType: 'text/csv' }) =>
    t.http
      .post(`/api/ta-plans/${plan()}/activities/import`)
      .auth(tokens[role], { type: 'bearer' })
      .attach('file', Buffer.isBuffer(body) ? body : Buffer.from(body), options);
  const countActivities = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM activities'))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['staff', 'auditor', 'applicant', 'focal_point'] as Role[]) tokens[role] = (await signedIn(t, role)).token;
    year = new Date().getUTCFullYear();
    const staff = (path: string, body: object) => t.http.post(path).auth(tokens.staff, { type: 'bearer' }).send(body).expect(201);
    planId = (await staff('/api/ta-plans', { code: `${year}-${year + 1}`, title: 'TA Plan', periodStart: `${year}-01-01`, periodEnd: `${year + 1}-12-31` })).body.id;
    await staff(`/api/ta-plans/${planId}/products`, { code: 'GEN', name: 'General TA', category: 'general', plannedBudget: '100000.00', fundingSource: 'regular_budget' });
    await staff(`/api/ta-plans/${planId}/products`, { code: 'SPEC', name: 'Specialized TA', category: 'specialized', plannedBudget: '5000.00', fundingSource: 'partner' });
    closedPlanId = await insertPlan(t, { firstYear: year - 2, lastYear: year - 1, title: 'Old plan', status: 'closed' });
  });
  afterAll(() => t.close());

  it('creates every row of a valid file, with codes, in the file order', async () => {
    const before = await countActivities();
    const response = await upload(
      csv(
        `GEN,"Customs valuation, advanced",national,face_to_face,2,en|fr,trade_facilitation|market_access,ittc,ken,,${year}-Q2,${year}-05-04,${year}-05-08,Nairobi,KEN,25,${year}-04-01,yes,45000.50,`,
        `GEN,Regional SPS workshop,regional,hybrid,,fr,sps,AGCD,SEN|CIV,africa,,,,,,30,,no,1200,global_trust_fund`,
        `SPEC,E-learning course on TRIPS,global,e_learning,1,es,trips,IPD,,,,,,,,500,,,0,`,
      ),
    ).expect(201);
    expect(response.body.created).toBe(3);
    expect(response.body.activities).toEqual([
      { row: 2, id: expect.any(String), code: expect.stringMatching(new RegExp(`^TA-${year}-\\d{4}$`)) },
      { row: 3, id: expect.any(String), code: expect.stringMatching(new RegExp(`^TA-${year}-\\d{4}$`)) },
      { row: 4, id: expect.any(String), code: expect.stringMatching(new RegExp(`^TA-${year}-\\d{4}$`)) },
    ]);
    expect(new Set(response.body.activities.map((activity: { code: string }) => activity.code)).size).toBe(3);
    expect(await countActivities()).toBe(before + 3);

    const get = (id: string) => t.http.get(`/api/activities/${id}`).auth(tokens.staff, { type: 'bearer' }).expect(200);
    const [national, regional, global] = await Promise.all(response.body.activities.map((activity: { id: string }) => get(activity.id)));
    expect(national.body).toMatchObject({
      code: response.body.activities[0].code,
      planId,
      title: 'Customs valuation, advanced',
      type: 'national',
      deliveryMode: 'face_to_face',
      plsLevel: 2,
      languages: ['en', 'fr'],
      topics: ['trade_facilitation', 'market_access'],
      leadDivision: 'ITTC',
      beneficiaryCountries: ['KEN'],
      region: 'africa',
      plannedQuarter: `${year}-Q2`,
      startDate: `${year}-05-04`,
      endDate: `${year}-05-08`,
      venueCity: 'Nairobi',
      venueCountry: 'KEN',
      capacity: 25,
      applicationDeadline: `${year}-04-01`,
      requiresNomination: true,
      budgetPlanned: '45000.50',
      fundingSource: 'regular_budget',
      status: 'planned',
      version: 1,
    });
    expect(regional.body).toMatchObject({ beneficiaryCountries: ['SEN', 'CIV'], region: 'africa', plsLevel: null, requiresNomination: false, budgetPlanned: '1200.00', fundingSource: 'global_trust_fund' });
    expect(global.body).toMatchObject({ beneficiaryCountries: [], region: null, budgetPlanned: '0.00', fundingSource: 'partner', languages: ['es'] });
    const history = await t.http.get(`/api/activities/${national.body.id}/history`).auth(tokens.staff, { type: 'bearer' }).expect(200);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ action: 'create', changes: expect.objectContaining({ code: national.body.code, title: 'Customs valuation, advanced' }) });
  });

  it('imports nothing when 2 rows of 4 are bad, and lists every problem of both', async () => {
    const before = await countActivities();
    const response = await upload(
      csv(
        `GEN,Good row one,global,online,,en,general,ITTC,,,,,,,,20,,,100.00,`,
        `NOPE,Bad row,continental,online,,en,general,ITTC,,,,,,,,ten,,,100.00,`,
        `GEN,Good row two,global,online,,en,general,ITTC,,,,,,,,20,,,100.00,`,
        `GEN,Rules broken,national,online,,en,general,ITTC,KEN|SEN,,,${year + 5}-01-01,${year + 5}-01-02,,,20,,,100.005,`,
      ),
    ).expect(refused(422, 'IMPORT_ROWS_INVALID'));
    expect(response.body.message).toBe('2 of 4 rows have problems; nothing was imported');
    const errors = response.body.errors as { row: number; field: string | null; problem: string }[];
    expect(new Set(errors.map((error) => error.row))).toEqual(new Set([3, 5]));
    expect([...new Set(errors.filter((error) => error.row === 3).map((error) => error.field))].sort()).toEqual(['capacity', 'productCode', 'type']);
    expect(errors).toContainEqual({ row: 3, field: 'productCode', problem: `productCode NOPE is not a product of plan ${year}-${year + 1}` });
    expect(errors).toContainEqual({ row: 3, field: 'capacity', problem: 'capacity must be a whole number' });
    expect(errors).toContainEqual({ row: 5, field: 'budgetPlanned', problem: expect.stringMatching(/budgetPlanned must be a decimal/) });
    expect(await countActivities()).toBe(before);

    // The same row with its money fixed still breaks the rules of ActivitiesService.create.
    const rules = await upload(
      csv(`GEN,Good row,global,online,,en,general,ITTC,,,,,,,,20,,,100.00,`, `GEN,Rules broken,national,online,,en,general,ITTC,KEN|SEN,,,${year + 5}-01-01,${year + 5}-01-02,,,20,,,100.00,`),
    ).expect(refused(422, 'IMPORT_ROWS_INVALID'));
    expect(rules.body.errors).toEqual([
      { row: 3, field: 'beneficiaryCountries', problem: 'beneficiaryCountries must list exactly one country for a national activity (got 2)' },
      { row: 3, field: 'startDate', problem: `startDate ${year + 5}-01-01 is outside the plan period ${year}-01-01 to ${year + 1}-12-31` },
      { row: 3, field: 'endDate', problem: `endDate ${year + 5}-01-02 is outside the plan period ${year}-01-01 to ${year + 1}-12-31` },
    ]);
    expect(await countActivities()).toBe(before);
  });

  it('names unknown reference codes, rows of the wrong length and missing fields, keeping spreadsheet row numbers', async () => {
    const response = await upload(
      csv(
        `GEN,Unknown codes,global,online,,en,astrology,NOPE,,,,,,,,20,,,1.00,`,
        '',
        `GEN,Too short,global`,
        `GEN,,global,online,,,general,ITTC,,,,,,,,20,,maybe,1.00,`,
      ),
    ).expect(refused(422, 'IMPORT_ROWS_INVALID'));
    const errors = response.body.errors as { row: number; field: string | null; problem: string }[];
    expect(errors.filter((error) => error.row === 2)).toEqual([
      { row: 2, field: 'topics', problem: 'topics has unknown topic codes: astrology' },
      { row: 2, field: 'leadDivision', problem: 'leadDivision NOPE is not a known division code' },
    ]);
    expect(errors.filter((error) => error.row === 3)).toEqual([]);
    expect(errors.filter((error) => error.row === 4)).toEqual([{ row: 4, field: null, problem: 'the row has 3 values where the header has 20 columns' }]);
    expect([...new Set(errors.filter((error) => error.row === 5).map((error) => error.field))].sort()).toEqual(['languages', 'requiresNomination', 'title']);
    expect(errors).toContainEqual({ row: 5, field: 'title', problem: 'title is required' });
    expect(errors).toContainEqual({ row: 5, field: 'languages', problem: 'languages is required' });
    expect(errors.map((error) => error.row)).toEqual([...errors.map((error) => error.row)].sort());
    expect(response.body.message).toBe('3 of 3 rows have problems; nothing was imported');
  });

  it('checks a file without saving anything: every row with its problems, each with a code', async () => {
    const before = await countActivities();
    const check = (body: string, role: Role = 'staff', plan = planId) =>
      t.http.post(`/api/ta-plans/${plan}/activities/import/check`).auth(tokens[role], { type: 'bearer' }).attach('file', Buffer.from(body), { filename: 'a.csv', contentType: 'text/csv' });
    const response = await check(
      csv(
        `GEN,Good row,global,online,,en,general,ITTC,,,,,,,,20,,,100.00,`,
        `NOPE,Bad row,continental,online,,en,general,ITTC,,,,,,,,ten,,,100.00,`,
        `GEN,Too short,global`,
        `GEN,Unknown codes,global,online,,en,astrology,ITTC,,,,,,,,20,,,1.00,`,
      ),
    ).expect(200);
    expect(await countActivities()).toBe(before);
    expect(response.body).toMatchObject({ rowCount: 4, validRows: 1, invalidRows: 3 });
    const [good, bad, short, unknown] = response.body.rows;
    expect(good).toEqual({ row: 2, productCode: 'GEN', title: 'Good row', problems: [] });
    expect(bad).toMatchObject({ row: 3, productCode: 'NOPE', title: 'Bad row' });
    expect(bad.problems).toContainEqual({ field: 'productCode', code: 'PRODUCT_NOT_IN_PLAN', params: { productCode: 'NOPE', planCode: `${year}-${year + 1}` }, problem: `productCode NOPE is not a product of plan ${year}-${year + 1}` });
    expect(bad.problems).toContainEqual({ field: 'capacity', code: 'IS_INT', params: {}, problem: 'capacity must be a whole number' });
    expect(bad.problems).toContainEqual(expect.objectContaining({ field: 'type', code: 'IS_IN', params: { values: ['national', 'regional', 'global'] } }));
    expect(short).toEqual({ row: 4, productCode: null, title: null, problems: [{ field: null, code: 'ROW_LENGTH_MISMATCH', params: {}, problem: 'the row has 3 values where the header has 20 columns' }] });
    expect(unknown.problems).toEqual([{ field: 'topics', code: 'REFERENCE_CODES_UNKNOWN', params: {}, problem: 'topics has unknown topic codes: astrology' }]);

    await check(csv(`GEN,A,global,online,,en,general,ITTC,,,,,,,,20,,,1.00,`), 'staff', closedPlanId).expect(refused(409, 'PLAN_CLOSED'));
    await check(csv(`GEN,A,global,online,,en,general,ITTC,,,,,,,,20,,,1.00,`), 'auditor').expect(refused(403, 'FORBIDDEN'));
    await t.http.post(`/api/ta-plans/${planId}/activities/import/check`).auth(tokens.staff, { type: 'bearer' }).field('note', 'x').expect(refused(400, 'IMPORT_FILE_MISSING'));
  });

  it('offers a template that names every column, whose example row checks and imports', async () => {
    const response = await t.http.get(`/api/ta-plans/${planId}/activities/import/template`).auth(tokens.staff, { type: 'bearer' }).buffer(true).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="activities-import-${year}-${year + 1}.csv"`);
    const text = response.text;
    const [header, example] = text.trim().split('\r\n');
    expect(header.split(',')).toEqual([...HEADER.split(','), 'nominationQuota', 'prerequisiteLevel', 'partners']);
    expect(example.startsWith('GEN,Regional workshop on trade facilitation,regional,')).toBe(true);
    const checked = await t.http
      .post(`/api/ta-plans/${planId}/activities/import/check`)
      .auth(tokens.staff, { type: 'bearer' })
      .attach('file', Buffer.from(text), { filename: 'template.csv', contentType: 'text/csv' })
      .expect(200);
    expect(checked.body).toMatchObject({ rowCount: 1, validRows: 1, invalidRows: 0 });
    const imported = await upload(text).expect(201);
    const activity = await t.http.get(`/api/activities/${imported.body.activities[0].id}`).auth(tokens.staff, { type: 'bearer' }).expect(200);
    expect(activity.body).toMatchObject({ partners: ['WCO', 'UNCTAD'], nominationQuota: 2, requiresNomination: true, region: 'africa', beneficiaryCountries: ['KEN', 'TZA', 'UGA'] });
    await t.http.get('/api/ta-plans/00000000-0000-4000-8000-000000000000/activities/import/template').auth(tokens.staff, { type: 'bearer' }).expect(refused(404, 'PLAN_NOT_FOUND'));
    await t.http.get(`/api/ta-plans/${planId}/activities/import/template`).auth(tokens.applicant, { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
  });

  it('refuses a header with a repeated, unknown or missing column with 400', async () => {
    const row = `GEN,A,global,online,,en,general,ITTC,,,,,,,,20,,,1.00,`;
    let response = await upload(`${HEADER},title\r\n${row},B\r\n`).expect(refused(400, 'CSV_HEADER_INVALID'));
    expect(response.body.message).toMatch(/the header repeats the columns: title/);
    response = await upload(`${HEADER},colour\r\n${row},red\r\n`).expect(refused(400, 'CSV_HEADER_INVALID'));
    expect(response.body.message).toMatch(/the header has unknown columns: colour/);
    response = await upload('productCode,type,deliveryMode\r\nGEN,global,online\r\n').expect(refused(400, 'CSV_HEADER_INVALID'));
    expect(response.body.message).toMatch(/the header lacks the required columns: title, languages, topics, leadDivision, capacity, budgetPlanned/);
    response = await upload(`${HEADER}\r\n`).expect(refused(400, 'CSV_EMPTY'));
    expect(response.body.message).toMatch(/no activity rows/);
    await upload('').expect(refused(400, 'CSV_EMPTY'));
    response = await upload(`${HEADER}\r\nGEN,"unterminated\r\n`).expect(refused(400, 'CSV_INVALID'));
    expect(response.body.message).toMatch(/not valid CSV/);
  });

  it('accepts semicolons and a byte-order mark, as spreadsheets save them', async () => {
    const text = `\uFEFF${HEADER.replaceAll(',', ';')}\r\nGEN;Semicolon row;global;online;;en;general;ITTC;;;;;;;;20;;;1.00;\r\n`;
    const response = await upload(text).expect(201);
    expect(response.body.created).toBe(1);
  });

  it('refuses what is not a CSV file with 415', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    await upload(png, 'staff', () => planId, { filename: 'picture.png', contentType: 'image/png' }).expect(refused(415, 'CSV_REQUIRED'));
    await upload(png, 'staff', () => planId, { filename: 'activities.csv', contentType: 'text/csv' }).expect(refused(415, 'CSV_REQUIRED'));
    await upload(Buffer.from([0xc3, 0x28, 0x41]), 'staff', () => planId, { filename: 'activities.csv', contentType: 'text/csv' }).expect(refused(415, 'CSV_REQUIRED'));
    await upload(csv(), 'staff', () => planId, {
      filename: 'activities.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }).expect(refused(415, 'CSV_REQUIRED'));
    await t.http
      .post(`/api/ta-plans/${planId}/activities/import`)
      .auth(tokens.staff, { type: 'bearer' })
      .send({ csv: HEADER })
      .expect(refused(415, 'UNSUPPORTED_MEDIA_TYPE'));
    await t.http.post(`/api/ta-plans/${planId}/activities/import`).auth(tokens.staff, { type: 'bearer' }).set('content-type', 'text/csv').send(csv()).expect(refused(415, 'UNSUPPORTED_MEDIA_TYPE'));
  });

  it('refuses a multipart request without a file with 400', async () => {
    await t.http
      .post(`/api/ta-plans/${planId}/activities/import`)
      .auth(tokens.staff, { type: 'bearer' })
      .field('note', 'the file was forgotten')
      .expect(refused(400, 'IMPORT_FILE_MISSING'));
  });

  it('answers 404 for an unknown plan and 409 for a closed one', async () => {
    const row = csv(`GEN,A,global,online,,en,general,ITTC,,,,,,,,20,,,1.00,`);
    await upload(row, 'staff', () => '00000000-0000-4000-8000-000000000000').expect(refused(404, 'PLAN_NOT_FOUND'));
    await upload(row, 'staff', () => closedPlanId).expect(refused(409, 'PLAN_CLOSED'));
  });

  it('is for staff only', async () => {
    const before = await countActivities();
    const body = csv(`GEN,A,global,online,,en,general,ITTC,,,,,,,,20,,,1.00,`);
    for (const role of ['applicant', 'focal_point', 'auditor'] as Role[]) await upload(body, role).expect(refused(403, 'FORBIDDEN'));
    await t.http.post(`/api/ta-plans/${planId}/activities/import`).attach('file', Buffer.from(body), 'a.csv').expect(refused(401, 'UNAUTHORIZED'));
    expect(await countActivities()).toBe(before);
  });
});
