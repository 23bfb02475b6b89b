import { Inject, Injectable } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DomainException, HttpRefusals } from '@trta/http';
import { JobName, JobQueue, JobResults, QueueName, QueueUnavailableError, REDIS_URL } from '@trta/queues';
import type { PingView } from './system.dto';
import { SystemRefusals } from './system.refusals';

/** Sends a `system.ping` job through Redis to a worker and waits for its answer. */
@Injectable()
export class SystemPingService {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(REDIS_URL) private readonly redisUrl: string,
  ) {}

  async roundTrip(timeoutMs = 5000): Promise<PingView> {
    const queue = this.jobs.queue(QueueName.System);
    const events = new QueueEvents(QueueName.System, { connection: { url: this.redisUrl }, prefix: queue.opts.prefix });
    try {
      const started = Date.now();
      const job = await this.jobs
        .within(events.waitUntilReady(), 'connecting to the queue events')
        .then(() => this.jobs.add(JobName.SystemPing, { sentAt: new Date().toISOString(), nonce: randomUUID() }))
        .catch((error: Error) => {
          if (!(error instanceof QueueUnavailableError)) throw error;
          throw new DomainException(HttpRefusals.UNAVAILABLE, `Redis cannot be reached right now: ${error.message}`, { reason: 'queue-unavailable' });
        });
      const result = (await job.waitUntilFinished(events, timeoutMs).catch((error: Error) => {
        throw new DomainException(SystemRefusals.NO_WORKER_ANSWERED, `No worker answered the ping: ${error.message}`, { timeoutMs });
      })) as JobResults[JobName.SystemPing];
      return { ...result, roundTripMs: Date.now() - started };
    } finally {
      await this.jobs.within(events.close(), 'closing queue events').catch(() => events.disconnect());
    }
  }
}
