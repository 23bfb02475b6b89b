import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FilesService } from '@trta/files';
import { AuditReportData } from '../audit-data';
import { isExportable, type AuditReportStatus } from '../audit-report.policy';
import { selectList } from '@trta/database';
import { REPORT_FIELDS } from '../reports/audit-report-fields';
import { AUDIT_EXPORT_MEDIA_TYPES, AuditFileFormat, AuditReportMeta, exportFilename } from './audit-export-format';
import { auditReportCsv } from './audit-report-csv';
import { auditReportPdf } from './audit-report-pdf';
import { auditReportXlsx } from './audit-report-xlsx';

const RENDERERS: Readonly<Record<AuditFileFormat, (report: AuditReportMeta, data: AuditReportData) => Buffer | Promise<Buffer>>> = {
  csv: auditReportCsv,
  xlsx: auditReportXlsx,
  pdf: auditReportPdf,
};

/** The cached export of a report's snapshot in one format, if it was produced already. */
export async function findCachedExport(
  dataSource: Pick<DataSource, 'query'>,
  reportId: string,
  format: AuditFileFormat,
  checksum: string,
): Promise<string | null> {
  const [row] = (await dataSource.query('SELECT file_id AS "fileId" FROM audit_report_exports WHERE report_id = $1 AND format = $2 AND checksum = $3', [
    reportId,
    format,
    checksum,
  ])) as { fileId: string }[];
  return row?.fileId ?? null;
}

/**
 * Renders a completed report as CSV, XLSX or PDF in the worker, stores the file in PostgreSQL
 * and records it against the snapshot's checksum, so each format of a snapshot is built once.
 */
@Injectable()
export class AuditExportBuilder {
  private readonly logger = new Logger('AuditExportBuilder');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FilesService,
  ) {}

  async produce(reportId: string, format: AuditFileFormat): Promise<{ fileId: string }> {
    const [report] = (await this.dataSource.query(
      `SELECT ${selectList(REPORT_FIELDS, 'r', ['id', 'year', 'version', 'status', 'checksum', 'completedAt', 'finalizedAt'])}, r.data
       FROM audit_reports r WHERE r.id = $1`,
      [reportId],
    )) as (AuditReportMeta & { status: AuditReportStatus; data: AuditReportData | null })[];
    if (!report) throw new UnrecoverableError(`audit report ${reportId} does not exist`);
    if (!isExportable(report) || !report.data) {
      throw new UnrecoverableError(`audit report ${reportId} is ${report.status}; only a completed report can be exported`);
    }
    const cached = await findCachedExport(this.dataSource, reportId, format, report.checksum);
    if (cached) return { fileId: cached };

    const started = Date.now();
    const content = await RENDERERS[format](report, report.data);
    const fileId = await this.dataSource.transaction(async (manager) => {
      // Two workers rendering the same export (a retried job racing a stalled one) store it once.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit-export:${reportId}:${format}:${report.checksum}`]);
      const existing = await findCachedExport(manager, reportId, format, report.checksum);
      if (existing) return existing;
      const stored = await this.files.save(
        {
          filename: exportFilename(report, format),
          mediaType: AUDIT_EXPORT_MEDIA_TYPES[format],
          sizeBytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          fields: {},
        },
        null,
        manager,
      );
      await manager.query('INSERT INTO audit_report_exports (report_id, format, checksum, file_id) VALUES ($1, $2, $3, $4)', [
        reportId,
        format,
        report.checksum,
        stored.id,
      ]);
      return stored.id;
    });
    this.logger.log(`report ${report.year} v${report.version} exported as ${format} (${content.length} bytes, ${Date.now() - started} ms)`);
    return { fileId };
  }
}
