import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApi } from '../../apps/api/src/create-api';
import { createWorker } from '../../apps/worker/src/create-worker';
import { AppConfig, loadConfig } from '@trta/config';
import { ensureDatabase, runMigrations, withDatabase } from '@trta/database';
import { ResponseSchemaCheck } from './response-schemas';
import './refusals';

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  dataSource: DataSource;
  config: AppConfig;
  databaseUrl: string;
  redisUrl: string;
  /** Starts a worker on this test file's queues; closed with the app. */
  startWorker(): Promise<void>;
  /** The workers started so far. */
  workers: INestApplicationContext[];
  /** Every successful answer checked against the OpenAPI document; `close()` fails on a mismatch. */
  responses: ResponseSchemaCheck;
  close(): Promise<void>;
}

export function testInfrastructure(): { databaseUrl: string; redisUrl: string } {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  const redisUrl = process.env.TEST_REDIS_URL;
  if (!databaseUrl || !redisUrl) throw new Error('run the end-to-end tests through jest: test/support/global-setup.ts sets their servers');
  return { databaseUrl, redisUrl };
}

/** A database of the test file's own, created and migrated, dropped again at the end. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `trta_test_${randomBytes(6).toString('hex')}`;
  const url = withDatabase(testInfrastructure().databaseUrl, name);
  await ensureDatabase(url);
  return {
    url,
    drop: async () => {
      const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * The real API on a database and a queue prefix of this test file's own, so files never see
 * each other's rows or jobs and can run in any order.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { redisUrl } = testInfrastructure();
  const database = await createTestDatabase();
  await runMigrations(database.url);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    ADMIN_EMAIL: 'admin@test.local',
    ADMIN_PASSWORD: 'admin-password-123',
    ...env,
  });
  const app = await createApi({ config, databaseUrl: database.url, redisUrl });
  await app.init();
  const responses = ResponseSchemaCheck.attach(app);
  await app.getHttpAdapter().getInstance().ready();
  const workers: INestApplicationContext[] = [];
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource: app.get<DataSource>(getDataSourceToken()),
    config,
    databaseUrl: database.url,
    redisUrl,
    workers,
    responses,
    startWorker: async () => {
      workers.push(await createWorker({ config, databaseUrl: database.url, redisUrl }));
    },
    close: async () => {
      for (const worker of workers) await worker.close();
      await app.close();
      await database.drop();
      responses.assertNone();
    },
  };
}
