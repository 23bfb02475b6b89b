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
    await worker.close(); // closes the BullMQ workers, which wait for their active jobs
    await stopServers();
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

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
