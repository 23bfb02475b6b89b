import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@trta/config';
import { locatePostgres, runMigrations } from '@trta/database';
import { AdminBootstrapService } from '@trta/identity';
import { locateRedis } from '@trta/queues';
import { createWorker } from '../../worker/src/create-worker';
import { createApi } from './create-api';

/**
 * `npm start` / `npm run start:api`: finds (or starts) PostgreSQL and Redis, migrates, creates the
 * first admin, serves the API; with WORKER_IN_PROCESS the worker runs in this process too.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string) => console.log(message);
  const postgres = await locatePostgres(config, log);
  let redis: Awaited<ReturnType<typeof locateRedis>> | undefined;
  let worker: INestApplicationContext | undefined;
  const shutdown = async (code: number) => {
    await worker?.close().catch(() => undefined);
    await redis?.stop().catch(() => undefined);
    await postgres.stop().catch(() => undefined);
    process.exit(code);
  };
  try {
    redis = await locateRedis(config, log);
    log(`PostgreSQL: ${postgres.source}; Redis: ${redis.source}`);
    if (config.MIGRATE_ON_START) {
      const applied = await runMigrations(postgres.url);
      if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    }
    const app = await createApi({ config, databaseUrl: postgres.url, redisUrl: redis.url });
    await app.get(AdminBootstrapService).ensureAdmin();
    if (config.WORKER_IN_PROCESS) worker = await createWorker({ config, databaseUrl: postgres.url, redisUrl: redis.url });
    await app.listen({ port: config.PORT, host: '0.0.0.0' });
    log(`TRTA Planner API on http://localhost:${config.PORT} (docs: /docs)${worker ? ', worker in this process' : ''}`);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: shutting down`);
      await app.close();
      await shutdown(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    console.error((error as Error).message);
    await shutdown(1);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
