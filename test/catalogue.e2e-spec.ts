import { activityWithSheet, currentPlanWithProduct, day, sheetTexts, uniqueVenueCity, type ActivityWithSheetOptions, type PlanAndProduct } from './support/activity-fixtures';
import { signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

type Body = Record<string, unknown>;
type Item = Record<string, unknown> & { id: string };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Title (handbook) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe('public catalogue', () => {
  let t: TestApp;
  let staffToken: string;
  let plan: PlanAndProduct;
  /** Published and open, in the catalogue. */
  const listed: Record<string, Item> = {};
  /** Not in the catalogue, each for its own reason. */
  const hidden: Record<string, Item> = {};
  let handbookPath: string;

  const staff = {
    post: (path: string, body: Body = {}) => t.http.post(path).auth(staffToken, { type: 'bearer' }).send(body),
  };

  /**
   * An activity with a sheet, open and published unless told otherwise, in a city of its own, with an
   * actual budget the public must not see; `deadline` is the day applications close.
   */
  const activity = (options: ActivityWithSheetOptions & { deadline?: number }): Promise<Item> =>
    activityWithSheet(t, staffToken, plan, {
      ...options,
      overrides: { budgetActual: '12.00', venueCity: uniqueVenueCity(), applicationDeadline: day(options.deadline ?? 30), ...options.overrides },
    });

  beforeAll(async () => {
    t = await createTestApp();
    staffToken = (await signedIn(t, 'staff')).token;
    plan = await currentPlanWithProduct(t);

    listed.bilingual = await activity({
      overrides: { title: 'Advanced course on trade facilitation', languages: ['en', 'fr'], plsLevel: 3 },
      sheet: {
        objectives: { en: 'Master the zanzibarite procedures', fr: 'Maîtriser les procédures' },
        targetAudience: { en: 'Customs officials', fr: 'Fonctionnaires des douanes' },
        applicationRequirements: { en: 'Nomination', fr: 'Nomination' },
        programme: { en: 'Five days', fr: 'Cinq jours' },
      },
      deadline: 20,
    });
    listed.french = await activity({
      overrides: {
        title: 'Atelier régional sur les mesures sanitaires',
        languages: ['fr', 'en'],
        type: 'regional',
        region: 'africa',
        beneficiaryCountries: ['SEN', 'CIV'],
        deliveryMode: 'online',
        venueCity: null,
        venueCountry: null,
        topics: ['sps'],
        plsLevel: 2,
      },
      sheet: sheetTexts('fr', 'en français'),
      deadline: 10,
    });
    listed.national = await activity({
      overrides: { title: 'National workshop on accession', type: 'national', beneficiaryCountries: ['KEN'], topics: ['accessions'], plsLevel: 1 },
      sheet: sheetTexts('en', 'for Kenya'),
      deadline: 40,
    });
    for (let index = 0; index < 4; index++) {
      listed[`more${index}`] = await activity({ sheet: sheetTexts('en', `number ${index}`), deadline: 20 + index });
    }
    hidden.unpublished = await activity({ sheet: sheetTexts('en', 'zanzibarite draft'), published: false });
    hidden.confirmed = await activity({ sheet: sheetTexts('en', 'zanzibarite confirmed'), status: 'confirmed' });
    hidden.planned = await activity({ sheet: sheetTexts('en', 'zanzibarite planned'), status: 'planned' });
    hidden.closed = await activity({ sheet: sheetTexts('en', 'zanzibarite closed'), status: 'closed' });

    const handbook = await t.http
      .post(`/api/activities/${listed.bilingual.id}/sheet/materials`)
      .auth(staffToken, { type: 'bearer' })
      .attach('file', PDF, 'Handbook.pdf')
      .field('title', 'Handbook')
      .field('kind', 'reading')
      .expect(201);
    handbookPath = `/api/catalogue/${listed.bilingual.id}/materials/${handbook.body.id}/file`;
    await staff.post(`/api/activities/${listed.bilingual.id}/sheet/materials`, { title: 'Course site', kind: 'training', url: 'https://ecampus.example.org' }).expect(201);
  });
  afterAll(() => t.close());

  async function allPages(query: string, limit: number): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const response: { body: { items: Item[]; nextCursor: string | null } } = await t.http
        .get(`/api/catalogue?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      expect(response.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);
    return items;
  }
  const ids = (items: Item[]) => items.map((item) => item.id).sort();
  const listedIds = () => Object.values(listed).map((item) => item.id).sort();

  it('lists published open activities only, to anyone, without budget, author or history', async () => {
    const response = await t.http.get('/api/catalogue').expect(200);
    expect(ids(response.body.items)).toEqual(listedIds());
    expect(response.body.nextCursor).toBeNull();
    for (const item of response.body.items as Item[]) {
      for (const field of ['budgetPlanned', 'budgetActual', 'fundingSource', 'createdBy', 'history', 'version', 'keyResults']) {
        expect([item.id, field, item[field]]).toEqual([item.id, field, undefined]);
      }
      expect(item.status).toBe('open');
    }
    // Soonest deadline first.
    expect(response.body.items[0]).toMatchObject({ id: listed.french.id, applicationDeadline: day(10) });
  });

  it('serves the asked language, or the activity’s first language when the sheet lacks it, and says which', async () => {
    const get = async (query: string, id: string) => {
      const response = await t.http.get(`/api/catalogue?${query}`).expect(200);
      return (response.body.items as Item[]).find((item) => item.id === id);
    };
    expect(await get('lang=fr', listed.bilingual.id)).toMatchObject({ servedLanguage: 'fr', objectives: 'Maîtriser les procédures', targetAudience: 'Fonctionnaires des douanes' });
    expect(await get('lang=es', listed.bilingual.id)).toMatchObject({ servedLanguage: 'en', objectives: 'Master the zanzibarite procedures' });
    expect(await get('lang=en', listed.french.id)).toMatchObject({ servedLanguage: 'fr', objectives: 'Objectives en français' });
    expect(await get('', listed.french.id)).toMatchObject({ servedLanguage: 'fr' });
    const rejection = await t.http.get('/api/catalogue?lang=de').expect(refused(400, 'VALIDATION_FAILED'));
    expect(rejection.body.message).toContain('lang must be one of: en, fr, es');
  });

  it('finds words of the sheet and of the title with full-text search', async () => {
    let response = await t.http.get('/api/catalogue?q=zanzibarite').expect(200);
    expect(ids(response.body.items)).toEqual([listed.bilingual.id]);
    response = await t.http.get('/api/catalogue?q=atelier').expect(200);
    expect(ids(response.body.items)).toEqual([listed.french.id]);
    response = await t.http.get(`/api/catalogue?q=${encodeURIComponent('"national workshop" -trade')}`).expect(200);
    expect(ids(response.body.items)).toEqual([listed.national.id]);
    response = await t.http.get('/api/catalogue?q=nothingmatchesthis').expect(200);
    expect(response.body.items).toEqual([]);
    await t.http.get(`/api/catalogue?q=${'x'.repeat(201)}`).expect(refused(400, 'VALIDATION_FAILED'));
  });

  it('filters by type, mode, level, region, topic and country', async () => {
    const only = async (query: string) => ids((await t.http.get(`/api/catalogue?${query}`).expect(200)).body.items);
    expect(await only('type=regional')).toEqual([listed.french.id]);
    expect(await only('deliveryMode=online')).toEqual([listed.french.id]);
    expect(await only('plsLevel=2')).toEqual([listed.french.id]);
    // A national activity takes its country's region.
    expect(await only('region=africa')).toEqual([listed.french.id, listed.national.id].sort());
    expect(await only('topic=accessions')).toEqual([listed.national.id]);
    expect(await only('type=national&country=ken')).toEqual([listed.national.id]);
    // Global activities are open to every country.
    expect(await only('country=SEN')).toEqual(listedIds().filter((id) => id !== listed.national.id));
    for (const query of ['type=continental', 'deliveryMode=post', 'plsLevel=4', 'country=KE', 'region=Africa!', 'colour=red']) {
      await t.http.get(`/api/catalogue?${query}`).expect(refused(400, 'VALIDATION_FAILED'));
    }
  });

  it('pages through the catalogue by deadline without repeats or gaps', async () => {
    const items = await allPages('lang=en', 2);
    expect(items).toHaveLength(Object.keys(listed).length);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(ids(items)).toEqual(listedIds());
    const deadlines = items.map((item) => item.applicationDeadline as string);
    expect([...deadlines].sort()).toEqual(deadlines);
    expect(ids(await allPages('q=number', 1))).toEqual([0, 1, 2, 3].map((index) => listed[`more${index}`].id).sort());
    const rejection = await t.http.get('/api/catalogue?cursor=garbage').expect(refused(400, 'INVALID_CURSOR'));
    expect(rejection.body.message).toBe('cursor is not a cursor this list returned');
  });

  it('shows one activity with its whole sheet and materials, and nothing outside the catalogue (404)', async () => {
    const response = await t.http.get(`/api/catalogue/${listed.bilingual.id}?lang=fr`).expect(200);
    expect(response.body).toMatchObject({
      id: listed.bilingual.id,
      code: listed.bilingual.code,
      servedLanguage: 'fr',
      objectives: 'Maîtriser les procédures',
      applicationRequirements: 'Nomination',
      programme: 'Cinq jours',
      requiredDocuments: ['cv'],
      materials: [
        { title: 'Handbook', kind: 'reading', url: null, file: { mediaType: 'application/pdf', filename: 'Handbook.pdf' }, downloadUrl: handbookPath },
        { title: 'Course site', kind: 'training', url: 'https://ecampus.example.org', file: null, downloadUrl: null },
      ],
    });
    expect(response.body.budgetPlanned).toBeUndefined();
    expect(response.body.createdBy).toBeUndefined();
    for (const item of Object.values(hidden)) await t.http.get(`/api/catalogue/${item.id}`).expect(refused(404, 'NOT_IN_CATALOGUE'));
    await t.http.get('/api/catalogue/00000000-0000-4000-8000-000000000000').expect(refused(404, 'NOT_IN_CATALOGUE'));
    await t.http.get('/api/catalogue/42').expect(refused(400, 'VALIDATION_FAILED'));
    await t.http.get(`/api/catalogue/${listed.bilingual.id}?lang=xx`).expect(refused(400, 'VALIDATION_FAILED'));
  });

  it('lets anyone download a material file of a published activity, and answers 404 otherwise', async () => {
    const file = await t.http.get(handbookPath).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe('attachment; filename="Handbook.pdf"');
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);

    // Confirmed and closed activities keep their published files downloadable; unpublished or planned ones do not.
    const upload = async (item: Item) => {
      await t.dataSource.query('UPDATE activities SET status = $2 WHERE id = $1', [item.id, 'planned']);
      const added = await t.http
        .post(`/api/activities/${item.id}/sheet/materials`)
        .auth(staffToken, { type: 'bearer' })
        .attach('file', PDF, 'notes.pdf')
        .field('title', 'Notes')
        .field('kind', 'reading')
        .expect(201);
      return `/api/catalogue/${item.id}/materials/${added.body.id}/file`;
    };
    const paths: Record<string, string> = {};
    for (const [name, item] of Object.entries(hidden)) paths[name] = await upload(item);
    await t.dataSource.query(`UPDATE activities SET status = 'open' WHERE id = $1`, [hidden.unpublished.id]);
    await t.dataSource.query(`UPDATE activities SET status = 'confirmed' WHERE id = $1`, [hidden.confirmed.id]);
    await t.dataSource.query(`UPDATE activities SET status = 'closed' WHERE id = $1`, [hidden.closed.id]);

    await t.http.get(paths.unpublished).expect(refused(404, 'MATERIAL_FILE_NOT_FOUND'));
    await t.http.get(paths.planned).expect(refused(404, 'MATERIAL_FILE_NOT_FOUND'));
    await t.http.get(paths.confirmed).expect(200);
    await t.http.get(paths.closed).expect(200);
    // A material of another activity, or a link, has no file here.
    const [link] = await t.dataSource.query(`SELECT id FROM sheet_materials WHERE url IS NOT NULL`);
    await t.http.get(`/api/catalogue/${listed.bilingual.id}/materials/${link.id}/file`).expect(refused(404, 'MATERIAL_FILE_NOT_FOUND'));
    await t.http.get(paths.confirmed.replace(hidden.confirmed.id, listed.bilingual.id)).expect(refused(404, 'MATERIAL_FILE_NOT_FOUND'));
  });
});
