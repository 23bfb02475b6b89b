import { createHash } from 'node:crypto';
import { FilesService } from '@trta/files';
import type { Role } from '@trta/http';
import { activityBody, currentPlanWithProduct, day, postActivity, uniqueVenueCity, type PlanAndProduct } from './support/activity-fixtures';
import { signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

type Body = Record<string, unknown>;

const UPLOAD_LIMIT = 2048;
const PDF_TYPE = 'application/pdf';

/** The smallest file `file-type` recognises as a PDF: the header and the end-of-file marker. */
function pdf(text = 'course reading'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Title (${text}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
}

/** A PNG signature and an IHDR chunk header: enough for `file-type`. */
function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.writeUInt8(8, 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from([0, 0, 0, 13]),
    Buffer.from('IHDR'),
    ihdr,
    Buffer.alloc(4),
  ]);
}

const sheetBody = (overrides: Body = {}): Body => ({
  objectives: { en: 'Understand the Trade Facilitation Agreement', fr: 'Comprendre l’Accord sur la facilitation des échanges' },
  targetAudience: { en: 'Customs officials' },
  applicationRequirements: { en: 'A nomination by the capital' },
  programme: { en: 'Day 1: the agreement. Day 2: notifications.' },
  requiredDocuments: ['cv', 'nomination_letter'],
  ...overrides,
});

