import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { activityWithSheet, currentPlanWithProduct, day, sheetTexts } from './support/activity-fixtures';
import { signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Issue 16 item 1: answers above 1 KB in text formats are compressed as the client accepts,
 * small ones and PDFs are not; the built web app's assets go out pre-compressed, cached for a
 * year, index.html never cached. Uses fastify's inject so that the bytes are seen as sent.
 */
describe('compression', () => {
  let t: TestApp;
  let activityId: string;

  const get = (url: string, acceptEncoding?: string) =>
    t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  beforeAll(async () => {
    t = await createTestApp();
    const staff = (await signedIn(t, 'staff')).token;
    const plan = await currentPlanWithProduct(t);
    const activity = await activityWithSheet(t, staff, plan, {
      overrides: { title: 'Compression workshop', startDate: day(60), endDate: day(62), applicationDeadline: day(20) },
      sheet: sheetTexts('en', 'a sheet long enough to be worth compressing '.repeat(20)),
    });
    activityId = activity.id;
  });

  afterAll(() => t.close());

  it('compresses a JSON answer above the threshold with brotli or gzip, as accepted', async () => {
    const plain = await get('/api/reference/countries', 'identity');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await get('/api/reference/countries', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());

    const gzip = await get('/api/reference/countries', 'gzip, deflate');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('sends small answers and clients that accept no encoding as they are', async () => {
    const health = await get('/api/health', 'br, gzip');
    expect(health.statusCode).toBe(200);
    expect(health.rawPayload.length).toBeLessThan(1024);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json()).toEqual(expect.objectContaining({ status: expect.any(String) }));

    const none = await get('/api/reference/countries');
    expect(none.headers['content-encoding']).toBeUndefined();
  });

  it('compresses the calendar feed and the catalogue, and leaves the printable PDF sheet alone', async () => {
    const feed = await get('/api/catalogue.ics', 'gzip');
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    if (feed.headers['content-encoding']) expect(gunzipSync(feed.rawPayload).toString('utf8')).toContain('Compression workshop');
    else expect(feed.rawPayload.length).toBeLessThan(1024);

    const catalogue = await get('/api/catalogue?limit=50', 'br');
    expect(catalogue.statusCode).toBe(200);
    const items = (JSON.parse((catalogue.headers['content-encoding'] === 'br' ? brotliDecompressSync(catalogue.rawPayload) : catalogue.rawPayload).toString('utf8')) as { items: { id: string }[] }).items;
    expect(items.map((item) => item.id)).toContain(activityId);

    const pdf = await get(`/api/catalogue/${activityId}/sheet.pdf`, 'br, gzip');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    expect(pdf.headers['content-encoding']).toBeUndefined();
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  const dist = join(__dirname, '../apps/web/dist');
  const built = existsSync(join(dist, 'index.html'));
  (built ? it : it.skip)('serves the built web app pre-compressed: hashed assets cached for a year, index.html never', async () => {
    const script = readdirSync(join(dist, 'assets')).find((name) => name.endsWith('.js') && existsSync(join(dist, 'assets', `${name}.br`)))!;
    const original = readFileSync(join(dist, 'assets', script));

    const br = await get(`/assets/${script}`, 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload).toEqual(readFileSync(join(dist, 'assets', `${script}.br`)));
    expect(brotliDecompressSync(br.rawPayload)).toEqual(original);

    const gzip = await get(`/assets/${script}`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload)).toEqual(original);

    const plain = await get(`/assets/${script}`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload).toEqual(original);

    for (const path of ['/', '/catalogue', '/index.html']) {
      const page = await get(path, 'br, gzip');
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      const html = page.headers['content-encoding'] === 'br' ? brotliDecompressSync(page.rawPayload) : page.headers['content-encoding'] === 'gzip' ? gunzipSync(page.rawPayload) : page.rawPayload;
      expect(html.toString('utf8')).toContain('<div id="root">');
    }
  });
});
