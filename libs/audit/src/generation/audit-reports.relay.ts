import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trta/config';
import { Relay, startRelay } from '@trta/queues';
import { ACTIVE_REPORT_SQL } from '../audit-report.policy';
import type { AuditReportRow } from '../reports/audit-report-fields';
import { AuditReportsService } from '../reports/audit-reports.service';

/**
 * The reports relay, in the worker: at start and every RELAY_INTERVAL_MS, every report still
 * queued or running in PostgreSQL without a live generation job gets one (named by the report's
 * id, so never two), whatever happened to Redis or the API in between.
 */
@Injectable()
export class AuditReportsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: Relay;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: AuditReportsService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.relay = startRelay('AuditReportsRelay', this.config.RELAY_INTERVAL_MS, () => this.pass());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }

  /** Active reports are at most one per year (a unique index), so one query reads them all. */
  async pass(): Promise<number> {
    const active = (await this.dataSource.query(
      `SELECT id, year, version, status FROM audit_reports WHERE ${ACTIVE_REPORT_SQL('status')} ORDER BY requested_at, id`,
    )) as Pick<AuditReportRow, 'id' | 'year' | 'version' | 'status'>[];
    let queued = 0;
    for (const report of active) {
      const outcome = await this.reports.requeueIfStuck(report);
      if (outcome === 'unreachable') throw new Error('Redis did not answer');
      if (outcome === 'queued' || outcome === 'requeued') queued += 1;
    }
    return queued;
  }
}
