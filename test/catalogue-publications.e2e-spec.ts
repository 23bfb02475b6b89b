import { dirname, join } from 'node:path';
import { NAMES_IN_ANY_SCRIPT, namesMissing, pdfText as rawPdfText } from './support/pdf-text';
import { activityWithSheet, currentPlanWithProduct, day, sheetTexts, type ActivityWithSheetOptions, type PlanAndProduct } from './support/activity-fixtures';
import { signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

type Body = Record<string, unknown>;
type Item = Record<string, unknown> & { id: string; code: string; title: string };

const FILE = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Title (notes) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** The text of a PDF, whitespace collapsed, as a reader copying it would get it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const { definePDFJSModule, extractText, getDocumentProxy } = await import('unpdf');
  // unpdf loads its PDF.js bundle with a dynamic import, which Jest's module sandbox refuses: hand it over instead.
  await definePDFJSModule(async () => require(join(dirname(require.resolve('unpdf')), 'pdfjs.mjs')));
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

interface FeedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  startIsDate: boolean;
  location: string | null;
  description: string;
  url: string | null;
  lastModified: string | null;
}

/** Parses the feed with ical.js as a calendar program would. */
async function parseFeed(text: string): Promise<{ name: string; events: FeedEvent[] }> {
  const ICAL = (await import('ical.js')).default;
  const jcal = ICAL.parse(text);
  expect(jcal[0]).toBe('vcalendar');
  const calendar = new ICAL.Component(jcal);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      startIsDate: event.startDate.isDate,
      location: event.location ?? null,
      description: event.description,
      url: (vevent.getFirstPropertyValue('url') as string | null) ?? null,
      lastModified: vevent.getFirstPropertyValue('last-modified')?.toString() ?? null,
    };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname') as string, events };
}

