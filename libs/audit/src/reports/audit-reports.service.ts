import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '@trta/database';
import { constraintRefusal, decodeCursor, DomainException, Page, toPage, type AuthUser } from '@trta/http';
import { EnsureQueued, JobName, JobQueue } from '@trta/queues';
import { ACTIVE_REPORT_SQL, ACTIVE_REPORT_STATUSES, auditReportAllowedActions, finalizeRefusal } from '../audit-report.policy';
import { AuditRefusals } from '../audit.refusals';
import { REPORT_COLUMNS, type AuditReportRow } from './audit-report-fields';
import { AuditReportDetailView, AuditReportView, ListAuditReportsQueryDto } from './audit-reports.dto';

/**
 * The one place that names a report's generation job: the report's own id, so a second request
 * (or the relay) can never make a second job, and a job kept in Redis from before a database was
 * restored or recreated (same year, same version) can never be taken for this report's.
 */
export const generationJobId = (report: { id: string }) => `audit-report-${report.id}`;

/** The report as the caller sees it: with the actions the caller may take on it now. */
export const reportView = <Row extends AuditReportRow>(report: Row, user: AuthUser | undefined): Row & Pick<AuditReportView, 'allowedActions'> => ({
  ...report,
  allowedActions: auditReportAllowedActions(report, user),
});

type Rows<Row> = Promise<Row[]>;
const rowsOf = <Row>(manager: Pick<EntityManager, 'query'>, sql: string, params: unknown[]): Rows<Row> => manager.query(sql, params) as Rows<Row>;

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
  async request(year: number, requestedBy: string | null): Promise<{ report: AuditReportRow; created: boolean }> {
    const { report, created } = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit-report:${year}`]);
      const [active] = await rowsOf<AuditReportRow>(
        manager,
        `SELECT ${REPORT_COLUMNS} FROM audit_reports r WHERE r.year = $1 AND ${ACTIVE_REPORT_SQL('r.status')}`,
        [year],
      );
      if (active) return { report: active, created: false };
      const [inserted] = await rowsOf<{ id: string }>(
        manager,
        `INSERT INTO audit_reports (year, version, requested_by)
         SELECT $1, coalesce(max(version), 0) + 1, $2 FROM audit_reports WHERE year = $1
         RETURNING id`,
        [year, requestedBy],
      );
      return { report: await this.find(inserted.id, manager), created: true };
    });
    // After the commit, and never waiting on Redis: a report Redis did not take stays `queued`,
    // and the worker's relay (or the next request for the year) queues it.
    if (created) await this.jobs.addAfterCommit(JobName.AuditReportGenerate, { reportId: report.id }, { jobId: generationJobId(report) });
    else await this.requeueIfStuck(report);
    return { report, created };
  }

  /**
   * A queued or running report whose job is gone (Redis lost it, the API could not queue it, a
   * job kept from an older database) is queued again; one whose job will still run is left alone.
   * Answers what it did; a Redis that does not answer is logged, not returned.
   */
  async requeueIfStuck(report: Pick<AuditReportRow, 'id' | 'year' | 'version' | 'status'>): Promise<EnsureQueued | 'unreachable' | 'inactive'> {
    if (!(ACTIVE_REPORT_STATUSES as readonly string[]).includes(report.status)) return 'inactive';
    try {
      const outcome = await this.jobs.ensureQueued(JobName.AuditReportGenerate, { reportId: report.id }, generationJobId(report));
      if (outcome !== 'live') this.logger.warn(`report ${report.year} v${report.version} (${report.id}) had no live job: ${outcome}`);
      return outcome;
    } catch (error) {
      this.logger.warn(`could not check the job of report ${report.id}: ${(error as Error).message}`);
      return 'unreachable';
    }
  }

  async find(id: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<AuditReportRow> {
    const [report] = await rowsOf<AuditReportRow>(manager, `SELECT ${REPORT_COLUMNS} FROM audit_reports r WHERE r.id = $1`, [id]);
    if (!report) throw reportNotFound(id);
    return report;
  }

  async findWithData(id: string, user?: AuthUser): Promise<AuditReportDetailView> {
    const [report] = await rowsOf<Omit<AuditReportDetailView, 'allowedActions'>>(
      this.dataSource.manager,
      `SELECT ${REPORT_COLUMNS}, r.data FROM audit_reports r WHERE r.id = $1`,
      [id],
    );
    if (!report) throw reportNotFound(id);
    return reportView(report, user);
  }

  async list(query: ListAuditReportsQueryDto, user?: AuthUser): Promise<Page<AuditReportView>> {
    const params: unknown[] = [query.year ?? null, query.limit + 1];
    let after = '';
    if (query.cursor) {
      const [requestedAt, id] = decodeCursor(query.cursor, 2);
      params.push(requestedAt, id);
      after = 'AND (r.requested_at, r.id) < ($3::timestamptz, $4::uuid)';
    }
    const rows = await rowsOf<AuditReportRow & { sortKey?: string }>(
      this.dataSource.manager,
      `SELECT ${REPORT_COLUMNS}, r.requested_at::text AS "sortKey" FROM audit_reports r
       WHERE ($1::int IS NULL OR r.year = $1) ${after}
       ORDER BY r.requested_at DESC, r.id DESC LIMIT $2`,
      params,
    );
    const page = toPage(rows, query.limit, (row) => [row.sortKey, row.id]);
    return { ...page, items: page.items.map(({ sortKey: _sortKey, ...report }) => reportView(report, user)) };
  }

  /** Freezes a completed report; the database refuses any later change to it. */
  async finalize(id: string, user: AuthUser): Promise<AuditReportView> {
    const report = await this.find(id);
    const refusal = finalizeRefusal(report);
    if (refusal === 'finalized') throw alreadyFinalized(report);
    if (refusal === 'not-completed') throw notCompleted(report, 'finalized');
    try {
      const [updated] = returnedRows<{ id: string }>(
        await this.dataSource.query(
          `UPDATE audit_reports SET finalized_at = now(), finalized_by = $2 WHERE id = $1 AND status = 'completed' AND finalized_at IS NULL RETURNING id`,
          [id, user.id],
        ),
      );
      if (!updated) throw alreadyFinalized(report);
    } catch (error) {
      throw constraintRefusal(error, { year: report.year, version: report.version }) ?? error;
    }
    return reportView(await this.find(id), user);
  }
}

function reportNotFound(id: string): DomainException {
  return new DomainException(AuditRefusals.AUDIT_REPORT_NOT_FOUND, `Audit report ${id} not found`, { reportId: id });
}

function alreadyFinalized(report: AuditReportRow): DomainException {
  return new DomainException(AuditRefusals.AUDIT_REPORT_FINALIZED, `report ${report.year} v${report.version} is already finalized`, {
    year: report.year,
    version: report.version,
  });
}

/** The refusal to finalize or export a report that is not completed, naming its status. */
export function notCompleted(report: AuditReportRow, what: 'finalized' | 'exported'): DomainException {
  return new DomainException(AuditRefusals.AUDIT_REPORT_NOT_COMPLETED, `only a completed report can be ${what}; this one is ${report.status}`, {
    year: report.year,
    version: report.version,
    status: report.status,
  });
}
