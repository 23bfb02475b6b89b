import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@trta/config';
import { locatePostgres } from '@trta/database';
import { locateRedis } from '@trta/queues';
import { createWorker } from './create-worker';

/** `npm run start:worker`: the queue worker on its own, as production runs it. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string) => console.log(message);
  let worker: INestApplicationContext | undefined;
  let stopRequested: string | undefined;
  let stopServers: () => Promise<void> = async () => {};
  const stop = async (signal: string) => {
    if (stopRequested) return;
    stopRequested = signal;
    // Startup still under way: it stops as soon as the worker exists (see below).
    if (!worker) return;
    log(`${signal}: finishing active jobs and stopping`);
    // Whatever Redis does, the worker ends within SHUTDOWN_TIMEOUT_MS; a job cut short is
    // taken up again (its lock expires) and its row in PostgreSQL says what is left to do.
    setTimeout(() => {
      console.error(`shutdown took longer than SHUTDOWN_TIMEOUT_MS (${config.SHUTDOWN_TIMEOUT_MS} ms): exiting now`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    // closes the BullMQ workers, which wait for their active jobs (for 60 % of the deadline at most)
    await within(worker.close(), config.SHUTDOWN_TIMEOUT_MS * 0.6);
    await stopServers().catch(() => undefined);
    process.exit(0);
  };
  // Installed before anything starts, so a signal during startup is never the default kill.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const postgres = await locatePostgres(config, log);
  const redis = await locateRedis(config, log);
  stopServers = async () => {
    await redis.stop();
    await postgres.stop();
  };
  worker = await createWorker({ config, databaseUrl: postgres.url, redisUrl: redis.url });
  log(`worker ${process.pid} processing queues on ${redis.source}`);
  if (stopRequested) {
    const signal = stopRequested;
    stopRequested = undefined;
    await stop(signal);
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
