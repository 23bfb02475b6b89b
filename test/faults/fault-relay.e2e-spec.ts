import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@trta/database';
import { UsersService } from '@trta/identity';
import { createTestDatabase, type TestApp } from '../support/test-app';
import { PASSWORD, uniqueEmail } from '../support/factories';
import { activityFactory } from '../support/activity-fixtures';
import { bulkApplications } from '../support/application-fixtures';
import { freePort, runBuilt, waitForHttp } from '../support/processes';
import { faultApp, FaultApp, ownRedis, OwnRedis, timed, until } from './fault-servers';

/** An answer that did not wait on Redis (before, it never came); generous for a busy CI machine (argon2 at sign-in). */
const PROMPT_MS = 8000;

/**
 * The outbox relay after an API restart: the built API (as production runs it) decides and
 * takes a report request while Redis is down, and is stopped (within SHUTDOWN_TIMEOUT_MS although
 * Redis does not answer) before Redis is back; Redis comes back empty (its jobs lost). A worker
 * then finds the rows still `queued` in PostgreSQL and sends / generates each exactly once.
 */
describe('the relay after an API restart', () => {
  let redis: OwnRedis;
  let database: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let worker: FaultApp | undefined;
  const createActivity = activityFactory(() => ({ dataSource }) as unknown as TestApp);

  beforeAll(async () => {
    redis = await ownRedis({ persist: false });
    database = await createTestDatabase();
    await runMigrations(database.url);
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
  });
  afterAll(async () => {
    await worker?.close();
    await dataSource?.destroy();
    await redis.close();
    await database.drop();
  });

  it('sends what the API could not queue, once, when a worker starts after Redis is back', async () => {
    const [port] = await Promise.all([freePort()]);
    const prefix = `fault-${randomBytes(6).toString('hex')}`;
    const env = {
      PORT: String(port),
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      QUEUE_PREFIX: prefix,
      QUEUE_ADD_TIMEOUT_MS: '300',
      SHUTDOWN_TIMEOUT_MS: '4000',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: 'admin@test.local',
      ADMIN_PASSWORD: 'admin-password-123',
    };
    const base = `http://127.0.0.1:${port}`;
    const staffEmail = uniqueEmail('staff');
    await dataSource.query(`INSERT INTO users (email, password_hash, role, locale) VALUES ($1, $2, 'staff', 'en')`, [
      staffEmail,
      await UsersService.hashPassword(PASSWORD),
    ]);
    const activity = await createActivity({ capacity: 25 });
    const applications = await bulkApplications({ dataSource } as unknown as TestApp, activity.id, 4);
    const year = new Date().getUTCFullYear() - 1;
    const post = (path: string, token: string | null, body: unknown = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });

    const first = runBuilt('apps/api/src/main.js', env);
    try {
      await waitForHttp(`${base}/api/health`, first, 60000);
      const tokenOf = async (email: string, password: string) =>
        ((await (await post('/api/auth/login', null, { email, password })).json()) as { accessToken: string }).accessToken;
      const staff = await tokenOf(staffEmail, PASSWORD);
      const admin = await tokenOf(env.ADMIN_EMAIL, env.ADMIN_PASSWORD);

      await redis.stop();
      for (const id of applications) {
        const { ms, result } = await timed(() => post(`/api/applications/${id}/select`, staff));
        expect(result.status).toBe(200);
        expect(ms).toBeLessThan(PROMPT_MS);
      }
      const report = await post('/api/audit-reports', admin, { year });
      expect(report.status).toBe(202);

      // Stopped while Redis does not answer: within the deadline all the same.
      const { ms: stopMs } = await timed(() => first.stop('SIGTERM'));
      expect(stopMs).toBeLessThan(4000 + 2000);
    } finally {
      await first.stop('SIGKILL');
    }
    const queued = await dataSource.query(`SELECT count(*)::int AS count FROM notifications WHERE status = 'queued'`);
    expect(queued[0].count).toBe(4);

    // Redis back, empty (its jobs lost); the API is gone: a worker's relay finds the rows.
    await redis.start();
    worker = await faultApp(database.url, redis.url, { QUEUE_PREFIX: prefix, RELAY_INTERVAL_MS: '1000' });
    await worker.startWorker();
    await until(
      async () => (await dataSource.query(`SELECT count(*)::int AS count FROM notifications WHERE status = 'outbox'`))[0].count === 4,
      45000,
      'the relay did not send the notifications left queued',
    );
    await until(
      async () => (await dataSource.query(`SELECT status FROM audit_reports WHERE year = $1`, [year]))[0]?.status === 'completed',
      45000,
      'the relay did not generate the report left queued',
    );
    // exactly once: one attempt each, also after further relay passes
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const attempts = await dataSource.query(`SELECT attempts FROM notifications ORDER BY id`);
    expect(attempts.map((row: { attempts: number }) => row.attempts)).toEqual([1, 1, 1, 1]);
    await worker.close();
    worker = undefined;
  }, 150000);

  it('stops the built worker within SHUTDOWN_TIMEOUT_MS while Redis does not answer', async () => {
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      QUEUE_PREFIX: `fault-${randomBytes(6).toString('hex')}`,
      SHUTDOWN_TIMEOUT_MS: '4000',
      LOG_LEVEL: 'warn',
    };
    const running = runBuilt('apps/worker/src/main.js', env);
    try {
      await until(async () => running.output().includes('processing queues'), 60000, 'the worker did not start');
      await redis.stop();
      // Its BullMQ connections now wait for a Redis that does not come back: the deadline ends it.
      const { ms, result: code } = await timed(() => running.stop('SIGTERM'));
      expect(running.output()).toContain('SIGTERM: finishing active jobs and stopping');
      expect(ms).toBeLessThan(4000 + 2000);
      expect(code === 0 || code === 1).toBe(true);
    } finally {
      await running.stop('SIGKILL');
      await redis.start();
    }
  }, 90000);
});
