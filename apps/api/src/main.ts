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
    // Whatever Redis or PostgreSQL do (a close that waits on a server that is away), the process
    // ends within SHUTDOWN_TIMEOUT_MS: the applications get the first 60 % of it, the embedded
    // servers this process started the rest, and then it exits regardless.
    const budget = config.SHUTDOWN_TIMEOUT_MS;
    setTimeout(() => {
      console.error(`shutdown took longer than SHUTDOWN_TIMEOUT_MS (${budget} ms): exiting now`);
      process.exit(code === 0 ? 1 : code);
    }, budget).unref();
    await within(Promise.all([started.api?.close(), started.worker?.close()]), budget * 0.6);
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

/** Waits for `work` (its failure ignored) at most `ms` milliseconds. */
function within(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
