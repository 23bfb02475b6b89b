import { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { assertEveryJobHandled, JobProcessor } from '@trta/queues';
import { WorkerModule, WorkerModuleOptions } from './worker.module';

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
  return app;
}
