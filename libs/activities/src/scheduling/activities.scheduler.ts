import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JOB_OPTIONS, JobName, JobQueue, QueueName } from '@trta/queues';

export const CLOSE_PAST_DEADLINE_SCHEDULER = 'activities.close-past-deadline.every-15-minutes';
export const CLOSE_PAST_DEADLINE_PATTERN = '*/15 * * * *';

/**
 * Registers the recurring jobs of activities when a worker starts. The upsert is idempotent, so
 * every worker replica may do it: Redis keeps one scheduler per id.
 */
@Injectable()
export class ActivitiesScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('ActivitiesScheduler');

  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.queue(QueueName.Activities).upsertJobScheduler(
      CLOSE_PAST_DEADLINE_SCHEDULER,
      { pattern: CLOSE_PAST_DEADLINE_PATTERN },
      { name: JobName.ActivitiesClosePastDeadline, data: {}, opts: JOB_OPTIONS[JobName.ActivitiesClosePastDeadline] },
    );
    this.logger.log(`${JobName.ActivitiesClosePastDeadline} scheduled (${CLOSE_PAST_DEADLINE_PATTERN})`);
  }
}
