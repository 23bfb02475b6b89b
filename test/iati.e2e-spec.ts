import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'xmlbuilder2';
import { validateXML } from 'xmllint-wasm';
import { activityCode, insertActivity, insertPlan, insertProduct, type ActivityRow, type PlanAndProduct } from './support/activity-fixtures';
import { signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

/** The IATI Standard's published 2.03 schemas (test/fixtures/iati, unchanged copies). */
const SCHEMAS = join(__dirname, 'fixtures/iati');
const schemaFile = (fileName: string) => ({ fileName, contents: readFileSync(join(SCHEMAS, fileName), 'utf8') });

/** Validates against iati-activities-schema.xsd, which includes iati-common.xsd and imports xml.xsd. */
async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'iati-activities.xml', contents: xml }],
    schema: [schemaFile('iati-activities-schema.xsd')],
    preload: [schemaFile('iati-common.xsd'), schemaFile('xml.xsd')],
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ORG = 'XI-IATI-WTO';

/** What the tests read of xmlbuilder2's DOM (the project compiles without the DOM library's types). */
interface Element {
  nodeType: number;
  localName: string;
  textContent: string | null;
  childNodes: ArrayLike<Element>;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<Element>;
}

/** The child elements of an element, in document order. */
function children(element: Element, name?: string): Element[] {
  return Array.from(element.childNodes).filter((node) => node.nodeType === 1 && (name === undefined || node.localName === name));
}
const attrs = (elements: Element[], ...names: string[]) => elements.map((element) => names.map((name) => element.getAttribute(name)));

