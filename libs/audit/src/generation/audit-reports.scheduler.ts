import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JOB_OPTIONS, JobName, JobQueue, QueueName } from '@trta/queues';

/** Registers, once per worker start, the job that drafts the previous year's report every 15 January. */
@Injectable()
export class AuditReportsScheduler implements OnApplicationBootstrap {
  static readonly SCHEDULER_ID = 'audit-report-previous-year';
  static readonly PATTERN = '0 3 15 1 *';

  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .queue(QueueName.AuditReports)
      .upsertJobScheduler(
        AuditReportsScheduler.SCHEDULER_ID,
        { pattern: AuditReportsScheduler.PATTERN, tz: 'UTC' },
        { name: JobName.AuditReportYearly, data: {}, opts: JOB_OPTIONS[JobName.AuditReportYearly] },
      );
  }
}
