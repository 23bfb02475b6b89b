import { dirname, join } from 'node:path';
import type { Role } from '@trta/http';
import { activityCode, currentPlanWithProduct, day, insertActivity } from './support/activity-fixtures';
import { registration, signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

/** The text of a PDF, whitespace collapsed, as a reader copying it would get it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const { definePDFJSModule, extractText, getDocumentProxy } = await import('unpdf');
  // unpdf loads its PDF.js bundle with a dynamic import, which Jest's module sandbox refuses: hand it over instead.
  await definePDFJSModule(async () => require(join(dirname(require.resolve('unpdf')), 'pdfjs.mjs')));
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('certificates', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let owner: { id: string; token: string };
  let activity: { id: string; code: string };
  let completedId: string;
  let certificateCode: string;
  let attendedId: string;
  const planYear = new Date().getUTCFullYear();

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'staff', 'auditor', 'focal_point', 'applicant'] as Role[]) tokens[role] = (await signedIn(t, role)).token;
    const body = registration({}, { fullName: 'Mariama Sow', country: 'GIN' });
    const registered = await t.http.post('/api/auth/register').send(body).expect(201);
    owner = { id: registered.body.user.id, token: registered.body.accessToken };
    activity = await insertActivity(t, await currentPlanWithProduct(t), {
      code: activityCode(planYear, 901),
      title: 'Regional course on SPS measures',
      languages: ['en', 'fr'],
      capacity: 30,
      status: 'delivered',
      startDate: day(-12),
      endDate: day(-8),
      venueCity: 'Nairobi',
      venueCountry: 'KEN',
    });
    [{ id: completedId }] = await t.dataSource.query(
      `INSERT INTO applications (activity_id, applicant_id, country, status, attended_days) VALUES ($1, $2, 'GIN', 'attended', 5) RETURNING id`,
      [activity.id, owner.id],
    );
    const completed = await t.http.post(`/api/applications/${completedId}/complete`).auth(tokens.staff, { type: 'bearer' }).expect(200);
    certificateCode = completed.body.certificateCode;
    const other = await signedIn(t, 'applicant');
    [{ id: attendedId }] = await t.dataSource.query(
      `INSERT INTO applications (activity_id, applicant_id, country, status, attended_days) VALUES ($1, $2, 'SEN', 'attended', 2) RETURNING id`,
      [activity.id, other.id],
    );
  });
  afterAll(() => t.close());

  const getPdf = (id: string, token: string) => t.http.get(`/api/applications/${id}/certificate.pdf`).auth(token, { type: 'bearer' }).buffer(true);

  it('gives the owner a PDF naming them, the activity, its dates and the verification code', async () => {
    const response = await getPdf(completedId, owner.token).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="certificate-${certificateCode}.pdf"`);
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const part of ['Certificate of Completion', 'Mariama Sow', 'Regional course on SPS measures', activity.code, day(-12), day(-8), certificateCode, `/api/certificates/${certificateCode}`]) {
      expect(text).toContain(part);
    }
  });

  it('lets staff, admins and auditors download it; hides it from other applicants; refuses other roles', async () => {
    for (const role of ['staff', 'admin', 'auditor'] as Role[]) await getPdf(completedId, tokens[role]).expect(200);
    const another = await getPdf(completedId, tokens.applicant).expect(refused(404, 'APPLICATION_NOT_FOUND'));
    expect(another.body.message).toBe(`Application ${completedId} not found`);
    await getPdf(completedId, tokens.focal_point).expect(refused(403, 'FORBIDDEN'));
    await t.http.get(`/api/applications/${completedId}/certificate.pdf`).expect(refused(401, 'UNAUTHORIZED'));
    await getPdf('00000000-0000-4000-8000-000000000000', tokens.staff).expect(refused(404, 'APPLICATION_NOT_FOUND'));
    await getPdf('nope', tokens.staff).expect(refused(400, 'BAD_REQUEST'));
  });

  it('has no certificate before completion', async () => {
    const response = await getPdf(attendedId, tokens.staff).expect(refused(409, 'CERTIFICATE_NOT_ISSUED'));
    expect(response.body.message).toContain('is attended; a certificate is issued when it is completed');
  });

  it('verifies a code publicly, telling who completed what and when, and nothing else', async () => {
    const response = await t.http.get(`/api/certificates/${certificateCode}`).expect(200);
    const [{ completedAt }] = await t.dataSource.query('SELECT completed_at AS "completedAt" FROM applications WHERE id = $1', [completedId]);
    expect(response.body).toStrictEqual({
      code: certificateCode,
      participant: 'Mariama Sow',
      activity: { code: activity.code, title: 'Regional course on SPS measures', startDate: day(-12), endDate: day(-8) },
      completedAt: (completedAt as Date).toISOString(),
    });
    const raw = JSON.stringify(response.body);
    for (const secret of [owner.id, completedId, activity.id, 'GIN', '@example.org']) expect(raw).not.toContain(secret);
    // As a person would type it.
    await t.http.get(`/api/certificates/${certificateCode.toLowerCase()}`).expect(200);
  });

  it('answers 404 to an unknown code and 400 to garbage', async () => {
    await t.http.get('/api/certificates/TRTA-0000000000').expect(refused(404, 'CERTIFICATE_NOT_FOUND'));
    for (const garbage of ['hello', 'TRTA-123', 'TRTA-UUUUUUUUUU', 'A'.repeat(90), "TRTA-'%20OR%201=1"]) {
      const response = await t.http.get(`/api/certificates/${garbage}`).expect(refused(400, 'CERTIFICATE_CODE_INVALID'));
      expect(response.body.message).toContain('certificate code');
    }
  });
});
