import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JOB_OPTIONS, JobName, JobQueue, QueueName } from '@trta/queues';

/** Registers, once per worker start, the daily job that queues activity reminders. */
@Injectable()
export class NotificationsScheduler implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .queue(QueueName.Notifications)
      .upsertJobScheduler(
        'notification-reminders-daily',
        { pattern: '0 6 * * *' },
        { name: JobName.NotificationReminders, data: {}, opts: JOB_OPTIONS[JobName.NotificationReminders] },
      );
  }
}
