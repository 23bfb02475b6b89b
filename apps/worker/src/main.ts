import 'reflect-metadata';
import { loadConfig } from '@trta/config';
import { locatePostgres } from '@trta/database';
import { locateRedis } from '@trta/queues';
import { createWorker } from './create-worker';

/** `npm run start:worker`: the queue worker on its own, as production runs it. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string) => console.log(message);
  const postgres = await locatePostgres(config, log);
  const redis = await locateRedis(config, log);
  const worker = await createWorker({ config, databaseUrl: postgres.url, redisUrl: redis.url });
  log(`worker ${process.pid} processing queues on ${redis.source}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing active jobs and stopping`);
    await worker.close(); // closes the BullMQ workers, which wait for their active jobs
    await redis.stop();
    await postgres.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
