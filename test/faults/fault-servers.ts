import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApi } from '../../apps/api/src/create-api';
import { createWorker } from '../../apps/worker/src/create-worker';
import { AppConfig, loadConfig } from '@trta/config';
import { runMigrations } from '@trta/database';
import { pingRedis } from '@trta/queues';
import { ResponseSchemaCheck } from '../support/response-schemas';
import { freePort } from '../support/processes';
import '../support/refusals';

/**
 * Servers of a fault test's own, which it may stop and start at will (the shared PostgreSQL and
 * Redis are never stopped): a redis-server on a free port, and an embedded PostgreSQL on a free
 * port started the way the product starts one (test/support/servers.cjs, from the build).
 */
export interface OwnRedis {
  port: number;
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** A redis-server of the test's own; `persist` keeps its data (append-only file) across a restart, as production does. */
export async function ownRedis({ persist = true }: { persist?: boolean } = {}): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'trta-fault-redis-'));
  let child: ChildProcess | undefined;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', persist ? 'yes' : 'no'];
  const start = async () => {
    child = spawn('redis-server', args, { stdio: 'ignore' });
    await until(() => pingRedis(port), 10000, `redis-server on ${port} did not answer`);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once('exit', resolve);
      running.kill('SIGKILL'); // stopped without warning, as a crash or a network cut would
    });
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface OwnPostgres {
  port: number;
  /** The URL of the server's `trta_test` database. */
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** An embedded PostgreSQL of the test's own (data kept across stop/start); needs `npm run build:api`. */
export async function ownPostgres(): Promise<OwnPostgres> {
  const [port, unused] = await Promise.all([freePort(), freePort()]);
  const dataDir = mkdtempSync(join(tmpdir(), 'trta-fault-pg-'));
  chmodSync(dataDir, 0o755); // reachable by the postgres user when the tests run as root
  let child: ChildProcess | undefined;
  let url = '';
  const start = async () => {
    const started = spawn(process.execPath, [join(__dirname, '../support/servers.cjs')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATA_DIR: dataDir,
        EMBEDDED_POSTGRES_PORT: String(port),
        POSTGRES_LOCAL_PORT: String(unused),
        // Redis is not this server's business: the shared one is named, and never stopped by it.
        REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      },
    });
    let errors = '';
    started.stderr?.on('data', (chunk) => (errors += chunk));
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: started.stdout! }).once('line', resolve);
      started.once('exit', (code) => reject(new Error(`embedded PostgreSQL did not start (exit ${code}): ${errors}`)));
    });
    url = (JSON.parse(line) as { databaseUrl: string }).databaseUrl;
    child = started;
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once('exit', resolve);
      running.kill('SIGTERM'); // servers.cjs stops its embedded PostgreSQL and exits
    });
  };
  await start();
  return {
    port,
    get url() {
      return url;
    },
    start,
    stop,
    close: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface FaultApp {
  app: NestFastifyApplication;
  http: TestAgent;
  dataSource: DataSource;
  config: AppConfig;
  workers: INestApplicationContext[];
  startWorker(): Promise<INestApplicationContext>;
  close(): Promise<void>;
}

/** The real API (and workers on demand) on the given database and Redis, with a queue prefix of its own. */
export async function faultApp(databaseUrl: string, redisUrl: string, env: Record<string, string> = {}): Promise<FaultApp> {
  await runMigrations(databaseUrl);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: `fault-${randomBytes(6).toString('hex')}`,
    ADMIN_EMAIL: 'admin@test.local',
    ADMIN_PASSWORD: 'admin-password-123',
    QUEUE_ADD_TIMEOUT_MS: '500',
    RELAY_INTERVAL_MS: '1000',
    ...env,
  });
  const app = await createApi({ config, databaseUrl, redisUrl });
  await app.init();
  const responses = ResponseSchemaCheck.attach(app);
  await app.getHttpAdapter().getInstance().ready();
  const workers: INestApplicationContext[] = [];
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource: app.get<DataSource>(getDataSourceToken()),
    config,
    workers,
    startWorker: async () => {
      const worker = await createWorker({ config, databaseUrl, redisUrl });
      workers.push(worker);
      return worker;
    },
    close: async () => {
      for (const worker of workers) await worker.close();
      await app.close();
      responses.assertNone();
    },
  };
}

/** Polls `check` until it holds, or fails with `message`. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(message);
}

/** How long `work` took, in milliseconds, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = Date.now();
  const result = await work();
  return { ms: Date.now() - started, result };
}
