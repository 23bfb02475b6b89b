import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Job, JobsOptions, Queue } from 'bullmq';
import { JOB_OPTIONS, JOB_QUEUE, JobName, JobPayloads } from './jobs';
import { QueueName } from './queue-name.enum';

/** The one way the product enqueues a job: typed payload, the job's own retry options, optional dedup id. */
@Injectable()
export class JobQueue {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  async add<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<Job<JobPayloads[N]>> {
    return this.queue(JOB_QUEUE[name]).add(name, payload, { ...JOB_OPTIONS[name], ...options }) as Promise<
      Job<JobPayloads[N]>
    >;
  }
}
