import { createTestApp, TestApp } from './support/test-app';
import { login, PASSWORD, registration, signedIn } from './support/factories';
import { activityFactory } from './support/activity-fixtures';
import { type Body, type Token, PDF, applicantIn, client, uploadPdf } from './support/application-fixtures';
import { refused } from './support/refusals';
import { ProfileService } from '@trta/applications';

describe('applicant profile, personal data and account', () => {
  let t: TestApp;
  let staff: Token;
  let focalKen: Token;
  const createActivity = activityFactory(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signedIn(t, 'staff');
    focalKen = await signedIn(t, 'focal_point', 'KEN');
  });
  afterAll(() => t.close());

  const validProfile = {
    fullName: 'Wanjiru Kamau',
    gender: 'female',
    nationality: 'ken',
    country: 'UGA',
    institutionType: 'parliament',
    institution: 'Parliament of Uganda',
    position: 'Clerk',
    languages: ['en'],
  };

  describe('GET, PUT /api/me/profile', () => {
    it('reads and replaces the profile', async () => {
      const me = await applicantIn(t, 'KEN');
      const read = await client(t, me).get('/api/me/profile').expect(200);
      expect(read.body).toMatchObject({ fullName: 'Amina Diallo', country: 'KEN', nationality: 'KEN', gender: 'female', languages: ['fr', 'en'] });
      const put = await client(t, me).put('/api/me/profile', validProfile).expect(200);
      expect(put.body).toMatchObject({ ...validProfile, nationality: 'KEN', updatedAt: expect.any(String) });
      expect((await client(t, me).get('/api/me/profile').expect(200)).body).toEqual(put.body);
    });

    it('refuses unknown country codes naming the field, and every bad input', async () => {
      const me = await applicantIn(t, 'KEN');
      const unknown = await client(t, me).put('/api/me/profile', { ...validProfile, country: 'XYZ' }).expect(refused(400, 'UNKNOWN_COUNTRY'));
      expect(unknown.body.message).toBe('country XYZ is not a known country code');
      const nationality = await client(t, me).put('/api/me/profile', { ...validProfile, nationality: 'QQQ' }).expect(refused(400, 'UNKNOWN_COUNTRY'));
      expect(nationality.body.message).toBe('nationality QQQ is not a known country code');
      const cases: [Body, string][] = [
        [{ ...validProfile, gender: 'unknown' }, 'gender'],
        [{ ...validProfile, country: 'KE' }, 'country'],
        [{ ...validProfile, institutionType: 'bank' }, 'institutionType'],
        [{ ...validProfile, fullName: '' }, 'fullName'],
        [{ ...validProfile, languages: ['de'] }, 'languages'],
        [{ ...validProfile, languages: 'en' }, 'languages'],
        [{ ...validProfile, email: 'x@example.org' }, 'email'],
        [{ ...validProfile, position: 12 }, 'position'],
        [{ fullName: 'Only a name' }, 'gender'],
      ];
      for (const [body, field] of cases) {
        const response = await client(t, me).put('/api/me/profile', body);
        refused(400, 'VALIDATION_FAILED')(response);
        expect(JSON.stringify(response.body.message)).toContain(field);
      }
      expect((await client(t, me).get('/api/me/profile')).body.country).toBe('KEN');
    });

    it('is for applicants', async () => {
      await client(t, undefined).get('/api/me/profile').expect(refused(401, 'UNAUTHORIZED'));
      await client(t, staff).get('/api/me/profile').expect(refused(403, 'FORBIDDEN'));
      await client(t, focalKen).put('/api/me/profile', validProfile).expect(refused(403, 'FORBIDDEN'));
    });
  });

  describe('refusals of an account without a profile, of an admin, and of a deleted account', () => {
    it('names each by its code', async () => {
      const me = await applicantIn(t, 'KEN');
      await t.dataSource.query('DELETE FROM applicant_profiles WHERE user_id = $1', [me.id]);
      await client(t, me).get('/api/me/profile').expect(refused(404, 'PROFILE_NOT_FOUND'));
      const activity = await createActivity();
      await client(t, me).post(`/api/activities/${activity.id}/applications`, { motivation: 'Hi', documents: [] }).expect(refused(422, 'PROFILE_INCOMPLETE'));

      const admin = await signedIn(t, 'admin');
      await client(t, admin).delete('/api/me').expect(refused(403, 'STAFF_ACCOUNT_NOT_SELF_DELETABLE'));

      const gone = await signedIn(t, 'staff');
      await t.dataSource.query('DELETE FROM users WHERE id = $1', [gone.id]);
      await client(t, gone).get('/api/auth/me').expect(refused(404, 'USER_NOT_FOUND'));
    });
  });

  describe('POST /api/me/files', () => {
    it('stores a PDF, PNG, JPEG or DOCX as the applicant’s own upload', async () => {
      const me = await applicantIn(t, 'KEN');
      const response = await t.http.post('/api/me/files').auth(me.token, { type: 'bearer' }).attach('file', PDF, 'My CV.pdf').expect(201);
      expect(response.body).toEqual({ id: expect.any(String), filename: 'My CV.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length });
      const [{ uploadedBy }] = await t.dataSource.query('SELECT uploaded_by AS "uploadedBy" FROM stored_files WHERE id = $1', [response.body.id]);
      expect(uploadedBy).toBe(me.id);
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a30000000049454e44ae426082', 'hex');
      const image = await t.http.post('/api/me/files').auth(me.token, { type: 'bearer' }).attach('file', png, 'passport.pdf').expect(201);
      expect(image.body).toMatchObject({ filename: 'passport.pdf.png', mediaType: 'image/png' });
    });

    it('refuses other types, from their content, and requests without a file', async () => {
      const me = await applicantIn(t, 'KEN');
      const text = await t.http
        .post('/api/me/files')
        .auth(me.token, { type: 'bearer' })
        .attach('file', Buffer.from('just text, not a pdf'), 'cv.pdf')
        .expect(refused(415, 'FILE_TYPE_NOT_ACCEPTED'));
      expect(text.body.message).toContain('accepted types: application/pdf, image/png, image/jpeg');
      await t.http.post('/api/me/files').auth(me.token, { type: 'bearer' }).send({ file: 'x' }).expect(refused(415, 'MULTIPART_REQUIRED'));
      await t.http.post('/api/me/files').auth(me.token, { type: 'bearer' }).field('note', 'no file').expect(refused(400, 'FILE_MISSING'));
      await t.http.post('/api/me/files').auth(me.token, { type: 'bearer' }).attach('file', Buffer.alloc(0), 'empty.pdf').expect(refused(400, 'FILE_EMPTY'));
      await t.http
        .post('/api/me/files')
        .auth(me.token, { type: 'bearer' })
        .attach('file', PDF, 'a.pdf')
        .attach('other', PDF, 'b.pdf')
        .expect(refused(413, 'TOO_MANY_FILES'));
      const fields = Array.from({ length: 21 }, (_, index) => index).reduce((request, index) => request.field(`f${index}`, 'x'), t.http.post('/api/me/files').auth(me.token, { type: 'bearer' }));
      await fields.attach('file', PDF, 'cv.pdf').expect(refused(413, 'TOO_MANY_FIELDS'));
      const large = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
      await t.http.post('/api/me/files').auth(me.token, { type: 'bearer' }).attach('file', large, 'big.pdf').expect(refused(413, 'FILE_TOO_LARGE'));
      await t.http
        .post('/api/me/files')
        .auth(me.token, { type: 'bearer' })
        .set('content-type', 'multipart/form-data; boundary=XYZ')
        .send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 trunc')
        .expect(refused(400, 'MULTIPART_MALFORMED'));
      await t.http.post('/api/me/files').attach('file', PDF, 'cv.pdf').expect(refused(401, 'UNAUTHORIZED'));
      await t.http.post('/api/me/files').auth(staff.token, { type: 'bearer' }).attach('file', PDF, 'cv.pdf').expect(refused(403, 'FORBIDDEN'));
    });
  });

  describe('GET /api/me/data and DELETE /api/me', () => {
    let me: Token;
    let applicationId: string;
    let activity: { id: string; code: string };
    let fileId: string;

    beforeAll(async () => {
      me = await applicantIn(t, 'KEN', { fullName: 'Grace Achieng', gender: 'female', institutionType: 'academia', institution: 'University of Nairobi' });
      activity = await createActivity({ requiresNomination: true });
      fileId = await uploadPdf(t, me);
      const response = await client(t, me)
        .post(`/api/activities/${activity.id}/applications`, { motivation: 'My research on SPS measures', documents: [{ kind: 'cv', fileId }] })
        .expect(201);
      applicationId = response.body.id;
      await client(t, focalKen).post(`/api/applications/${applicationId}/endorse`).expect(200);
      await client(t, staff).post(`/api/applications/${applicationId}/select`).expect(200);
      await t.dataSource.query(
        `INSERT INTO evaluations (application_id, satisfaction, relevance, pre_test_score, post_test_score, comments) VALUES ($1, 5, 4, 40, 80, 'Loved it, Grace')`,
        [applicationId],
      );
    });

    it('downloads everything kept about the person as JSON', async () => {
      const response = await client(t, me).get('/api/me/data').expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toBe('attachment; filename="my-data.json"');
      expect(response.body).toMatchObject({
        user: { id: me.id, email: me.email, role: 'applicant' },
        profile: { fullName: 'Grace Achieng', institution: 'University of Nairobi' },
        applications: [
          {
            id: applicationId,
            activityCode: activity.code,
            motivation: 'My research on SPS measures',
            status: 'selected',
            documents: [{ kind: 'cv', fileId, mediaType: 'application/pdf' }],
          },
        ],
        evaluations: [{ applicationId, satisfaction: 5, relevance: 4, preTestScore: 40, postTestScore: 80, comments: 'Loved it, Grace' }],
        files: [{ id: fileId, mediaType: 'application/pdf' }],
      });
      expect(response.body.notifications.map((row: { kind: string }) => row.kind).sort()).toEqual([
        'account.verify_email',
        'application.endorsed',
        'application.selected',
        'application.submitted',
      ]);
      expect(response.body.user.passwordHash).toBeUndefined();
      await client(t, undefined).get('/api/me/data').expect(refused(401, 'UNAUTHORIZED'));
      await client(t, staff).get('/api/me/data').expect(refused(403, 'FORBIDDEN'));
    });

    it('erases the account in one go, keeping what the audit counts', async () => {
      await client(t, staff).delete('/api/me').expect(refused(403, 'FORBIDDEN'));
      await client(t, undefined).delete('/api/me').expect(refused(401, 'UNAUTHORIZED'));
      await client(t, me).delete('/api/me').expect(204);

      const [user] = await t.dataSource.query('SELECT email, password_hash AS "passwordHash", deleted_at AS "deletedAt" FROM users WHERE id = $1', [me.id]);
      expect(user).toEqual({ email: `deleted-${me.id}@deleted.invalid`, passwordHash: null, deletedAt: expect.any(Date) });
      const [profile] = await t.dataSource.query(
        'SELECT full_name AS "fullName", institution, position, gender, country, institution_type AS "institutionType" FROM applicant_profiles WHERE user_id = $1',
        [me.id],
      );
      expect(profile).toEqual({ fullName: '', institution: '', position: '', gender: 'female', country: 'KEN', institutionType: 'academia' });
      const [application] = await t.dataSource.query('SELECT status, motivation, country FROM applications WHERE id = $1', [applicationId]);
      expect(application).toEqual({ status: 'selected', motivation: '', country: 'KEN' });
      const [{ seats }] = await t.dataSource.query('SELECT seats_taken AS seats FROM activities WHERE id = $1', [activity.id]);
      expect(seats).toBe(1);
      expect(await t.dataSource.query('SELECT 1 FROM stored_files WHERE id = $1 OR uploaded_by = $2', [fileId, me.id])).toEqual([]);
      expect(await t.dataSource.query('SELECT 1 FROM application_documents WHERE application_id = $1', [applicationId])).toEqual([]);
      const [evaluation] = await t.dataSource.query('SELECT satisfaction, post_test_score AS post, comments FROM evaluations WHERE application_id = $1', [
        applicationId,
      ]);
      expect(evaluation).toEqual({ satisfaction: 5, post: 80, comments: null });
      const notifications = await t.dataSource.query('SELECT user_id AS "userId", to_email AS "toEmail", body FROM notifications WHERE application_id = $1', [
        applicationId,
      ]);
      expect(notifications.length).toBeGreaterThanOrEqual(4);
      for (const row of notifications) {
        expect(row.body).toBe('[erased]');
        expect(row.toEmail).toBe(row.userId === me.id ? `deleted-${me.id}@deleted.invalid` : focalKen.email);
      }
      expect(JSON.stringify(notifications)).not.toContain('Grace');

      // The person cannot sign in, the old token is refused, and the email is free again.
      const signIn = await t.http.post('/api/auth/login').send({ email: me.email, password: PASSWORD });
      refused(401, 'WRONG_CREDENTIALS')(signIn);
      // Erasure ended the person's sessions: the old token is refused before any route runs.
      await client(t, me).get('/api/me/profile').expect(refused(401, 'UNAUTHORIZED'));
      await client(t, me).get('/api/me/data').expect(refused(401, 'UNAUTHORIZED'));
      await client(t, me).delete('/api/me').expect(refused(401, 'UNAUTHORIZED'));
      // And the service itself refuses an erased account (a request that raced the erasure).
      await expect(t.app.get(ProfileService).erase({ id: me.id, email: me.email, role: 'applicant', country: null })).rejects.toMatchObject({
        refusal: { code: 'ACCOUNT_DELETED', status: 401 },
      });
      const again = await t.http.post('/api/auth/register').send(registration({ email: me.email })).expect(201);
      expect(again.body.user.id).not.toBe(me.id);
      await login(t.http, me.email);

      // Staff still see the application, anonymised.
      const seen = await client(t, staff).get(`/api/applications/${applicationId}`).expect(200);
      expect(seen.body).toMatchObject({ status: 'selected', documents: [], applicant: { fullName: '', email: `deleted-${me.id}@deleted.invalid` } });
    });
  });
});
