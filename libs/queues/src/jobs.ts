import { JobsOptions } from 'bullmq';
import { QueueName } from './queue-name.enum';

/** Every job name, with the queue it runs on and the payload it carries. */
export enum JobName {
  SystemPing = 'system.ping',
}

export interface JobPayloads {
  [JobName.SystemPing]: { sentAt: string; nonce: string };
}

export interface JobResults {
  [JobName.SystemPing]: { pong: true; nonce: string; receivedAt: string; workerPid: number };
}

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.SystemPing]: QueueName.System,
};

/** Retry, backoff and retention per job, in one place. */
export const JOB_OPTIONS: Readonly<Record<JobName, JobsOptions>> = {
  [JobName.SystemPing]: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 24 * 3600 },
  },
};
