import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { returnedRows } from '@trta/database';
import { decodeCursor, DomainErrorCode, DomainException, Page, toPage } from '@trta/http';
import { JobName, JobQueue } from '@trta/queues';
import { AuditReportDetailView, AuditReportView, ListAuditReportsQueryDto } from './audit-reports.dto';

export const REPORT_COLUMNS = `r.id, r.year, r.version, r.status, r.progress, r.requested_by AS "requestedBy", r.requested_at AS "requestedAt",
  r.started_at AS "startedAt", r.completed_at AS "completedAt", r.attempts, r.error, r.checksum, r.finalized_at AS "finalizedAt",
  r.finalized_by AS "finalizedBy"`;

/** The one place that names a report's generation job: a second request can never make a second job. */
export const generationJobId = (report: { year: number; version: number }) => `audit-report-${report.year}-v${report.version}`;

@Injectable()
export class AuditReportsService {
  private readonly logger = new Logger('AuditReports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * Requests a year's report: the version queued or running for that year when there is one,
   * else a new version (a finalized year keeps its old versions). Serialised per year by an
   * advisory lock; the partial unique index on active reports is the last guard.
   */
  async request(year: number, requestedBy: string | null): Promise<{ report: AuditReportView; created: boolean }> {
    const { report, created } = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit-report:${year}`]);
      const [active] = (await manager.query(
        `SELECT ${REPORT_COLUMNS} FROM audit_reports r WHERE r.year = $1 AND r.status IN ('queued', 'running')`,
        [year],
      )) as AuditReportView[];
      if (active) return { report: active, created: false };
      const [inserted] = (await manager.query(
        `INSERT INTO audit_reports (year, version, requested_by)
         SELECT $1, coalesce(max(version), 0) + 1, $2 FROM audit_reports WHERE year = $1
         RETURNING id`,
        [year, requestedBy],
      )) as { id: string }[];
      return { report: await this.find(inserted.id, manager), created: true };
    });
    if (created) {
      try {
        await this.jobs.add(JobName.AuditReportGenerate, { reportId: report.id }, { jobId: generationJobId(report) });
      } catch (error) {
        this.logger.error(`could not queue report ${report.id}: ${(error as Error).message}`);
        await this.dataSource.query("UPDATE audit_reports SET status = 'failed', error = $2 WHERE id = $1", [
          report.id,
          `could not be queued: ${(error as Error).message}`,
        ]);
        throw new DomainException(DomainErrorCode.Unavailable, 'the report could not be queued; try again');
      }
    }
    return { report, created };
  }

  async find(id: string, manager = this.dataSource.manager): Promise<AuditReportView> {
    const [report] = (await manager.query(`SELECT ${REPORT_COLUMNS} FROM audit_reports r WHERE r.id = $1`, [id])) as AuditReportView[];
    if (!report) throw DomainException.notFound('Audit report', id);
    return report;
  }

  async findWithData(id: string): Promise<AuditReportDetailView> {
    const [report] = (await this.dataSource.query(`SELECT ${REPORT_COLUMNS}, r.data FROM audit_reports r WHERE r.id = $1`, [id])) as AuditReportDetailView[];
    if (!report) throw DomainException.notFound('Audit report', id);
    return report;
  }

  async list(query: ListAuditReportsQueryDto): Promise<Page<AuditReportView>> {
    const params: unknown[] = [query.year ?? null, query.limit + 1];
    let after = '';
    if (query.cursor) {
      const [requestedAt, id] = decodeCursor(query.cursor, 2);
      params.push(requestedAt, id);
      after = 'AND (r.requested_at, r.id) < ($3::timestamptz, $4::uuid)';
    }
    const rows = (await this.dataSource.query(
      `SELECT ${REPORT_COLUMNS}, r.requested_at::text AS "sortKey" FROM audit_reports r
       WHERE ($1::int IS NULL OR r.year = $1) ${after}
       ORDER BY r.requested_at DESC, r.id DESC LIMIT $2`,
      params,
    )) as (AuditReportView & { sortKey?: string })[];
    const page = toPage(rows, query.limit, (row) => [row.sortKey, row.id]);
    return { ...page, items: page.items.map(({ sortKey: _sortKey, ...report }) => report) };
  }

  /** Freezes a completed report; the database refuses any later change to it. */
  async finalize(id: string, userId: string): Promise<AuditReportView> {
    const report = await this.find(id);
    if (report.finalizedAt) throw new DomainException(DomainErrorCode.Conflict, `report ${report.year} v${report.version} is already finalized`);
    if (report.status !== 'completed') {
      throw new DomainException(DomainErrorCode.Conflict, `only a completed report can be finalized; this one is ${report.status}`);
    }
    try {
      const [updated] = returnedRows<{ id: string }>(
        await this.dataSource.query(
          `UPDATE audit_reports SET finalized_at = now(), finalized_by = $2 WHERE id = $1 AND status = 'completed' AND finalized_at IS NULL RETURNING id`,
          [id, userId],
        ),
      );
      if (!updated) throw new DomainException(DomainErrorCode.Conflict, `report ${report.year} v${report.version} is already finalized`);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'audit_reports_finalized_frozen') {
        throw new DomainException(DomainErrorCode.Conflict, `report ${report.year} v${report.version} is already finalized`);
      }
      throw error;
    }
    return this.find(id);
  }
}
