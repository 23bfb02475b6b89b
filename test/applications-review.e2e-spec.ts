import { activityFactory, day } from './support/activity-fixtures';
import { client, REVIEW_COUNTRIES, reviewApplications, type Token } from './support/application-fixtures';
import { signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

type Item = { id: string; status: string; country: string; applicant: { fullName: string; gender: string } };

/**
 * Staff's review of an activity's applications (issue 12, item 4): filters, sorting and pages
 * with a total for 250+ applications, the balance of the seats, each applicant's dossier, and the
 * downloads with the same filters.
 */
describe('applications review', () => {
  let t: TestApp;
  let staff: Token;
  let auditor: Token;
  let createActivity: ReturnType<typeof activityFactory>;
  let activity: { id: string; code: string };
  let ids: string[];
  let ldcCountries: Set<string>;
  let regions: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signedIn(t, 'staff');
    auditor = await signedIn(t, 'auditor');
    createActivity = activityFactory(() => t);
    activity = await createActivity({ capacity: 30 });
    ids = await reviewApplications(t, activity.id, 260);
    const countries = (await t.dataSource.query('SELECT code, region, ldc FROM countries WHERE code = ANY($1)', [[...REVIEW_COUNTRIES]])) as {
      code: string;
      region: string;
      ldc: boolean;
    }[];
    ldcCountries = new Set(countries.filter((country) => country.ldc).map((country) => country.code.trim()));
    regions = new Map(countries.map((country) => [country.code.trim(), country.region]));
  });
  afterAll(() => t.close());

  const list = (query: string, who: Token = staff) => client(t, who).get(`/api/activities/${activity.id}/applications?${query}`).expect(200);

  /** Every page of a query, `limit` at a time: the items in order and the pages' totals. */
  async function everyPage(query: string, limit: number): Promise<{ items: Item[]; totals: number[]; pages: number }> {
    const items: Item[] = [];
    const totals: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      items.push(...page.body.items);
      totals.push(page.body.total);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    return { items, totals, pages };
  }

  it('pages through 260 applications with their total, to the last one', async () => {
    const { items, totals, pages } = await everyPage('sort=submitted', 50);
    expect(pages).toBe(6);
    expect(totals.every((total) => total === 260)).toBe(true);
    expect(items.map((item) => item.id)).toEqual(ids);
    expect(items[259].applicant.fullName).toBe('Applicant 260');
    const newest = await list('sort=submitted&order=desc&limit=1');
    expect(newest.body.items[0].id).toBe(ids[259]);
  });

  it('sorts by name, country and status, the keyset giving the same order whatever the page size', async () => {
    for (const sort of ['name', 'country', 'status']) {
      for (const order of ['asc', 'desc']) {
        const small = await everyPage(`sort=${sort}&order=${order}`, 37);
        const large = await everyPage(`sort=${sort}&order=${order}`, 200);
        expect(small.items.map((item) => item.id)).toEqual(large.items.map((item) => item.id));
        expect(new Set(small.items.map((item) => item.id)).size).toBe(260);
      }
    }
    const byName = await list('sort=name&limit=3');
    expect(byName.body.items.map((item: Item) => item.applicant.fullName)).toEqual(['Applicant 001', 'Applicant 002', 'Applicant 003']);
    const byNameDesc = await list('sort=name&order=desc&limit=1');
    expect(byNameDesc.body.items[0].applicant.fullName).toBe('Applicant 260');
    const byCountry = (await everyPage('sort=country', 100)).items.map((item) => item.country);
    expect(byCountry).toEqual([...byCountry].sort());
    // A cursor of another order is refused rather than read wrongly.
    const first = await list('sort=name&limit=5');
    await client(t, staff).get(`/api/activities/${activity.id}/applications?sort=country&cursor=${first.body.nextCursor}`).expect(refused(400, 'INVALID_CURSOR'));
  });

  it('filters by status, country, region, gender, LDC and name, each with its total', async () => {
    await client(t, staff)
      .post(`/api/activities/${activity.id}/applications/decisions`, { decisions: ids.slice(0, 3).map((applicationId) => ({ applicationId, action: 'select' })) })
      .expect(200);
    await client(t, staff).post(`/api/applications/${ids[3]}/waitlist`).expect(200);

    const selected = await list('status=selected');
    expect(selected.body.total).toBe(3);
    const seatOrWait = await list('status=selected&status=waitlisted');
    expect(seatOrWait.body.total).toBe(4);
    expect(seatOrWait.body.items.map((item: Item) => item.id)).toEqual(ids.slice(0, 4));

    const kenya = await everyPage('country=KEN', 200);
    expect(kenya.totals[0]).toBe(kenya.items.length);
    expect(kenya.items.length).toBeGreaterThan(0);
    expect(kenya.items.every((item) => item.country === 'KEN')).toBe(true);

    const region = regions.get('PER')!;
    const inRegion = await everyPage(`region=${region}`, 200);
    expect(inRegion.items.length).toBeGreaterThan(0);
    expect(inRegion.items.every((item) => regions.get(item.country) === region)).toBe(true);

    const women = await everyPage('gender=female', 200);
    expect(women.items.length).toBe(130);
    expect(women.items.every((item) => item.applicant.gender === 'female')).toBe(true);

    const ldc = await everyPage('ldc=true', 200);
    const others = await everyPage('ldc=false', 200);
    expect(ldc.items.length + others.items.length).toBe(260);
    expect(ldc.items.every((item) => ldcCountries.has(item.country))).toBe(true);
    expect(others.items.every((item) => !ldcCountries.has(item.country))).toBe(true);

    const named = await list('q=applicant%20042');
    expect(named.body.total).toBe(1);
    expect(named.body.items[0].id).toBe(ids[41]);
    expect((await list('q=100%25')).body.total).toBe(0);

    for (const query of ['status=maybe', 'country=kenya', 'region=Africa!', 'gender=x', 'ldc=perhaps', 'sort=age', 'order=up', `q=${'x'.repeat(101)}`]) {
      await client(t, staff).get(`/api/activities/${activity.id}/applications?${query}`).expect(refused(400, 'VALIDATION_FAILED'));
    }
  });

  it('says what staff may do in bulk now, and why attendance and completion wait for the dates', async () => {
    const page = await list('limit=1');
    expect(page.body.activity).toEqual({
      id: activity.id,
      code: activity.code,
      title: expect.any(String),
      status: 'open',
      startDate: day(60),
      endDate: day(64),
      lengthDays: 5,
      selfPaced: false,
      allowedActions: ['decide'],
      refusedActions: [
        { action: 'attend', code: 'ACTIVITY_NOT_STARTED', params: { action: 'attend', startDate: day(60) } },
        { action: 'complete', code: 'ACTIVITY_NOT_ENDED', params: { action: 'complete', endDate: day(64) } },
      ],
    });
    expect((await list('limit=1', auditor)).body.activity).toMatchObject({ allowedActions: [], refusedActions: [] });

    const held = await createActivity({ status: 'closed', start: day(-10), deadline: day(-20) });
    const past = await client(t, staff).get(`/api/activities/${held.id}/applications`).expect(200);
    expect(past.body.activity).toMatchObject({ allowedActions: ['decide', 'attend', 'complete'], refusedActions: [] });
  });

  it('gives the balance of the seats by country, region, gender and LDC', async () => {
    const balance = await client(t, auditor).get(`/api/activities/${activity.id}/applications/balance`).expect(200);
    const held = await t.dataSource.query(
      `SELECT ap.country, p.gender, ap.status FROM applications ap JOIN applicant_profiles p ON p.user_id = ap.applicant_id WHERE ap.activity_id = $1`,
      [activity.id],
    );
    const seat = held.filter((row: { status: string }) => ['selected', 'attended', 'completed'].includes(row.status));
    expect(balance.body.seats).toEqual({ capacity: 30, taken: seat.length, left: 30 - seat.length });
    const sum = (rows: { selected: number; applications: number; waitlisted: number }[]) =>
      rows.reduce((total, row) => ({ selected: total.selected + row.selected, applications: total.applications + row.applications, waitlisted: total.waitlisted + row.waitlisted }), {
        selected: 0,
        applications: 0,
        waitlisted: 0,
      });
    for (const group of ['country', 'region', 'gender', 'ldc']) expect(sum(balance.body[group])).toEqual({ selected: seat.length, applications: 260, waitlisted: 1 });
    const kenya = balance.body.country.find((row: { key: string }) => row.key === 'KEN');
    expect(kenya).toEqual({
      key: 'KEN',
      selected: seat.filter((row: { country: string }) => row.country === 'KEN').length,
      waitlisted: expect.any(Number),
      applications: held.filter((row: { country: string }) => row.country === 'KEN').length,
    });
    expect(balance.body.ldc.map((row: { key: string }) => row.key).sort()).toEqual(['ldc', 'other']);
    expect(balance.body.gender.find((row: { key: string }) => row.key === 'female').applications).toBe(130);
    await client(t, await signedIn(t, 'applicant')).get(`/api/activities/${activity.id}/applications/balance`).expect(refused(403, 'FORBIDDEN'));
    await client(t, staff).get('/api/activities/00000000-0000-4000-8000-000000000000/applications/balance').expect(refused(404, 'ACTIVITY_NOT_FOUND'));
  });

  it("opens an applicant's dossier: languages, the nominating focal point, earlier participations and PLS level reached", async () => {
    const earlier = await createActivity({ plsLevel: 2, status: 'delivered', start: day(-200), deadline: day(-230) });
    const basic = await createActivity({ plsLevel: 1, status: 'delivered', start: day(-400), deadline: day(-430) });
    const nominated = await createActivity({ requiresNomination: true, plsLevel: 3 });
    const [current] = await reviewApplications(t, nominated.id, 1, { prefix: 'Dossier' });
    const [{ applicantId }] = await t.dataSource.query('SELECT applicant_id AS "applicantId", country FROM applications WHERE id = $1', [current]);
    const [completed] = (await t.dataSource.query(
      `INSERT INTO applications (activity_id, applicant_id, country, status, attended_days, completed_at, certificate_code)
       SELECT $1, $2, country, 'completed', 5, now(), 'TRTA-DOSSIER01' FROM applicant_profiles WHERE user_id = $2 RETURNING id`,
      [earlier.id, applicantId],
    )) as { id: string }[];
    await t.dataSource.query(
      `INSERT INTO applications (activity_id, applicant_id, country, status) SELECT $1, $2, country, 'no_show' FROM applicant_profiles WHERE user_id = $2`,
      [basic.id, applicantId],
    );
    const [{ country }] = await t.dataSource.query('SELECT country FROM applications WHERE id = $1', [current]);
    const focal = await signedIn(t, 'focal_point', country.trim());
    await client(t, focal).post(`/api/applications/${current}/endorse`, { reason: 'Leads our negotiating team.' }).expect(200);

    const dossier = await client(t, staff).get(`/api/applications/${current}/dossier`).expect(200);
    expect(dossier.body).toEqual({
      applicationId: current,
      languages: ['en', 'fr'],
      nominatedBy: { email: focal.email, country: country.trim() },
      plsLevelReached: 2,
      participations: [
        expect.objectContaining({ applicationId: completed.id, activityCode: earlier.code, plsLevel: 2, status: 'completed', attendedDays: 5 }),
        expect.objectContaining({ activityCode: basic.code, plsLevel: 1, status: 'no_show' }),
      ],
    });
    const application = await client(t, auditor).get(`/api/applications/${current}`).expect(200);
    expect(application.body).toMatchObject({ nominationReason: 'Leads our negotiating team.', motivation: expect.stringContaining('I negotiate') });
    expect((await client(t, auditor).get(`/api/applications/${ids[0]}/dossier`).expect(200)).body).toMatchObject({ nominatedBy: null, plsLevelReached: null, participations: [] });
    await client(t, focal).get(`/api/applications/${current}/dossier`).expect(refused(403, 'FORBIDDEN'));
    await client(t, staff).get('/api/applications/00000000-0000-4000-8000-000000000000/dossier').expect(refused(404, 'APPLICATION_NOT_FOUND'));
  });

  it('downloads the participant list with the same filters as CSV and XLSX', async () => {
    const csv = await client(t, staff).get(`/api/activities/${activity.id}/applications?format=csv&status=selected&status=attended&status=completed`).expect(200);
    const lines = csv.text.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(ids.slice(0, 3));
    const women = await client(t, staff).get(`/api/activities/${activity.id}/applications?format=csv&gender=female&country=KEN`).expect(200);
    const rows = women.text.trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((line) => line.includes(',female,KEN,KEN,'))).toBe(true);
    const xlsx = await client(t, staff).get(`/api/activities/${activity.id}/applications?format=xlsx&ldc=true`).expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});
