import { SMTPServer } from 'smtp-server';
import { NotificationKind, NotificationsService } from '@trta/notifications';
import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';
import { freePort } from './support/processes';
import { refused } from './support/refusals';

async function waitForStatus(t: TestApp, id: string, status: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const [row] = await t.dataSource.query('SELECT status, attempts, subject, body, locale, to_email AS "toEmail" FROM notifications WHERE id = $1', [id]);
    if (row?.status === status) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`notification ${id} never reached ${status}`);
}

async function queueOne(t: TestApp, userId: string, kind = NotificationKind.ApplicationSelected): Promise<string> {
  const service = t.app.get(NotificationsService);
  const id = await t.dataSource.transaction((manager) =>
    service.queue(manager, { userId, kind, params: { activityCode: 'TA-2026-0001', activityTitle: 'Trade facilitation', startDate: '2026-12-01' } }),
  );
  await service.dispatch([id]);
  return id as string;
}

describe('notifications without SMTP: kept in the outbox by the worker', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorker();
  });
  afterAll(() => t.close());

  it('renders the message in the recipient’s language and files it in the outbox', async () => {
    const applicant = await signedIn(t, 'applicant');
    await t.dataSource.query("UPDATE users SET locale = 'fr' WHERE id = $1", [applicant.id]);
    const id = await queueOne(t, applicant.id);
    const row = await waitForStatus(t, id, 'outbox');
    expect(row).toMatchObject({ locale: 'fr', toEmail: applicant.email, attempts: 1 });
    expect(row.subject).toBe('Vous êtes sélectionné(e) : TA-2026-0001 Trade facilitation');
    expect(row.body).toContain('2026-12-01');
  });

  it('lets staff read the outbox, newest first, filtered; nobody else', async () => {
    const applicant = await signedIn(t, 'applicant');
    const id = await queueOne(t, applicant.id, NotificationKind.ApplicationWaitlisted);
    await waitForStatus(t, id, 'outbox');
    const staff = await signedIn(t, 'staff');
    const list = await t.http
      .get('/api/notifications')
      .query({ userId: applicant.id, status: 'outbox', kind: 'application.waitlisted' })
      .auth(staff.token, { type: 'bearer' })
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id, kind: 'application.waitlisted', status: 'outbox', toEmail: applicant.email, subject: expect.stringContaining('TA-2026-0001') }),
    ]);
    await t.http.get('/api/notifications').query({ status: 'lost' }).auth(staff.token, { type: 'bearer' }).expect(refused(400, 'VALIDATION_FAILED'));
    await t.http.get('/api/notifications').auth(applicant.token, { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
    await t.http.get('/api/notifications').expect(refused(401, 'UNAUTHORIZED'));
  });

  it('queues a notification once however often it is requested', async () => {
    const applicant = await signedIn(t, 'applicant');
    const service = t.app.get(NotificationsService);
    const request = { userId: applicant.id, kind: NotificationKind.ApplicationRejected, params: {}, dedupKey: `same-${applicant.id}` };
    const first = await t.dataSource.transaction((manager) => service.queue(manager, request));
    const second = await t.dataSource.transaction((manager) => service.queue(manager, request));
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
  });

  it('writes nothing when the deciding transaction rolls back', async () => {
    const applicant = await signedIn(t, 'applicant');
    const service = t.app.get(NotificationsService);
    await expect(
      t.dataSource.transaction(async (manager) => {
        await service.queue(manager, { userId: applicant.id, kind: NotificationKind.ApplicationSubmitted, params: {} });
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND kind = 'application.submitted'`, [applicant.id]);
    expect(count).toBe(0);
  });
});

describe('notifications with SMTP_URL: sent through the mail server', () => {
  let t: TestApp;
  let server: SMTPServer;
  const received: { to: string; data: string }[] = [];
  beforeAll(async () => {
    const port = await freePort();
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'ittc@example.org' });
    await t.startWorker();
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers the email and marks it sent', async () => {
    const applicant = await signedIn(t, 'applicant');
    const id = await queueOne(t, applicant.id, NotificationKind.CertificateReady);
    await waitForStatus(t, id, 'sent');
    const mail = received.find((message) => message.to === applicant.email && message.data.includes('Your certificate'));
    expect(mail?.data).toContain('From: ittc@example.org');
    expect(mail?.data).toContain('Your certificate: TA-2026-0001 Trade facilitation');
  });
});

