import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Job, JobsOptions, JobState, Queue } from 'bullmq';
import { AppConfig } from '@trta/config';
import { JOB_OPTIONS, JOB_QUEUE, JobName, JobPayloads } from './jobs';
import { QueueName } from './queue-name.enum';

/** States of a job that will still run (or is running): a relay leaves those alone. */
export const LIVE_JOB_STATES: ReadonlySet<JobState | 'unknown'> = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/** Redis did not take a job in time (down, restarting, unreachable). */
export class QueueUnavailableError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`Redis did not answer within ${timeoutMs} ms (${what})`);
    this.name = 'QueueUnavailableError';
  }
}

/** What `ensureQueued` found: a job that will run, or a job it (re)queued. */
export type EnsureQueued = 'live' | 'queued' | 'requeued';

/**
 * The one way the product enqueues a job: typed payload, the job's own retry options, optional
 * dedup id. Every call gives up after QUEUE_ADD_TIMEOUT_MS, so a request never waits on Redis;
 * what could not be queued stays `queued` in PostgreSQL and the worker's relays queue it later.
 */
@Injectable()
export class JobQueue implements OnModuleInit {
  private readonly logger = new Logger('JobQueue');
  private readonly timeoutMs: number;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Optional() config?: AppConfig,
  ) {
    this.timeoutMs = config?.QUEUE_ADD_TIMEOUT_MS ?? 2000;
  }

  /** Connection errors of the queues go to the log (at most one line per queue every 30 s), not to stderr. */
  onModuleInit(): void {
    for (const name of Object.values(QueueName)) {
      const queue = this.queue(name);
      if (queue.listenerCount('error') === 0) queue.on('error', quietErrors(this.logger, `queue ${name}`));
    }
  }

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** Adds a job; rejects with QueueUnavailableError when Redis does not take it in time. */
  async add<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<Job<JobPayloads[N]>> {
    const adding = this.queue(JOB_QUEUE[name]).add(name, payload, { ...JOB_OPTIONS[name], ...options }) as Promise<Job<JobPayloads[N]>>;
    return this.withTimeout(adding, `adding ${name}${options.jobId ? ` ${options.jobId}` : ''}`);
  }

  /**
   * For a write that has committed: queues the job and answers whether Redis took it. A failure
   * is logged, never thrown; the row stays `queued` in PostgreSQL and a relay queues it later.
   * Give a deterministic `jobId`, so that the relay and this call can never make two jobs.
   */
  async addAfterCommit<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions & { jobId: string }): Promise<boolean> {
    try {
      await this.add(name, payload, options);
      return true;
    } catch (error) {
      this.logger.warn(`${name} ${options.jobId} not queued now (${(error as Error).message}); the worker's relay will queue it`);
      return false;
    }
  }

  /**
   * Makes sure the job with this id will run: nothing to do when it is waiting, delayed or
   * active; a job with the id kept after completing or failing (a database restored from a
   * backup, a job lost its row's update) is removed and queued again; none at all is queued.
   */
  async ensureQueued<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<EnsureQueued> {
    const queue = this.queue(JOB_QUEUE[name]);
    const existing = await this.withTimeout(queue.getJob(jobId), `reading job ${jobId}`);
    if (existing) {
      const state = await this.withTimeout(existing.getState(), `reading the state of job ${jobId}`);
      if (LIVE_JOB_STATES.has(state)) return 'live';
      await this.withTimeout(existing.remove(), `removing job ${jobId}`);
    }
    await this.add(name, payload, { jobId });
    return existing ? 'requeued' : 'queued';
  }

  /** Any other Redis work of a request, bounded by the same QUEUE_ADD_TIMEOUT_MS. */
  within<T>(work: Promise<T>, what: string): Promise<T> {
    return this.withTimeout(work, what);
  }

  private withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailableError(what, this.timeoutMs)), this.timeoutMs);
    });
    // The late outcome of work given up on is of no interest (a deterministic job id makes a late add harmless).
    work.catch(() => undefined);
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}

/** An 'error' listener that logs the first error and then at most one every 30 s (Redis away for a while). */
export function quietErrors(logger: Logger, what: string): (error: Error) => void {
  let last = 0;
  return (error: Error) => {
    if (Date.now() - last < 30_000) return;
    last = Date.now();
    logger.warn(`${what}: ${error.message}`);
  };
}
