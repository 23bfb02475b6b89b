import { INestApplicationContext, Logger as NestLogger } from '@nestjs/common';
import { DiscoveryService, NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { assertEveryJobHandled, JobProcessor, quietErrors } from '@trta/queues';
import { WorkerModule, WorkerModuleOptions } from './worker.module';

/** Where @nestjs/bullmq keeps the options given to @Processor(queue, options). */
const WORKER_OPTIONS = 'bullmq:worker_metadata';

/** Starts the worker's application context: its processors begin taking jobs from Redis. */
export async function createWorker(options: WorkerModuleOptions): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const processors = app
    .get(DiscoveryService)
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((instance): instance is JobProcessor => instance instanceof JobProcessor);
  assertEveryJobHandled(processors);
  // WORKER_CONCURRENCY applies to every queue whose processor does not fix its own (audit reports run one at a time).
  for (const processor of processors) {
    const declared = (Reflect.getMetadata(WORKER_OPTIONS, processor.constructor) as { concurrency?: number } | undefined)?.concurrency;
    if (declared === undefined) processor.worker.concurrency = options.config.WORKER_CONCURRENCY;
    // Redis away: the workers reconnect by themselves; their errors go to the log, briefly.
    processor.worker.on('error', quietErrors(new NestLogger('Worker'), `worker of ${processor.worker.name}`));
  }
  return app;
}
