import { JobName, JobQueue, QueueName } from '@trta/queues';
import { createTestApp, TestApp } from '../support/test-app';
import { signedIn } from '../support/factories';
import { activityFactory } from '../support/activity-fixtures';
import { bulkApplications } from '../support/application-fixtures';
import { until } from './fault-servers';

/**
 * A database restored from a backup (or recreated) while Redis keeps its completed jobs: job ids
 * are built from the rows' own ids, so a new report never meets an old report's job (it used to be
 * `audit-report-<year>-v<version>`, dropped as a duplicate, and the report stayed `queued` for
 * ever), and a notification the backup still has as `queued` is sent although its old job completed.
 */
describe('a restored database and the jobs Redis kept', () => {
  let t: TestApp;
  let auditor: { token: string };
  const createActivity = activityFactory(() => t);

  beforeAll(async () => {
    t = await createTestApp({ RELAY_INTERVAL_MS: '1000' });
    auditor = await signedIn(t, 'auditor');
    await t.startWorker();
  });
  afterAll(() => t.close());

  const statusOf = async (id: string) => ((await t.dataSource.query('SELECT status FROM audit_reports WHERE id = $1', [id])) as { status: string }[])[0]?.status;

  it('generates a report of the same year and version after the restore', async () => {
    const year = 2024;
    const first = await t.http.post('/api/audit-reports').auth(auditor.token, { type: 'bearer' }).send({ year }).expect(202);
    await until(async () => (await statusOf(first.body.id)) === 'completed', 30000, 'the first report was not generated');
    const queue = t.app.get(JobQueue).queue(QueueName.AuditReports);
    const firstJob = await queue.getJob(`audit-report-${first.body.id}`);
    expect(firstJob?.name).toBe(JobName.AuditReportGenerate);
    expect(await firstJob?.getState()).toBe('completed');

    // The restore: the database no longer has the report; Redis still has its completed job.
    await t.dataSource.query('DELETE FROM audit_reports WHERE year = $1', [year]);
    const second = await t.http.post('/api/audit-reports').auth(auditor.token, { type: 'bearer' }).send({ year }).expect(202);
    expect(second.body).toMatchObject({ year, version: first.body.version, status: 'queued' });
    expect(second.body.id).not.toBe(first.body.id);
    await until(async () => (await statusOf(second.body.id)) === 'completed', 30000, 'the report after the restore stayed queued');
  });

  it('re-queues a report left queued whose job is done (the request for its year, or the relay, queues it again)', async () => {
    const year = 2023;
    const first = await t.http.post('/api/audit-reports').auth(auditor.token, { type: 'bearer' }).send({ year }).expect(202);
    await until(async () => (await statusOf(first.body.id)) === 'completed', 30000, 'the report was not generated');
    // A backup taken while the report was queued: the row says queued, Redis has only the completed job.
    await t.dataSource.query(`ALTER TABLE audit_reports DISABLE TRIGGER audit_reports_frozen`);
    await t.dataSource.query(`UPDATE audit_reports SET status = 'queued', completed_at = NULL, data = NULL, checksum = NULL, progress = 0 WHERE id = $1`, [
      first.body.id,
    ]);
    await t.dataSource.query(`ALTER TABLE audit_reports ENABLE TRIGGER audit_reports_frozen`);
    const again = await t.http.post('/api/audit-reports').auth(auditor.token, { type: 'bearer' }).send({ year }).expect(202);
    expect(again.body.id).toBe(first.body.id);
    await until(async () => (await statusOf(first.body.id)) === 'completed', 30000, 'the stuck report was not re-queued');
  });

  it('sends a notification the backup has as queued although its old job completed', async () => {
    const staff = await signedIn(t, 'staff');
    const activity = await createActivity();
    const [application] = await bulkApplications(t, activity.id, 1);
    await t.http.post(`/api/applications/${application}/select`).auth(staff.token, { type: 'bearer' }).expect(200);
    const rowOf = async () =>
      ((await t.dataSource.query('SELECT id, status, attempts FROM notifications WHERE application_id = $1', [application])) as {
        id: string;
        status: string;
        attempts: number;
      }[])[0];
    await until(async () => (await rowOf())?.status === 'outbox', 30000, 'the notification was not sent');
    const sent = await rowOf();
    expect(await (await t.app.get(JobQueue).queue(QueueName.Notifications).getJob(`notification-${sent.id}`))?.getState()).toBe('completed');

    // restored from a backup taken before it was sent
    await t.dataSource.query(`UPDATE notifications SET status = 'queued', processed_at = NULL WHERE id = $1`, [sent.id]);
    await until(async () => (await rowOf()).status === 'outbox', 30000, 'the relay did not replace the completed job of a queued notification');
    expect((await rowOf()).attempts).toBe(sent.attempts + 1);
  });
});
