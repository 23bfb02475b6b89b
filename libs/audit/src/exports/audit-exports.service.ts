import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { FilesService } from '@trta/files';
import { DomainException, HttpRefusals } from '@trta/http';
import { JobName, JobQueue, QueueName, QueueUnavailableError, REDIS_URL } from '@trta/queues';
import { ExportFormat } from '../reports/audit-reports.dto';
import { isExportable } from '../audit-report.policy';
import { AuditReportsService, notCompleted } from '../reports/audit-reports.service';
import { findCachedExport } from './audit-export-builder.service';
import { AUDIT_EXPORT_MEDIA_TYPES, AuditFileFormat, exportFilename } from './audit-export-format';

/** How long a download waits for the worker to render a file before saying no worker answered. */
export const EXPORT_WAIT_MS = 120_000;

/** The one place that names an export job: concurrent requests for the same file share one job. */
export const exportJobId = (reportId: string, format: AuditFileFormat, checksum: string) => `audit-export-${reportId}-${format}-${checksum}`;

export interface AuditExportFile {
  filename: string;
  mediaType: string;
  content: Buffer;
}

/**
 * Downloads of a completed report. JSON is the stored snapshot as PostgreSQL prints it; CSV,
 * XLSX and PDF are rendered by the worker once per snapshot and read back from PostgreSQL.
 */
@Injectable()
export class AuditExportsService {
  private readonly logger = new Logger('AuditExports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: AuditReportsService,
    private readonly files: FilesService,
    private readonly jobs: JobQueue,
    @Inject(REDIS_URL) private readonly redisUrl: string,
  ) {}

  async download(reportId: string, format: ExportFormat): Promise<AuditExportFile> {
    const report = await this.reports.find(reportId);
    if (!isExportable(report) || !report.checksum) throw notCompleted(report, 'exported');
    if (format === 'json') {
      // jsonb printed by PostgreSQL: the snapshot is never parsed and serialised again here.
      const [{ json }] = (await this.dataSource.query('SELECT data::text AS json FROM audit_reports WHERE id = $1', [reportId])) as { json: string }[];
      return { filename: exportFilename(report, 'json'), mediaType: AUDIT_EXPORT_MEDIA_TYPES.json, content: Buffer.from(json, 'utf8') };
    }
    const fileId = (await findCachedExport(this.dataSource, reportId, format, report.checksum)) ?? (await this.render(reportId, format, report.checksum));
    const file = await this.files.open(fileId);
    return { filename: file.filename, mediaType: file.mediaType, content: file.content };
  }

  /**
   * The export's job, live: a job kept with this id after completing (its file is not in
   * PostgreSQL: a restored database) or after failing its last attempt is replaced by a new one.
   * Redis not answering in time is a 503, never a wait.
   */
  private async queueExport(events: QueueEvents, reportId: string, format: AuditFileFormat, jobId: string) {
    try {
      await this.jobs.within(events.waitUntilReady(), 'connecting to the queue events');
      await this.jobs.ensureQueued(JobName.AuditReportExport, { reportId, format }, jobId);
      return await this.jobs.within(this.jobs.queue(QueueName.AuditReports).getJob(jobId), `reading job ${jobId}`);
    } catch (error) {
      if (!(error instanceof QueueUnavailableError)) throw error;
      this.logger.warn(`export ${format} of report ${reportId} not queued: ${error.message}`);
      throw new DomainException(HttpRefusals.UNAVAILABLE, `the ${format} export cannot be queued right now; try again shortly`, {
        format,
        reason: 'queue-unavailable',
      });
    }
  }

  /** Enqueues the export (or joins the job already rendering it) and waits for the worker's file. */
  private async render(reportId: string, format: AuditFileFormat, checksum: string): Promise<string> {
    const queue = this.jobs.queue(QueueName.AuditReports);
    const events = new QueueEvents(QueueName.AuditReports, { connection: { url: this.redisUrl }, prefix: queue.opts.prefix });
    try {
      const jobId = exportJobId(reportId, format, checksum);
      const job = await this.queueExport(events, reportId, format, jobId);
      if (!job) throw new Error('the export job disappeared before it could be waited on');
      try {
        await job.waitUntilFinished(events, EXPORT_WAIT_MS);
      } catch (error) {
        const message = (error as Error).message;
        this.logger.warn(`export ${format} of report ${reportId} did not finish: ${message}`);
        if (/timed out/i.test(message)) {
          throw new DomainException(
            HttpRefusals.UNAVAILABLE,
            `no worker produced the ${format} export within ${EXPORT_WAIT_MS / 1000} s; the job stays queued, try again later`,
            { format, reason: 'timed-out' },
          );
        }
        throw new DomainException(HttpRefusals.UNAVAILABLE, `the ${format} export could not be produced: ${message}`, { format, reason: 'failed' });
      }
    } finally {
      await this.jobs.within(events.close(), 'closing queue events').catch(() => events.disconnect());
    }
    const fileId = await findCachedExport(this.dataSource, reportId, format, checksum);
    if (!fileId) {
      throw new DomainException(HttpRefusals.UNAVAILABLE, `the ${format} export finished but its file is missing; try again`, { format, reason: 'file-missing' });
    }
    return fileId;
  }
}
