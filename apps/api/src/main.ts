import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@trta/config';
import { LocatedPostgres, locatePostgres, runMigrations } from '@trta/database';
import { AdminBootstrapService } from '@trta/identity';
import { LocatedRedis, locateRedis } from '@trta/queues';
import { createWorker } from '../../worker/src/create-worker';
import { createApi } from './create-api';

/**
 * `npm start` / `npm run start:api`: finds (or starts) PostgreSQL and Redis, migrates, creates the
 * first admin, serves the API; with WORKER_IN_PROCESS the worker runs in this process too.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string) => console.log(message);
  const started: { postgres?: LocatedPostgres; redis?: LocatedRedis; api?: INestApplicationContext; worker?: INestApplicationContext } = {};
  let stopping = false;
  const shutdown = async (code: number) => {
    await started.api?.close().catch(() => undefined);
    await started.worker?.close().catch(() => undefined);
    await started.redis?.stop().catch(() => undefined);
    await started.postgres?.stop().catch(() => undefined);
    process.exit(code);
  };
  // Installed before anything starts: Ctrl-C during startup also stops the embedded servers.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: shutting down`);
      void shutdown(0);
    });
  }
  try {
    started.postgres = await locatePostgres(config, log);
    started.redis = await locateRedis(config, log);
    log(`PostgreSQL: ${started.postgres.source}; Redis: ${started.redis.source}`);
    if (config.MIGRATE_ON_START) {
      const applied = await runMigrations(started.postgres.url);
      if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    }
    const app = await createApi({ config, databaseUrl: started.postgres.url, redisUrl: started.redis.url });
    started.api = app;
    await app.get(AdminBootstrapService).ensureAdmin();
    if (config.WORKER_IN_PROCESS) {
      started.worker = await createWorker({ config, databaseUrl: started.postgres.url, redisUrl: started.redis.url });
    }
    await app.listen({ port: config.PORT, host: '0.0.0.0' });
    log(`TRTA Planner on http://localhost:${config.PORT} (API docs: /docs)${started.worker ? ', worker in this process' : ''}`);
  } catch (error) {
    console.error((error as Error).message);
    await shutdown(1);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
