import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { JobQueue } from './job-queue.service';
import { QueueName } from './queue-name.enum';

export const REDIS_URL = Symbol('REDIS_URL');

export interface QueuesOptions {
  redisUrl: string;
  prefix: string;
  /** The worker process: its queues carry the connection its BullMQ workers need (they inherit it). */
  workers?: boolean;
}

/**
 * Redis options for a client that answers requests: a command fails at once while Redis is
 * away (no offline queue that waits for ever), and reconnects keep being tried in the background.
 */
export function failFastRedisOptions() {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times: number) => Math.min(200 * times, 2000),
  };
}

/** Connects BullMQ to Redis and registers every queue; `JobQueue` enqueues typed jobs. */
@Global()
@Module({})
export class QueuesModule {
  static forRoot({ redisUrl, prefix, workers = false }: QueuesOptions): DynamicModule {
    // Workers block on Redis and BullMQ requires unlimited retries per request for them; the
    // API only adds jobs, and must never wait on Redis to answer a request.
    const connection: ConnectionOptions = workers
      ? { url: redisUrl, maxRetriesPerRequest: null, enableOfflineQueue: true }
      : { url: redisUrl, ...failFastRedisOptions() };
    const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));
    return {
      module: QueuesModule,
      imports: [BullModule.forRoot({ prefix, connection }), queues],
      providers: [JobQueue, { provide: REDIS_URL, useValue: redisUrl }],
      exports: [queues, JobQueue, REDIS_URL],
    };
  }
}
