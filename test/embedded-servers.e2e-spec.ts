import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pingRedis } from '@trta/queues';
import { registration } from './support/factories';
import { freePort, isListening, runBuilt, waitForHttp } from './support/processes';

/**
 * `npm start` on a machine where no PostgreSQL and no Redis answer: the API starts an embedded
 * PostgreSQL and a redis-server child under DATA_DIR, keeps data across a restart, and stops
 * them on Ctrl-C.
 */
describe('start with no PostgreSQL or Redis server reachable', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trta-embedded-'));
  chmodSync(dataDir, 0o755); // the embedded server runs as a non-root user when tests run as root
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves /api/health with embedded servers and keeps a registered user across a restart', async () => {
    const [apiPort, postgresPort, redisPort, unusedPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const env = {
      PORT: String(apiPort),
      DATA_DIR: dataDir,
      POSTGRES_LOCAL_PORT: String(unusedPort),
      REDIS_LOCAL_PORT: String(unusedPort),
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      EMBEDDED_REDIS_PORT: String(redisPort),
      WORKER_IN_PROCESS: 'true',
      LOG_LEVEL: 'warn',
    };
    const base = `http://127.0.0.1:${apiPort}`;
    const user = registration();

    const first = runBuilt('apps/api/src/main.js', env);
    await waitForHttp(`${base}/api/health`, first, 90000);
    expect(first.output()).toContain('PostgreSQL: embedded; Redis: redis-server child');
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
    const registered = await fetch(`${base}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(user),
    });
    expect(registered.status).toBe(201);
    expect(await first.stop('SIGINT')).toBe(0);
    expect(await pingRedis(redisPort)).toBe(false);
    expect(await isListening(postgresPort)).toBe(false);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();

    const second = runBuilt('apps/api/src/main.js', env);
    await waitForHttp(`${base}/api/health`, second, 90000);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(login.status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);
    expect(await isListening(postgresPort)).toBe(false);
  }, 180000);
});
