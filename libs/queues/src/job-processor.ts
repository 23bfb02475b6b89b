import { WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, JobPayloads, JobResults } from './jobs';

export type JobHandlers = { [N in JobName]?: (job: Job<JobPayloads[N], JobResults[N], N>) => Promise<JobResults[N]> };

/** A queue's processor: dispatches each job by name to a handler, and refuses names it does not know. */
export abstract class JobProcessor extends WorkerHost {
  abstract readonly handlers: JobHandlers;

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as ((job: Job) => Promise<unknown>) | undefined;
    if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}" on queue "${job.queueName}"`);
    return handler(job);
  }
}

/** Fails startup when a job name has no handler among the worker's processors. */
export function assertEveryJobHandled(processors: JobProcessor[]): void {
  const handled = new Set(processors.flatMap((processor) => Object.keys(processor.handlers)));
  const missing = Object.values(JobName).filter((name) => !handled.has(name));
  if (missing.length > 0) throw new Error(`No processor handles the jobs: ${missing.join(', ')}`);
}
