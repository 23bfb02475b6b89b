import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';
import { QueueName } from './queue-name.enum';

export const REDIS_URL = Symbol('REDIS_URL');

export interface QueuesOptions {
  redisUrl: string;
  prefix: string;
}

/** Connects BullMQ to Redis and registers every queue; `JobQueue` enqueues typed jobs. */
@Global()
@Module({})
export class QueuesModule {
  static forRoot({ redisUrl, prefix }: QueuesOptions): DynamicModule {
    const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));
    return {
      module: QueuesModule,
      imports: [
        BullModule.forRoot({
          prefix,
          // Workers block on Redis; BullMQ requires unlimited retries per request for them.
          connection: { url: redisUrl, maxRetriesPerRequest: null, enableOfflineQueue: true },
        }),
        queues,
      ],
      providers: [JobQueue, { provide: REDIS_URL, useValue: redisUrl }],
      exports: [queues, JobQueue, REDIS_URL],
    };
  }
}