describe('IATI export', () => {
  let t: TestApp;
  let plan: PlanAndProduct;
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const planId = await insertPlan(t, { firstYear: 2024, lastYear: 2025, title: 'TA Plan 2024-2025' });
    const productId = await insertProduct(t, planId, { code: 'GEN', name: 'General WTO-related TA', plannedBudget: '900000.00', fundingSource: 'global_trust_fund' });
    plan = { planId, productId };
  });
  afterAll(() => t.close());

  /** Puts an activity in any state directly: the export reads whatever the lifecycle left behind. */
  function activityInPlan(values: ActivityRow & Required<Pick<ActivityRow, 'type' | 'status'>>): Promise<{ id: string; code: string }> {
    const code = activityCode(2024, ++counter);
    return insertActivity(t, plan, { code, title: `Activity ${code}`, budgetPlanned: '45000.50', ...values });
  }

  describe('a plan with every kind of activity', () => {
    let xml: string;
    let response: { status: number; headers: Record<string, string> };
    const activities: Record<string, { id: string; code: string }> = {};
    let byCode: Map<string, Element>;

    beforeAll(async () => {
      activities.national = await activityInPlan({
        title: 'Atelier national sur la facilitation des échanges & les <douanes>',
        type: 'national',
        status: 'planned',
        languages: ['fr', 'en'],
        topics: ['trade_facilitation'],
        beneficiaryCountries: ['KEN'],
        region: 'africa',
        plannedQuarter: '2024-Q2',
      });
      activities.regional = await activityInPlan({
        type: 'regional',
        status: 'confirmed',
        topics: ['accessions', 'sps'],
        beneficiaryCountries: ['KEN', 'UGA', 'TZA'],
        region: 'africa',
        startDate: '2025-03-02',
        endDate: '2025-03-06',
        partners: ['WCO', 'UNCTAD'],
      });
      activities.global = await activityInPlan({
        title: 'Curso\u0007 en línea',
        type: 'global',
        status: 'open',
        languages: ['es'],
        deliveryMode: 'online',
        startDate: '2025-09-01',
        endDate: '2025-10-31',
      });
      activities.cancelled = await activityInPlan({ type: 'national', status: 'cancelled', beneficiaryCountries: ['SEN'], region: 'africa' });
      activities.postponed = await activityInPlan({ type: 'global', status: 'postponed', plannedQuarter: '2025-Q4' });
      activities.closedOut = await activityInPlan({
        type: 'global',
        status: 'delivered',
        startDate: '2024-05-06',
        endDate: '2024-05-10',
        budgetActual: '44000.00',
      });
      activities.delivered = await activityInPlan({
        type: 'regional',
        status: 'delivered',
        beneficiaryCountries: ['CHL', 'PER'],
        region: 'latin_america',
        startDate: '2024-11-04',
        endDate: '2024-11-08',
      });
      await t.dataSource.query(
        `INSERT INTO back_to_office_reports (activity_id, sessions_held, participants_female, participants_male, participants_other, objectives_met)
         VALUES ($1, 5, 10, 12, 0, 'fully')`,
        [activities.closedOut.id],
      );
      // A published sheet's objectives describe the activity; an unpublished draft stays private.
      await t.dataSource.query(`INSERT INTO activity_sheets (activity_id, objectives) VALUES ($1, $2), ($3, $4)`, [
        activities.national.id,
        JSON.stringify({ fr: 'Renforcer la mise en œuvre de l’Accord sur la facilitation des échanges.' }),
        activities.regional.id,
        JSON.stringify({ en: 'Draft objectives, not for publication' }),
      ]);
      await t.dataSource.query('UPDATE activities SET sheet_published_at = now() WHERE id = $1', [activities.national.id]);

      const got = await t.http.get(`/api/ta-plans/${plan.planId}/iati.xml`).expect(200);
      response = got;
      xml = got.text;
      const document = create(xml).node as unknown as Element;
      byCode = new Map(
        Array.from(document.getElementsByTagName('iati-activity')).map((element) => [
          children(element, 'iati-identifier')[0].textContent!.slice(ORG.length + 1),
          element,
        ]),
      );
    });

    const activity = (key: string) => byCode.get(activities[key].code)!;
    const one = (key: string, name: string) => children(activity(key), name)[0];

    it('is served to anyone as IATI 2.03 XML that the standard’s schema accepts', async () => {
      expect(response.headers['content-type']).toMatch(/^application\/xml/);
      expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<iati-activities version="2.03" generated-datetime="\d{4}-\d\d-\d\dT[^"]+"/);
      await expect(schemaErrors(xml)).resolves.toEqual([]);
    });

    it('holds one iati-activity per activity of the plan, cancelled ones included, identified by the reporting org', () => {
      expect([...byCode.keys()].sort()).toEqual(Object.values(activities).map((value) => value.code).sort());
      const national = activity('national');
      expect(attrs(children(national, 'reporting-org'), 'ref', 'type')).toEqual([[ORG, '40']]);
      expect(attrs(children(national, 'participating-org'), 'ref', 'type', 'role')).toEqual([[ORG, '40', '4']]);
      expect(children(activity('regional'), 'participating-org').map((org) => org.textContent?.trim())).toEqual([
        expect.stringContaining('World Trade Organization'),
        'WCO',
        'UNCTAD',
      ]);
      expect(national.getAttribute('default-currency')).toBe('CHF');
    });

    it('gives titles in the activity’s first language, escaped, and describes it by its published sheet only', () => {
      const title = children(one('national', 'title'), 'narrative')[0];
      expect(title.getAttribute('xml:lang')).toBe('fr');
      expect(title.textContent).toBe('Atelier national sur la facilitation des échanges & les <douanes>');
      expect(xml).toContain('les &lt;douanes&gt;');
      expect(children(one('global', 'title'), 'narrative')[0].textContent).toBe('Curso en línea');
      expect(children(one('global', 'title'), 'narrative')[0].getAttribute('xml:lang')).toBe('es');

      expect(one('national', 'description').textContent?.trim()).toBe('Renforcer la mise en œuvre de l’Accord sur la facilitation des échanges.');
      expect(one('regional', 'description').textContent).not.toContain('Draft objectives');
      expect(one('regional', 'description').textContent).toContain('General WTO-related TA');
    });

    it('maps the lifecycle onto IATI activity statuses', () => {
      const status = (key: string) => one(key, 'activity-status').getAttribute('code');
      expect(status('national')).toBe('1'); // planned: pipeline
      expect(status('postponed')).toBe('1'); // back to planning
      expect(status('regional')).toBe('2'); // confirmed: implementation
      expect(status('global')).toBe('2'); // open
      expect(status('delivered')).toBe('3'); // finalisation: final cost and report still to come
      expect(status('closedOut')).toBe('4'); // closed: final cost and back-to-office report in
      expect(status('cancelled')).toBe('5');
    });

    it('dates activities by plan and, once delivered, by what happened', () => {
      const dates = (key: string) => attrs(children(activity(key), 'activity-date'), 'type', 'iso-date');
      expect(dates('national')).toEqual([
        ['1', '2024-04-01'],
        ['3', '2024-06-30'],
      ]);
      expect(dates('regional')).toEqual([
        ['1', '2025-03-02'],
        ['3', '2025-03-06'],
      ]);
      expect(dates('closedOut')).toEqual([
        ['1', '2024-05-06'],
        ['2', '2024-05-06'],
        ['3', '2024-05-10'],
        ['4', '2024-05-10'],
      ]);
      expect(dates('cancelled')).toEqual([
        ['1', '2024-01-01'],
        ['3', '2025-12-31'],
      ]);
    });

    it('gives the scope, the recipient countries as ISO alpha-2 sharing 100%, or a region for global activities', () => {
      const scope = (key: string) => one(key, 'activity-scope').getAttribute('code');
      expect([scope('national'), scope('regional'), scope('global')]).toEqual(['4', '2', '1']);
      expect(attrs(children(activity('national'), 'recipient-country'), 'code', 'percentage')).toEqual([['KE', '100']]);
      expect(attrs(children(activity('regional'), 'recipient-country'), 'code', 'percentage')).toEqual([
        ['KE', '33.34'],
        ['UG', '33.33'],
        ['TZ', '33.33'],
      ]);
      expect(children(activity('regional'), 'recipient-region')).toEqual([]);
      expect(attrs(children(activity('delivered'), 'recipient-country'), 'code', 'percentage')).toEqual([
        ['CL', '50'],
        ['PE', '50'],
      ]);
      expect(children(activity('global'), 'recipient-country')).toEqual([]);
      expect(attrs(children(activity('global'), 'recipient-region'), 'code', 'vocabulary', 'percentage')).toEqual([['998', '1', '100']]);
    });

    it('classifies by DAC sector from the topics and budgets the planned amount in CHF for the activity’s year', () => {
      const sectors = (key: string) => attrs(children(activity(key), 'sector'), 'vocabulary', 'code', 'percentage');
      expect(sectors('national')).toEqual([['1', '33120', '100']]);
      expect(sectors('regional')).toEqual([
        ['1', '33110', '50'],
        ['1', '33181', '50'],
      ]);
      expect(sectors('global')).toEqual([['1', '33181', '100']]);

      const [budget] = children(activity('regional'), 'budget');
      expect([budget.getAttribute('type'), budget.getAttribute('status')]).toEqual(['1', '1']);
      expect(children(budget, 'period-start')[0].getAttribute('iso-date')).toBe('2025-01-01');
      expect(children(budget, 'period-end')[0].getAttribute('iso-date')).toBe('2025-12-31');
      const value = children(budget, 'value')[0];
      expect([value.textContent, value.getAttribute('currency'), value.getAttribute('value-date')]).toEqual(['45000.50', 'CHF', '2025-01-01']);
    });

    it('is checked by a validator that does reject a document out of the schema’s order', async () => {
      const swapped = xml.replace(/(<activity-status [^>]*\/>)(\s*)((?:<activity-date [^>]*\/>\s*)+)/, '$3$2$1');
      expect(swapped).not.toBe(xml);
      const errors = await schemaErrors(swapped);
      expect(errors.join('\n')).toContain("Element 'activity-date': This element is not expected");
    });
  });

  it('answers 404 for an unknown plan or a plan without activities, and 400 for an id that is not one', async () => {
    const unknown = await t.http.get(`/api/ta-plans/${UNKNOWN_ID}/iati.xml`).expect(refused(404, 'PLAN_NOT_FOUND', { planId: UNKNOWN_ID }));
    expect(unknown.body).toMatchObject({ statusCode: 404, message: `TA plan ${UNKNOWN_ID} not found` });
    const emptyPlanId = await insertPlan(t, { firstYear: 2026, lastYear: 2027, title: 'Empty', status: 'draft' });
    const empty = await t.http.get(`/api/ta-plans/${emptyPlanId}/iati.xml`).expect(refused(404, 'PLAN_HAS_NO_IATI_ACTIVITIES', { planCode: '2026-2027' }));
    expect(empty.body.message).toBe('plan 2026-2027 has no activities to publish in IATI yet');
    await t.http.get('/api/ta-plans/not-a-uuid/iati.xml').expect(refused(400, 'VALIDATION_FAILED'));
  });

  it('is the same for signed-in callers', async () => {
    const { token } = await signedIn(t, 'applicant');
    const response = await t.http.get(`/api/ta-plans/${plan.planId}/iati.xml`).auth(token, { type: 'bearer' }).expect(200);
    expect(response.text).toContain('<iati-activities version="2.03"');
  });
});
