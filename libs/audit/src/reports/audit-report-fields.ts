import type { AuditReportView } from './audit-reports.dto';

/** A report as stored: AuditReportView without what is computed for the caller. */
export type AuditReportRow = Omit<AuditReportView, 'allowedActions'>;

/** The one spelling of audit_reports' columns, by view field. */
export const REPORT_FIELDS: { readonly [Field in keyof AuditReportRow]-?: string } = {
  id: 'id',
  year: 'year',
  version: 'version',
  status: 'status',
  progress: 'progress',
  requestedBy: 'requested_by',
  requestedAt: 'requested_at',
  startedAt: 'started_at',
  completedAt: 'completed_at',
  attempts: 'attempts',
  error: 'error',
  checksum: 'checksum',
  finalizedAt: 'finalized_at',
  finalizedBy: 'finalized_by',
};

/** `r.year AS "year", r.requested_by AS "requestedBy", ...` for the given fields (all by default). */
export function reportColumns(alias = 'r', fields: readonly (keyof AuditReportRow)[] = Object.keys(REPORT_FIELDS) as (keyof AuditReportRow)[]): string {
  return fields.map((field) => `${alias}.${REPORT_FIELDS[field]} AS "${field}"`).join(', ');
}

/** Every column of a report, for `SELECT ... FROM audit_reports r`. */
export const REPORT_COLUMNS = reportColumns();
