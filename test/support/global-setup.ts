import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds PostgreSQL and Redis once for the whole run, the way the product does (a local server,
 * else embedded ones), and hands their URLs to every test file through the environment.
 * Jest's module mapper does not reach global setup, so it loads the build (`npm test` builds first).
 */
export default async function globalSetup(): Promise<void> {
  const dist = join(__dirname, '../../dist/libs');
  if (!existsSync(dist)) throw new Error('run `npm run build` before the end-to-end tests (npm test does)');
  const { loadConfig } = require(join(dist, 'config/src')) as typeof import('../../libs/config/src');
  const { locatePostgres } = require(join(dist, 'database/src')) as typeof import('../../libs/database/src/postgres-locator');
  const { locateRedis } = require(join(dist, 'queues/src/redis-locator')) as typeof import('../../libs/queues/src/redis-locator');
  const config = loadConfig({ ...process.env, DATABASE_NAME: 'trta_test' });
  const postgres = await locatePostgres(config, (message) => console.log(message));
  const redis = await locateRedis(config, (message) => console.log(message));
  process.env.TEST_DATABASE_URL = postgres.url;
  process.env.TEST_REDIS_URL = redis.url;
  (globalThis as { __trtaStop?: () => Promise<void> }).__trtaStop = async () => {
    await redis.stop();
    await postgres.stop();
  };
}