describe('catalogue publications: printable sheet and calendar feed', () => {
  let t: TestApp;
  let staffToken: string;
  let plan: PlanAndProduct;
  const listed: Record<string, Item> = {};
  const hidden: Record<string, Item> = {};

  const staff = {
    post: (path: string, body: Body = {}) => t.http.post(path).auth(staffToken, { type: 'bearer' }).send(body),
  };

  /** An activity with a sheet, open and published unless told otherwise. */
  const activity = (options: ActivityWithSheetOptions): Promise<Item> => activityWithSheet(t, staffToken, plan, options);

  beforeAll(async () => {
    t = await createTestApp();
    staffToken = (await signedIn(t, 'staff')).token;
    plan = await currentPlanWithProduct(t);

    listed.bilingual = await activity({
      overrides: { title: 'Advanced course on customs valuation', languages: ['en', 'es'], startDate: day(60), endDate: day(64), applicationDeadline: day(20) },
      sheet: {
        objectives: { en: 'Master customs valuation', es: 'Dominar la valoración en aduana' },
        targetAudience: { en: 'Customs officials', es: 'Funcionarios de aduanas' },
        applicationRequirements: { en: 'A university degree', es: 'Un título universitario' },
        programme: { en: 'Five days of lectures', es: 'Cinco días de clases' },
      },
      requiredDocuments: ['cv', 'passport'],
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
        startDate: day(100),
        endDate: day(100),
        applicationDeadline: day(40),
      },
      sheet: {
        objectives: { fr: 'Maîtriser les procédures sanitaires' },
        targetAudience: { fr: 'Fonctionnaires des ministères' },
        applicationRequirements: { fr: 'Être nommé par son gouvernement' },
        programme: { fr: 'Trois séances en ligne' },
      },
    });
    listed.undated = await activity({ overrides: { title: 'Self-paced e-learning course' }, sheet: sheetTexts('en', 'at your pace') });
    await t.dataSource.query('UPDATE activities SET start_date = NULL, end_date = NULL WHERE id = $1', [listed.undated.id]);
    hidden.unpublished = await activity({ sheet: sheetTexts('en', 'draft'), published: false });
    hidden.confirmed = await activity({ sheet: sheetTexts('en', 'confirmed'), status: 'confirmed' });
    hidden.closed = await activity({ sheet: sheetTexts('en', 'closed'), status: 'closed' });

    await t.http
      .post(`/api/activities/${listed.bilingual.id}/sheet/materials`)
      .auth(staffToken, { type: 'bearer' })
      .attach('file', FILE, 'Reading.pdf')
      .field('title', 'Valuation handbook')
      .field('kind', 'reading')
      .expect(201);
    await staff.post(`/api/activities/${listed.bilingual.id}/sheet/materials`, { title: 'Course site', kind: 'training', url: 'https://ecampus.example.org/valuation' }).expect(201);
  });
  afterAll(() => t.close());

  const sheetPdf = async (id: string, query = '') => {
    const response = await t.http.get(`/api/catalogue/${id}/sheet.pdf${query}`).buffer(true).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const body = response.body as Buffer;
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return { response, text: await pdfText(body) };
  };

  describe('GET /api/catalogue/:id/sheet.pdf', () => {
    it('prints the sheet in English to anyone, with facts, sections, documents and materials', async () => {
      const { response, text } = await sheetPdf(listed.bilingual.id, '?lang=en');
      expect(response.headers['content-disposition']).toBe(`inline; filename="${listed.bilingual.code}.pdf"`);
      for (const expected of [
        'Advanced course on customs valuation',
        listed.bilingual.code,
        'Dates:',
        'Venue: Geneva, Switzerland',
        'Languages: English, Spanish',
        'Application deadline:',
        'Nomination:',
        'Objectives',
        'Master customs valuation',
        'Target audience',
        'Application requirements',
        'Required documents:',
        'Curriculum vitae',
        'Passport',
        'Programme',
        'Five days of lectures',
        'Materials',
        'Valuation handbook',
        'Course site',
      ]) {
        expect([expected, text.includes(expected)]).toEqual([expected, true]);
      }
      // Long links wrap at the page margin (the host's port varies), so they are compared without line breaks.
      const unwrapped = text.replace(/\s+/g, '');
      for (const link of ['https://ecampus.example.org/valuation', `/api/catalogue/${listed.bilingual.id}/materials/`]) {
        expect([link, unwrapped.includes(link)]).toEqual([link, true]);
      }
    });

    it('prints the headings and texts in Spanish, accents included', async () => {
      const { text } = await sheetPdf(listed.bilingual.id, '?lang=es');
      for (const expected of ['Objetivos', 'Destinatarios', 'Requisitos de solicitud', 'Programa', 'Código', 'Dominar la valoración en aduana', 'Cinco días de clases', 'Geneva, Suiza', 'Pasaporte', 'Materiales']) {
        expect([expected, text.includes(expected)]).toEqual([expected, true]);
      }
      expect(text).not.toContain('Target audience');
    });

    it('prints French accents, and falls back to the first language when the sheet lacks the one asked for', async () => {
      const french = await sheetPdf(listed.french.id, '?lang=fr');
      for (const expected of ['Atelier régional sur les mesures sanitaires', listed.french.code, 'Objectifs', 'Public cible', 'Conditions de candidature', 'Maîtriser les procédures sanitaires', 'Être nommé', 'Lieu: En ligne', 'Langues: français, anglais']) {
        expect([expected, french.text.includes(expected)]).toEqual([expected, true]);
      }
      for (const query of ['?lang=es', '?lang=en', '']) {
        const { text } = await sheetPdf(listed.french.id, query);
        expect(text).toContain('Objectifs');
        expect(text).toContain('Maîtriser les procédures sanitaires');
        expect(text).not.toContain('Objetivos');
      }
    });

    it('prints names and texts in any script (Vietnamese, Turkish, Arabic, Chinese), never as "?"', async () => {
      const names = NAMES_IN_ANY_SCRIPT.join(', ');
      const item = await activity({
        overrides: { title: `Seminar with ${NAMES_IN_ANY_SCRIPT[0]}`, startDate: day(70), endDate: day(71), applicationDeadline: day(30) },
        sheet: { ...sheetTexts('en', 'any script'), objectives: { en: `Lecturers: ${names}` }, programme: { en: `第一天 ${NAMES_IN_ANY_SCRIPT[3]}` } },
      });
      const response = await t.http.get(`/api/catalogue/${item.id}/sheet.pdf`).buffer(true).expect(200);
      const text = await rawPdfText(response.body as Buffer);
      expect(namesMissing(text)).toEqual([]);
      expect(text).toContain('第一天');
      expect(text).not.toContain('?');
      // Out of the catalogue again, so that the calendar tests below see their own activities only.
      await t.dataSource.query(`UPDATE activities SET status = 'closed' WHERE id = $1`, [item.id]);
    });

    it('answers 404 for what the catalogue does not show and 400 for a bad id or language', async () => {
      for (const item of Object.values(hidden)) await t.http.get(`/api/catalogue/${item.id}/sheet.pdf`).expect(refused(404, 'NOT_IN_CATALOGUE'));
      const missing = await t.http.get('/api/catalogue/00000000-0000-4000-8000-000000000000/sheet.pdf').expect(refused(404, 'NOT_IN_CATALOGUE'));
      expect(missing.body).toMatchObject({ statusCode: 404 });
      await t.http.get('/api/catalogue/42/sheet.pdf').expect(refused(400, 'VALIDATION_FAILED'));
      const rejection = await t.http.get(`/api/catalogue/${listed.bilingual.id}/sheet.pdf?lang=de`).expect(refused(400, 'VALIDATION_FAILED'));
      expect(rejection.body.message).toContain('lang must be one of: en, fr, es');
    });
  });

  describe('GET /api/catalogue.ics', () => {
    it('is a calendar of the catalogue’s activities with dates, one all-day event each, for anyone', async () => {
      const response = await t.http.get('/api/catalogue.ics').buffer(true).expect(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const text = response.text;
      expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      const feed = await parseFeed(text);
      expect(feed.name).toBe('TRTA Planner — open activities');
      // The undated activity is in the catalogue but not in the calendar; hidden ones are in neither.
      await t.http.get(`/api/catalogue/${listed.undated.id}`).expect(200);
      expect(feed.events.map((event) => event.uid).sort()).toEqual([listed.bilingual.id, listed.french.id].map((id) => `${id}@trta-planner`).sort());

      const bilingual = feed.events.find((event) => event.uid === `${listed.bilingual.id}@trta-planner`)!;
      expect(bilingual).toMatchObject({
        summary: `${listed.bilingual.code} Advanced course on customs valuation`,
        start: day(60),
        end: day(65),
        startIsDate: true,
        location: 'Geneva, Switzerland',
      });
      expect(bilingual.description).toContain('Master customs valuation');
      expect(bilingual.description).toContain(`Application deadline: ${day(20)}`);
      expect(bilingual.description).toContain(`/api/catalogue/${listed.bilingual.id}`);
      expect(bilingual.url).toMatch(new RegExp(`^https?://[^/]+/api/catalogue/${listed.bilingual.id}$`));
      expect(bilingual.lastModified).toMatch(/^\d{4}-\d{2}-\d{2}T/);

      // A one-day event ends, exclusively, the next day; its description is in its first language.
      const french = feed.events.find((event) => event.uid === `${listed.french.id}@trta-planner`)!;
      expect(french).toMatchObject({ summary: `${listed.french.code} Atelier régional sur les mesures sanitaires`, start: day(100), end: day(101), location: 'En ligne' });
      expect(french.description).toContain('Maîtriser les procédures sanitaires');
      expect(french.description).toContain(`Date limite de candidature: ${day(40)}`);
    });

    it('filters by region, topic and language, and refuses bad filters', async () => {
      const uids = async (query: string) => {
        const response = await t.http.get(`/api/catalogue.ics?${query}`).buffer(true).expect(200);
        return (await parseFeed(response.text)).events.map((event) => event.uid).sort();
      };
      expect(await uids('region=africa')).toEqual([`${listed.french.id}@trta-planner`]);
      expect(await uids('region=asia_pacific')).toEqual([]);
      expect(await uids('topic=trade_facilitation')).toEqual([`${listed.bilingual.id}@trta-planner`]);
      expect(await uids('lang=es')).toEqual([`${listed.bilingual.id}@trta-planner`]);
      expect(await uids('lang=fr&region=africa&topic=sps')).toEqual([`${listed.french.id}@trta-planner`]);

      // Asked in Spanish, the description is in Spanish where the sheet has it.
      const spanish = await parseFeed((await t.http.get('/api/catalogue.ics?lang=es').buffer(true).expect(200)).text);
      expect(spanish.events[0].description).toContain('Dominar la valoración en aduana');
      expect(spanish.events[0].location).toBe('Geneva, Suiza');

      for (const query of ['region=Africa!', 'topic=SPS TOPIC', 'lang=de', 'colour=red']) {
        const rejection = await t.http.get(`/api/catalogue.ics?${query}`).expect(refused(400, 'VALIDATION_FAILED'));
        expect(rejection.body.statusCode).toBe(400);
      }
    });
  });
});