describe('activity sheets, materials and cloning', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  /** The first year of the plan, whose codes the API gives. */
  const planYear = new Date().getUTCFullYear() - 1;
  let plan: PlanAndProduct;

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) });
    for (const role of ['admin', 'staff', 'auditor', 'focal_point', 'applicant'] as Role[]) tokens[role] = (await signedIn(t, role)).token;
    plan = await currentPlanWithProduct(t);
  });
  afterAll(() => t.close());

  const as = (role: Role) => ({
    post: (path: string, body: Body = {}) => t.http.post(path).auth(tokens[role], { type: 'bearer' }).send(body),
    put: (path: string, body: Body) => t.http.put(path).auth(tokens[role], { type: 'bearer' }).send(body),
    get: (path: string) => t.http.get(path).auth(tokens[role], { type: 'bearer' }),
    delete: (path: string) => t.http.delete(path).auth(tokens[role], { type: 'bearer' }),
    upload: (path: string) => t.http.post(path).auth(tokens[role], { type: 'bearer' }),
  });
  const staff = as('staff');

  /** A global, face-to-face course in English and French, in a city of its own, from day 60 to day 64, created through the API. */
  const createActivity = (overrides: Body = {}) =>
    postActivity(
      t,
      tokens.staff,
      activityBody(plan, {
        title: 'Advanced course on trade facilitation',
        languages: ['en', 'fr'],
        budgetActual: '100.00',
        plannedQuarter: `${planYear + 1}-Q2`,
        venueCity: uniqueVenueCity(),
        startDate: day(60),
        endDate: day(64),
        ...overrides,
      }),
    );

  async function withSheet(overrides: Body = {}) {
    const activity = await createActivity(overrides);
    await staff.put(`/api/activities/${activity.id}/sheet`, sheetBody()).expect(200);
    return activity;
  }

  async function historyOf(id: string) {
    const response = await staff.get(`/api/activities/${id}/history?limit=200`).expect(200);
    return response.body.items as { action: string; userId: string | null; changes: Record<string, unknown> }[];
  }

  const setStatus = (id: string, status: string) => t.dataSource.query('UPDATE activities SET status = $2 WHERE id = $1', [id, status]);
  const countFiles = async () => Number((await t.dataSource.query('SELECT count(*)::int AS n FROM stored_files'))[0].n);

  describe('PUT and GET /api/activities/:id/sheet', () => {
    it('stores the sheet, records the change, and shows it to staff and auditors', async () => {
      const activity = await createActivity();
      await staff.get(`/api/activities/${activity.id}/sheet`).expect(refused(404, 'SHEET_NOT_FOUND'));
      const response = await staff.put(`/api/activities/${activity.id}/sheet`, sheetBody()).expect(200);
      expect(response.body).toMatchObject({
        activityId: activity.id,
        objectives: sheetBody().objectives,
        targetAudience: { en: 'Customs officials' },
        requiredDocuments: ['cv', 'nomination_letter'],
        publishedAt: null,
        materials: [],
      });
      const read = await as('auditor').get(`/api/activities/${activity.id}/sheet`).expect(200);
      expect(read.body).toEqual(response.body);

      const updated = await staff
        .put(`/api/activities/${activity.id}/sheet`, sheetBody({ targetAudience: { en: '  Trade negotiators  ', fr: '' }, requiredDocuments: undefined }))
        .expect(200);
      expect(updated.body).toMatchObject({ targetAudience: { en: 'Trade negotiators' }, requiredDocuments: [] });
      const history = (await historyOf(activity.id)).filter((row) => row.action === 'sheet-update');
      expect(history).toHaveLength(2);
      expect(history[1].changes).toEqual({
        targetAudience: { from: { en: 'Customs officials' }, to: { en: 'Trade negotiators' } },
        requiredDocuments: { from: ['cv', 'nomination_letter'], to: [] },
      });
      const [row] = await t.dataSource.query(
        `SELECT search_vector @@ websearch_to_tsquery('simple', 'negotiators') AS found FROM activity_sheets WHERE activity_id = $1`,
        [activity.id],
      );
      expect(row.found).toBe(true);
    });

    it('requires every text in the activity’s first language and refuses other languages (422)', async () => {
      const activity = await createActivity({ languages: ['fr', 'en'] });
      let response = await staff.put(`/api/activities/${activity.id}/sheet`, sheetBody()).expect(refused(422, 'SHEET_TEXTS_INVALID'));
      expect(response.body.message).toContain("targetAudience is required in fr, the activity's first language");
      expect(response.body.message).toContain("programme is required in fr, the activity's first language");

      const french = { fr: 'Texte' };
      response = await staff
        .put(`/api/activities/${activity.id}/sheet`, { objectives: { fr: 'Objectifs', es: 'Objetivos' }, targetAudience: french, applicationRequirements: french, programme: french })
        .expect(refused(422, 'SHEET_TEXTS_INVALID'));
      expect(response.body.message).toBe('objectives has text in es, which is not a language of the activity (fr, en)');

      response = await staff.put(`/api/activities/${activity.id}/sheet`, { objectives: french, targetAudience: french, programme: french }).expect(refused(422, 'SHEET_TEXTS_INVALID'));
      expect(response.body.message).toBe("applicationRequirements is required in fr, the activity's first language");
      response = await staff.put(`/api/activities/${activity.id}/sheet`, { ...sheetBody(), objectives: { fr: '   ' } }).expect(refused(422, 'SHEET_TEXTS_INVALID'));
      expect(response.body.message).toContain("objectives is required in fr, the activity's first language");
      expect(await t.dataSource.query('SELECT 1 FROM activity_sheets WHERE activity_id = $1', [activity.id])).toEqual([]);
    });

    it('refuses malformed sheets with 400, every problem listed', async () => {
      const activity = await createActivity();
      const cases: Array<[Body, RegExp]> = [
        [sheetBody({ colour: 'red' }), /property colour should not exist/],
        [sheetBody({ objectives: { en: 'x'.repeat(20001) } }), /en must be at most 20000 characters long/],
        [sheetBody({ objectives: { en: 'ok', de: 'Ziele' } }), /de should not exist/],
        [sheetBody({ objectives: 'just a string' }), /objectives must be an object of texts by language/],
        [sheetBody({ programme: { en: 42 } }), /en must be a text/],
        [sheetBody({ requiredDocuments: ['cv', 'visa'] }), /requiredDocuments must be among: cv, passport, nomination_letter, motivation_letter, other/],
      ];
      for (const [body, message] of cases) {
        const response = await staff.put(`/api/activities/${activity.id}/sheet`, body);
        expect([String(message), response.status]).toEqual([String(message), 400]);
        expect(String(response.body.message)).toMatch(message);
      }
      await staff.put(`/api/activities/${activity.id}/sheet`, sheetBody({ objectives: { en: 'x'.repeat(20000) } })).expect(200);
      await staff.put('/api/activities/not-a-uuid/sheet', sheetBody()).expect(refused(400, 'VALIDATION_FAILED'));
      await staff.put('/api/activities/00000000-0000-4000-8000-000000000000/sheet', sheetBody()).expect(refused(404, 'ACTIVITY_NOT_FOUND'));
    });

    it('refuses other roles: 403 signed in, 401 anonymous', async () => {
      const activity = await withSheet();
      const path = `/api/activities/${activity.id}/sheet`;
      for (const role of ['applicant', 'auditor', 'focal_point'] as Role[]) {
        await as(role).put(path, sheetBody()).expect(refused(403, 'FORBIDDEN'));
        await as(role).post(`${path}/publish`).expect(refused(403, 'FORBIDDEN'));
      }
      await as('applicant').get(path).expect(refused(403, 'FORBIDDEN'));
      await as('focal_point').get(path).expect(refused(403, 'FORBIDDEN'));
      await t.http.get(path).expect(refused(401, 'UNAUTHORIZED'));
      await t.http.put(path).send(sheetBody()).expect(refused(401, 'UNAUTHORIZED'));
      await t.http.post(`${path}/publish`).expect(refused(401, 'UNAUTHORIZED'));
      await as('admin').get(path).expect(200);
    });
  });

  describe('POST /api/activities/:id/sheet/publish', () => {
    it('needs a sheet, complete in the activity’s current first language (422)', async () => {
      const activity = await createActivity();
      let response = await staff.post(`/api/activities/${activity.id}/sheet/publish`).expect(refused(422, 'SHEET_INCOMPLETE'));
      expect(response.body.message).toContain('has no sheet yet');
      await staff.put(`/api/activities/${activity.id}/sheet`, sheetBody()).expect(200);
      // The languages changed after the sheet was written: it now lacks the first language.
      await t.dataSource.query(`UPDATE activities SET languages = '{es,en}' WHERE id = $1`, [activity.id]);
      response = await staff.post(`/api/activities/${activity.id}/sheet/publish`).expect(refused(422, 'SHEET_INCOMPLETE'));
      expect(response.body.message).toContain("the sheet is not complete: objectives is required in es, the activity's first language");
      expect(response.body.message).toContain('objectives has text in fr, which is not a language of the activity (es, en)');
    });

    it('is rejection for closed, delivered and cancelled activities (409)', async () => {
      for (const status of ['closed', 'delivered', 'cancelled']) {
        const activity = await withSheet();
        await setStatus(activity.id, status);
        const response = await staff.post(`/api/activities/${activity.id}/sheet/publish`).expect(refused(409, 'SHEET_NOT_PUBLISHABLE'));
        expect(response.body.message).toBe(
          `cannot publish the sheet of an activity that is ${status}; publishing is allowed when planned, confirmed, open, postponed`,
        );
      }
    });

    it('publishes, bumps the version, keeps the sheet published through edits, and lets the call open', async () => {
      const activity = await withSheet();
      await staff.post(`/api/activities/${activity.id}/confirm`).expect(200);
      const rejection = await staff.post(`/api/activities/${activity.id}/open`).expect(refused(422, 'ACTIVITY_NOT_READY'));
      expect(rejection.body.message).toContain('the activity sheet must be published before opening');

      const published = await staff.post(`/api/activities/${activity.id}/sheet/publish`).expect(200);
      expect(published.body.publishedAt).toEqual(expect.any(String));
      const read = await staff.get(`/api/activities/${activity.id}`).expect(200);
      expect(read.body).toMatchObject({ status: 'confirmed', version: 3, sheetPublishedAt: published.body.publishedAt });
      const history = await historyOf(activity.id);
      expect(history[history.length - 1]).toMatchObject({ action: 'sheet-publish', changes: { sheetPublishedAt: { from: null } } });

      const edited = await staff.put(`/api/activities/${activity.id}/sheet`, sheetBody({ programme: { en: 'A new programme' } })).expect(200);
      expect(edited.body.publishedAt).toBe(published.body.publishedAt);

      const opened = await staff.post(`/api/activities/${activity.id}/open`).expect(200);
      expect(opened.body).toMatchObject({ status: 'open', version: 4 });
      // Publishing again is allowed while open.
      await staff.post(`/api/activities/${activity.id}/sheet/publish`).expect(200);
    });

    it('keeps the sheet of a cancelled activity as it is (409)', async () => {
      const activity = await withSheet();
      await setStatus(activity.id, 'cancelled');
      await staff.put(`/api/activities/${activity.id}/sheet`, sheetBody()).expect(refused(409, 'ACTIVITY_CANCELLED'));
      await staff.post(`/api/activities/${activity.id}/sheet/materials`, { title: 'x', kind: 'reading', url: 'https://example.org' }).expect(refused(409, 'ACTIVITY_CANCELLED'));
    });
  });

  describe('materials', () => {
    it('adds a link given as JSON, and validates it (400)', async () => {
      const activity = await withSheet();
      const path = `/api/activities/${activity.id}/sheet/materials`;
      const response = await staff.post(path, { title: ' WTO agreements ', kind: 'reading', url: 'https://www.wto.org/legal', language: 'fr' }).expect(201);
      expect(response.body).toMatchObject({ title: 'WTO agreements', kind: 'reading', url: 'https://www.wto.org/legal', language: 'fr', file: null, position: 0 });

      const cases: Array<[Body, RegExp]> = [
        [{ title: 'x', kind: 'reading', url: 'ftp://files.example.org/a.pdf' }, /url must be an http or https URL/],
        [{ title: 'x', kind: 'reading', url: 'javascript:alert(1)' }, /url must be an http or https URL/],
        [{ title: 'x', kind: 'reading' }, /url is required for a link material/],
        [{ kind: 'reading', url: 'https://example.org' }, /title is required/],
        [{ title: 'x', kind: 'video', url: 'https://example.org' }, /kind must be one of: reading, training/],
        [{ title: 'x', kind: 'reading', url: 'https://example.org', language: 'de' }, /language must be one of: en, fr, es/],
        [{ title: 'x', kind: 'reading', url: 'https://example.org', colour: 'red' }, /property colour should not exist/],
      ];
      for (const [body, message] of cases) {
        const rejection = await staff.post(path, body);
        expect([String(message), rejection.status]).toEqual([String(message), 400]);
        expect(String(rejection.body.message)).toMatch(message);
      }
      const second = await staff.post(path, { title: 'Training video', kind: 'training', url: 'http://example.org/v' }).expect(201);
      expect(second.body.position).toBe(1);
      const sheet = await staff.get(`/api/activities/${activity.id}/sheet`).expect(200);
      expect(sheet.body.materials.map((material: Body) => material.title)).toEqual(['WTO agreements', 'Training video']);
    });

    it('needs the sheet first (409)', async () => {
      const activity = await createActivity();
      const response = await staff.post(`/api/activities/${activity.id}/sheet/materials`, { title: 'x', kind: 'reading', url: 'https://example.org' }).expect(refused(409, 'SHEET_REQUIRED'));
      expect(response.body.message).toContain('has no sheet yet');
      await staff.upload(`/api/activities/${activity.id}/sheet/materials`).attach('file', pdf(), 'a.pdf').field('title', 'x').field('kind', 'reading').expect(refused(409, 'SHEET_REQUIRED'));
    });

    it('uploads a PDF with its fields after the file, stores it with its hash, and serves it back to staff', async () => {
      const activity = await withSheet();
      const content = pdf();
      const response = await staff
        .upload(`/api/activities/${activity.id}/sheet/materials`)
        .attach('file', content, { filename: 'Liste de lecture é; 2026*.pdf', contentType: 'application/octet-stream' })
        .field('title', 'Reading list')
        .field('kind', 'reading')
        .field('language', 'en')
        .expect(201);
      expect(response.body).toMatchObject({
        title: 'Reading list',
        kind: 'reading',
        language: 'en',
        url: null,
        file: { filename: 'Liste de lecture e_ 2026_.pdf', mediaType: PDF_TYPE, sizeBytes: content.length },
      });
      const [stored] = await t.dataSource.query('SELECT sha256, content, uploaded_by IS NOT NULL AS "hasUploader" FROM stored_files WHERE id = $1', [
        response.body.file.id,
      ]);
      expect(stored).toEqual({ sha256: createHash('sha256').update(content).digest('hex'), content, hasUploader: true });

      const file = await as('auditor').get(`/api/activities/${activity.id}/sheet/materials/${response.body.id}/file`).buffer(true).expect(200);
      expect(file.headers['content-type']).toBe(PDF_TYPE);
      expect(file.headers['content-disposition']).toBe('attachment; filename="Liste de lecture e_ 2026_.pdf"');
      expect(Buffer.compare(file.body as Buffer, content)).toBe(0);
    });

    it('detects the type from the content: a PNG named .pdf is stored as a PNG', async () => {
      const activity = await withSheet();
      const response = await staff
        .upload(`/api/activities/${activity.id}/sheet/materials`)
        .field('title', 'Diagram')
        .field('kind', 'training')
        .attach('file', png(), { filename: 'diagram.pdf', contentType: PDF_TYPE })
        .expect(201);
      expect(response.body.file).toMatchObject({ filename: 'diagram.pdf.png', mediaType: 'image/png' });
      expect(response.body.language).toBeNull();
    });

    it('refuses what is not an accepted type (415), too large (413), not multipart, or without a file (4xx)', async () => {
      const activity = await withSheet();
      const path = `/api/activities/${activity.id}/sheet/materials`;
      const before = await countFiles();

      let response = await staff
        .upload(path)
        .attach('file', Buffer.from('just some text, not a PDF at all'), { filename: 'notes.pdf', contentType: PDF_TYPE })
        .field('title', 'Notes')
        .field('kind', 'reading')
        .expect(refused(415, 'FILE_TYPE_NOT_ACCEPTED'));
      expect(response.body.message).toContain('the type of the file could not be recognised from its content');
      expect(response.body.message).toContain(`accepted types: ${PDF_TYPE}`);

      const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(20)]);
      response = await staff.upload(path).attach('file', gif, 'animation.pdf').field('title', 'Gif').field('kind', 'reading').expect(refused(415, 'FILE_TYPE_NOT_ACCEPTED'));
      expect(response.body.message).toMatch(/^the file's content is image\/gif, which is not accepted here; accepted types: application\/pdf, .*image\/png/);

      const large = Buffer.concat([pdf(), Buffer.alloc(UPLOAD_LIMIT)]);
      response = await staff.upload(path).field('title', 'Big').field('kind', 'reading').attach('file', large, 'big.pdf');
      refused(413, 'FILE_TOO_LARGE')(response);
      expect(response.body.message).toBe(`the file is larger than the limit of ${UPLOAD_LIMIT} bytes`);

      response = await staff.upload(path).set('content-type', 'text/plain').send('hello').expect(refused(415, 'UNSUPPORTED_MEDIA_TYPE'));
      expect(response.body.message).toBe('send a link as a JSON object, or a file as multipart/form-data');
      response = await staff.upload(path).field('title', 'No file').field('kind', 'reading').expect(refused(400, 'FILE_MISSING'));
      expect(response.body.message).toBe('the request has no file: send one file part in the multipart body');

      response = await staff.upload(path).attach('file', pdf(), 'a.pdf').field('title', 'Bad kind').field('kind', 'video').field('url', 'https://x.org').expect(refused(400, 'VALIDATION_FAILED'));
      expect(response.body.message).toEqual(expect.arrayContaining(['kind must be one of: reading, training', 'property url should not exist']));
      expect(await countFiles()).toBe(before);
    });

    it('refuses a non-multipart request to the files service with 415', async () => {
      const request = { isMultipart: () => false } as never;
      await expect(t.app.get(FilesService).storeUpload(request, { allowed: [PDF_TYPE], uploadedBy: null })).rejects.toMatchObject({
        status: 415,
        message: 'this endpoint takes a file: send it as multipart/form-data with one file part',
      });
    });

    it('removes a material and its file (204), then 404', async () => {
      const activity = await withSheet();
      const path = `/api/activities/${activity.id}/sheet/materials`;
      const added = await staff.upload(path).attach('file', pdf(), 'a.pdf').field('title', 'To remove').field('kind', 'reading').expect(201);
      await staff.delete(`${path}/${added.body.id}`).expect(204);
      expect(await t.dataSource.query('SELECT 1 FROM stored_files WHERE id = $1', [added.body.file.id])).toEqual([]);
      await staff.delete(`${path}/${added.body.id}`).expect(refused(404, 'MATERIAL_NOT_FOUND'));
      await staff.delete(`${path}/not-a-uuid`).expect(refused(400, 'VALIDATION_FAILED'));
      const history = await historyOf(activity.id);
      expect(history.map((row) => row.action)).toEqual(expect.arrayContaining(['sheet-material-add', 'sheet-material-remove']));
    });

    it('refuses other roles: 403 signed in, 401 anonymous', async () => {
      const activity = await withSheet();
      const path = `/api/activities/${activity.id}/sheet/materials`;
      const link = { title: 'x', kind: 'reading', url: 'https://example.org' };
      const added = await staff.post(path, link).expect(201);
      for (const role of ['applicant', 'auditor', 'focal_point'] as Role[]) {
        await as(role).post(path, link).expect(refused(403, 'FORBIDDEN'));
        await as(role).upload(path).attach('file', pdf(), 'a.pdf').field('title', 'x').field('kind', 'reading').expect(refused(403, 'FORBIDDEN'));
        await as(role).delete(`${path}/${added.body.id}`).expect(refused(403, 'FORBIDDEN'));
      }
      await t.http.post(path).send(link).expect(refused(401, 'UNAUTHORIZED'));
      await t.http.delete(`${path}/${added.body.id}`).expect(refused(401, 'UNAUTHORIZED'));
    });
  });

  describe('POST /api/activities/:id/clone', () => {
    it('copies the activity into a planned one with a new code, its sheet unpublished and its materials', async () => {
      const original = await withSheet({ partners: ['WCO'], topics: ['trade_facilitation', 'market_access'] });
      const materials = `/api/activities/${original.id}/sheet/materials`;
      await staff.post(materials, { title: 'Link', kind: 'reading', url: 'https://example.org/r' }).expect(201);
      const file = await staff.upload(materials).attach('file', pdf(), 'r.pdf').field('title', 'File').field('kind', 'training').expect(201);
      await staff.post(`/api/activities/${original.id}/confirm`).expect(200);
      await staff.post(`/api/activities/${original.id}/sheet/publish`).expect(200);
      const source = (await staff.get(`/api/activities/${original.id}`).expect(200)).body;

      const response = await staff.post(`/api/activities/${original.id}/clone`).expect(201);
      const clone = response.body;
      expect(clone.id).not.toBe(original.id);
      expect(clone.code).toMatch(new RegExp(`^TA-${planYear}-\\d{4}$`));
      expect(clone.code).not.toBe(original.code);
      expect(clone).toMatchObject({
        ...plan,
        title: 'Advanced course on trade facilitation (copy)',
        status: 'planned',
        statusReason: null,
        version: 1,
        startDate: null,
        endDate: null,
        applicationDeadline: null,
        budgetActual: null,
        sheetPublishedAt: null,
        plannedQuarter: source.plannedQuarter,
        budgetPlanned: source.budgetPlanned,
        languages: source.languages,
        topics: source.topics,
        partners: ['WCO'],
        venueCity: source.venueCity,
        fundingSource: source.fundingSource,
      });

      const originalSheet = (await staff.get(`/api/activities/${original.id}/sheet`).expect(200)).body;
      const cloneSheet = (await staff.get(`/api/activities/${clone.id}/sheet`).expect(200)).body;
      expect(cloneSheet).toMatchObject({
        objectives: originalSheet.objectives,
        programme: originalSheet.programme,
        requiredDocuments: originalSheet.requiredDocuments,
        publishedAt: null,
      });
      expect(cloneSheet.materials.map((material: Body) => [material.title, material.url, (material.file as Body | null)?.id ?? null])).toEqual([
        ['Link', 'https://example.org/r', null],
        ['File', null, file.body.file.id],
      ]);
      const history = await historyOf(clone.id);
      expect(history).toEqual([expect.objectContaining({ action: 'clone', changes: expect.objectContaining({ clonedFrom: original.code }) })]);

      // The shared file stays while the original still uses it.
      const cloneFile = cloneSheet.materials[1].id;
      await staff.delete(`/api/activities/${clone.id}/sheet/materials/${cloneFile}`).expect(204);
      await staff.get(`/api/activities/${original.id}/sheet/materials/${file.body.id}/file`).expect(200);
    });

    it('takes a title, clones an activity without a sheet, and validates (400, 404)', async () => {
      const original = await createActivity();
      const response = await staff.post(`/api/activities/${original.id}/clone`, { title: 'Second edition' }).expect(201);
      expect(response.body.title).toBe('Second edition');
      await staff.get(`/api/activities/${response.body.id}/sheet`).expect(refused(404, 'SHEET_NOT_FOUND'));
      await staff.post(`/api/activities/${original.id}/clone`, { title: '' }).expect(refused(400, 'VALIDATION_FAILED'));
      await staff.post(`/api/activities/${original.id}/clone`, { colour: 'red' }).expect(refused(400, 'VALIDATION_FAILED'));
      await staff.post('/api/activities/00000000-0000-4000-8000-000000000000/clone').expect(refused(404, 'ACTIVITY_NOT_FOUND'));
      await staff.post('/api/activities/42/clone').expect(refused(400, 'VALIDATION_FAILED'));
    });

    it('refuses other roles: 403 signed in, 401 anonymous', async () => {
      const original = await createActivity();
      for (const role of ['applicant', 'auditor', 'focal_point'] as Role[]) await as(role).post(`/api/activities/${original.id}/clone`).expect(refused(403, 'FORBIDDEN'));
      await t.http.post(`/api/activities/${original.id}/clone`).expect(refused(401, 'UNAUTHORIZED'));
    });
  });
});
