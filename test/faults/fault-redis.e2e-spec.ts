import { createTestDatabase, type TestApp } from '../support/test-app';
import { signedIn } from '../support/factories';
import { activityFactory } from '../support/activity-fixtures';
import { bulkApplications } from '../support/application-fixtures';
import { refused } from '../support/refusals';
import { faultApp, FaultApp, ownRedis, OwnRedis, timed, until } from './fault-servers';

/** An answer that did not wait on Redis (before, it never came); generous for a busy CI machine (argon2 at sign-in). */
const PROMPT_MS = 8000;

/**
 * Redis stopped without warning while staff decide and an auditor requests a report, then
 * started again: every answer comes at once (nothing waits on Redis), sign-in keeps working,
 * and once Redis is back every notification is sent exactly once and the report is generated.
 */
describe('Redis stopped during decisions and report requests', () => {
  let redis: OwnRedis;
  let database: { url: string; drop(): Promise<void> };
  let t: FaultApp;
  const createActivity = activityFactory(() => t as unknown as TestApp);

  beforeAll(async () => {
    redis = await ownRedis();
    database = await createTestDatabase();
    t = await faultApp(database.url, redis.url);
    await t.startWorker();
  });
  afterAll(async () => {
    await redis.start().catch(() => undefined);
    await t?.close();
    await redis.close();
    await database.drop();
  });

  const notificationsOf = (ids: string[]) =>
    t.dataSource.query(
      `SELECT application_id AS "applicationId", status, attempts FROM notifications WHERE application_id = ANY($1::uuid[]) ORDER BY application_id`,
      [ids],
    ) as Promise<{ applicationId: string; status: string; attempts: number }[]>;

  it('answers decisions and report requests at once, signs in, and sends everything exactly once after the restart', async () => {
    const app = t as unknown as TestApp;
    const staff = await signedIn(app, 'staff');
    const auditor = await signedIn(app, 'auditor');
    const activity = await createActivity({ capacity: 25 });
    const applications = await bulkApplications(app, activity.id, 6);
    const year = new Date().getUTCFullYear() - 1;

    // With Redis up, a decision's notification is sent by the worker.
    await t.http.post(`/api/applications/${applications[0]}/select`).auth(staff.token, { type: 'bearer' }).expect(200);
    await until(async () => (await notificationsOf([applications[0]]))[0]?.status === 'outbox', 20000, 'the first notification was not sent');

    await redis.stop();

    // Decisions commit and answer at once; their notifications wait in the outbox table.
    for (const id of applications.slice(1)) {
      const { ms } = await timed(() => t.http.post(`/api/applications/${id}/select`).auth(staff.token, { type: 'bearer' }).expect(200));
      expect(ms).toBeLessThan(PROMPT_MS);
    }
    const waiting = await notificationsOf(applications.slice(1));
    expect(waiting).toHaveLength(5);
    expect(waiting.every((row) => row.status === 'queued')).toBe(true);

    // A report request answers at once too: the report is queued in PostgreSQL.
    const { ms: requestMs, result: requested } = await timed(() =>
      t.http.post('/api/audit-reports').auth(auditor.token, { type: 'bearer' }).send({ year }).expect(202),
    );
    expect(requestMs).toBeLessThan(PROMPT_MS);
    expect(requested.body.status).toBe('queued');

    // Sign-in works, and failed sign-ins are still counted (in this process) and refused past the limit.
    const { ms: loginMs } = await timed(() => t.http.post('/api/auth/login').send({ email: staff.email, password: 'correct-horse-battery' }).expect(200));
    expect(loginMs).toBeLessThan(PROMPT_MS);
    for (let attempt = 0; attempt < t.config.LOGIN_MAX_FAILURES; attempt++) {
      await t.http.post('/api/auth/login').send({ email: auditor.email, password: 'wrong-password-123' }).expect(refused(401, 'WRONG_CREDENTIALS'));
    }
    await t.http.post('/api/auth/login').send({ email: auditor.email, password: 'wrong-password-123' }).expect(refused(429, 'TOO_MANY_SIGN_IN_ATTEMPTS'));

    await redis.start();

    // The worker's relay queues what the API could not; each is sent once.
    await until(
      async () => (await notificationsOf(applications)).every((row) => row.status === 'outbox'),
      45000,
      'notifications queued while Redis was down were not sent after it came back',
    );
    const sent = await notificationsOf(applications);
    expect(sent).toHaveLength(6);
    expect(sent.map((row) => row.attempts)).toEqual([1, 1, 1, 1, 1, 1]);

    await until(
      async () => {
        const [report] = await t.dataSource.query('SELECT status FROM audit_reports WHERE id = $1', [requested.body.id]);
        return report.status === 'completed';
      },
      45000,
      'the report requested while Redis was down was not generated after it came back',
    );
    // Exactly one report for the year, and the relay's later passes send nothing again.
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM audit_reports WHERE year = $1', [year]);
    expect(count).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await notificationsOf(applications)).map((row) => row.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
  }, 120000);
});
