import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

describe('reference data (seeded by migrations)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists every ISO 3166 country and territory with region, LDC flag and WTO status', async () => {
    const response = await t.http.get('/api/reference/countries').expect(200);
    const countries = response.body.items as Array<{ code: string; region: string; ldc: boolean; wtoStatus: string; names: Record<string, string> }>;
    expect(countries.length).toBe(250);
    expect(countries.filter((country) => country.ldc)).toHaveLength(44);
    expect(countries.find((country) => country.code === 'SEN')).toMatchObject({ region: 'africa', ldc: true, wtoStatus: 'member', names: { fr: 'Sénégal' } });
    expect(countries.find((country) => country.code === 'CHE')).toMatchObject({ region: 'developed', ldc: false });
    expect(countries.every((country) => /^[A-Z]{3}$/.test(country.code))).toBe(true);
  });

  it('filters countries by region and LDC status, and refuses an unknown region', async () => {
    const caribbean = await t.http.get('/api/reference/countries').query({ region: 'caribbean', ldc: 'true' }).expect(200);
    expect(caribbean.body.items.map((country: { code: string }) => country.code)).toEqual(['HTI']);
    const bad = await t.http.get('/api/reference/countries').query({ region: 'atlantis' }).expect(refused(400, 'VALIDATION_FAILED'));
    expect(bad.body.message.join()).toMatch(/region must be one of/);
  });

  it('lists regions, divisions and topics', async () => {
    const regions = await t.http.get('/api/reference/regions').expect(200);
    expect(regions.body.items.map((region: { code: string }) => region.code)).toEqual(
      expect.arrayContaining(['africa', 'arab_middle_east', 'asia_pacific', 'caribbean', 'ceecac', 'latin_america', 'developed']),
    );
    const divisions = await t.http.get('/api/reference/divisions').expect(200);
    expect(divisions.body.items.map((division: { code: string }) => division.code)).toContain('ITTC');
    const topics = await t.http.get('/api/reference/topics').expect(200);
    expect(topics.body.items).toHaveLength(16);
    const levels = await t.http.get('/api/reference/pls-levels').expect(200);
    expect(levels.body.items.map((level: { level: number }) => level.level)).toEqual([1, 2, 3]);
    const categories = await t.http.get('/api/reference/product-categories').expect(200);
    expect(categories.body.items.map((category: { code: string }) => category.code).sort()).toEqual(['academic', 'ecampus', 'general', 'specialized', 'trainee']);
  });
});
