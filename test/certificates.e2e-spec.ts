import type { Role } from '@trta/http';
import { NAMES_IN_ANY_SCRIPT, namesMissing, pdfText as rawPdfText } from './support/pdf-text';
import { activityCode, currentPlanWithProduct, day, insertActivity } from './support/activity-fixtures';
import { registration, signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

/** The text of a PDF, whitespace collapsed, as a reader copying it would get it. */
async function pdfText(pdf: Buffer): Promise<string> {
  return (await rawPdfText(pdf)).replace(/\s+/g, ' ');
}

const PUBLIC_URL = 'https://trta.example.org/planner';

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
    t = await createTestApp({ PUBLIC_URL });
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
    const long = (date: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
    for (const part of ['Certificate of Completion', 'Mariama Sow', 'Regional course on SPS measures', activity.code, long(day(-12)), long(day(-8)), 'Nairobi, Kenya', certificateCode]) {
      expect(text).toContain(part);
    }
    // The full public address of the verification page, from PUBLIC_URL, and a link to it.
    expect(text).toContain(`${PUBLIC_URL}/certificates/${certificateCode}`);
    expect(pdf.toString('latin1')).toContain(`/URI (${PUBLIC_URL}/certificates/${certificateCode})`);
  });

  it('is in the participant’s language, or the one asked for, with the dates and the venue as that language writes them', async () => {
    await t.dataSource.query(`UPDATE users SET locale = 'es' WHERE id = $1`, [owner.id]);
    const spanish = await pdfText((await getPdf(completedId, owner.token).expect(200)).body as Buffer);
    const long = (date: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
    for (const part of ['Certificado de finalización', 'Se certifica que', 'Mariama Sow', long(day(-12), 'es-ES'), 'Nairobi, Kenia', 'Código de verificación']) {
      expect(spanish).toContain(part);
    }
    expect(spanish).not.toContain('Certificate of Completion');
    const french = await pdfText((await t.http.get(`/api/applications/${completedId}/certificate.pdf?lang=fr`).auth(tokens.staff, { type: 'bearer' }).buffer(true).expect(200)).body as Buffer);
    for (const part of ['Certificat de réussite', long(day(-8), 'fr-FR'), 'Vérifiez ce certificat']) expect(french).toContain(part);
    await t.http.get(`/api/applications/${completedId}/certificate.pdf?lang=de`).auth(tokens.staff, { type: 'bearer' }).expect(refused(400, 'VALIDATION_FAILED'));
    await t.dataSource.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [owner.id]);
  });

  it('prints names in any script', async () => {
    for (const name of NAMES_IN_ANY_SCRIPT) {
      await t.dataSource.query('UPDATE applicant_profiles SET full_name = $2 WHERE user_id = $1', [owner.id, name]);
      const text = await rawPdfText((await getPdf(completedId, owner.token).expect(200)).body as Buffer);
      expect(namesMissing(text, [name])).toEqual([]);
      expect(text).not.toContain('?');
    }
    await t.dataSource.query('UPDATE applicant_profiles SET full_name = $2 WHERE user_id = $1', [owner.id, 'Mariama Sow']);
  });

  it('lets staff, admins and auditors download it; hides it from other applicants; refuses other roles', async () => {
    for (const role of ['staff', 'admin', 'auditor'] as Role[]) await getPdf(completedId, tokens[role]).expect(200);
    const another = await getPdf(completedId, tokens.applicant).expect(refused(404, 'APPLICATION_NOT_FOUND'));
    expect(another.body.message).toBe(`Application ${completedId} not found`);
    await getPdf(completedId, tokens.focal_point).expect(refused(403, 'FORBIDDEN'));
    await t.http.get(`/api/applications/${completedId}/certificate.pdf`).expect(refused(401, 'UNAUTHORIZED'));
    await getPdf('00000000-0000-4000-8000-000000000000', tokens.staff).expect(refused(404, 'APPLICATION_NOT_FOUND'));
    await getPdf('nope', tokens.staff).expect(refused(400, 'VALIDATION_FAILED'));
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
