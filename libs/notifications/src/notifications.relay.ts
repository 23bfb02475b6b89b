import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trta/config';
import { JobName, JobQueue, Relay, startRelay } from '@trta/queues';
import { notificationJobId } from './notifications.service';

const BATCH = 500;

/**
 * The outbox relay, in the worker: at start and every RELAY_INTERVAL_MS, every notification
 * still `queued` in PostgreSQL gets a live send job (its id is the row's, so a row is never sent
 * twice, and a job kept from before a database restore is replaced). What the API could not hand
 * to Redis (Redis down, API restarted) is sent once Redis and the worker are back.
 */
@Injectable()
export class NotificationsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: Relay;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.relay = startRelay('NotificationsRelay', this.config.RELAY_INTERVAL_MS, () => this.pass());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }

  /** One pass over the queued rows, oldest first, a page at a time; answers how many it queued. */
  async pass(): Promise<number> {
    let queued = 0;
    let after: { createdAt: string; id: string } | null = null;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT id, created_at::text AS "createdAt" FROM notifications
         WHERE status = 'queued' AND ($1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::uuid))
         ORDER BY created_at, id LIMIT $3`,
        [after?.createdAt ?? null, after?.id ?? null, BATCH],
      )) as { id: string; createdAt: string }[];
      for (const row of rows) {
        const outcome = await this.jobs.ensureQueued(JobName.NotificationSend, { notificationId: row.id }, notificationJobId(row.id));
        if (outcome !== 'live') queued += 1;
      }
      if (rows.length < BATCH) return queued;
      after = rows[rows.length - 1];
    }
  }
}
