import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { returnedRows } from '@trta/database';
import { JobHandlers, JobName, JobProcessor, QueueName } from '@trta/queues';
import { ACTIVE_REPORT_SQL } from '../audit-report.policy';
import { AuditExportBuilder } from '../exports/audit-export-builder.service';
import { AuditReportsService } from '../reports/audit-reports.service';
import { AuditGeneratorService } from './audit-generator.service';

/** SHA-256 of the snapshot as stored: the same figures always give the same checksum. */
export function checksumOf(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

/**
 * Generates reports and renders their exports (CSV, XLSX, PDF). A worker killed mid-report
 * leaves its job locked for at most `lockDuration`; another worker then takes it up from the
 * start (the snapshot is rebuilt, so the figures are those of the moment it completes), and the
 * final conditional UPDATE lets exactly one run complete the report.
 */
@Processor(QueueName.AuditReports, { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 2, concurrency: 1 })
export class AuditReportsProcessor extends JobProcessor {
  private readonly logger = new Logger('AuditReportsProcessor');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly generator: AuditGeneratorService,
    private readonly reports: AuditReportsService,
    private readonly exports: AuditExportBuilder,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.AuditReportGenerate]: (job) => this.generate(job),
    [JobName.AuditReportYearly]: async () => {
      const year = new Date().getUTCFullYear() - 1;
      const { report } = await this.reports.request(year, null);
      return { reportId: report.id, year };
    },
    [JobName.AuditReportExport]: (job) => this.exports.produce(job.data.reportId, job.data.format),
  };

  private async generate(job: Job<{ reportId: string }>): Promise<{ status: 'completed' | 'skipped'; checksum?: string }> {
    const [report] = returnedRows<{ year: number }>(
      await this.dataSource.query(
        `UPDATE audit_reports SET status = 'running', started_at = coalesce(started_at, now()), attempts = attempts + 1, progress = 0
         WHERE id = $1 AND ${ACTIVE_REPORT_SQL('status')} RETURNING year`,
        [job.data.reportId],
      ),
    );
    if (!report) return { status: 'skipped' };
    try {
      const data = await this.generator.generate(report.year, async (progress) => {
        await this.dataSource.query(`UPDATE audit_reports SET progress = $2 WHERE id = $1 AND status = 'running'`, [job.data.reportId, progress]);
        await job.updateProgress(progress);
      });
      const checksum = checksumOf(data);
      await this.dataSource.query(
        `UPDATE audit_reports SET status = 'completed', progress = 100, data = $2::jsonb, checksum = $3, completed_at = now(), error = NULL
         WHERE id = $1 AND status = 'running'`,
        [job.data.reportId, JSON.stringify(data), checksum],
      );
      await job.updateProgress(100);
      return { status: 'completed', checksum };
    } catch (error) {
      const message = (error as Error).message;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.warn(`report ${job.data.reportId} failed (${lastAttempt ? 'no attempts left' : 'will retry'}): ${message}`);
      await this.dataSource.query(`UPDATE audit_reports SET status = $2, error = $3 WHERE id = $1 AND status = 'running'`, [
        job.data.reportId,
        lastAttempt ? 'failed' : 'running',
        message.slice(0, 2000),
      ]);
      throw error;
    }
  }
}
