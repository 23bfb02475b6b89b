import { selectList, type FieldMap } from '@trta/database';
import type { AuditReportView } from './audit-reports.dto';

/** A report as stored: AuditReportView without what is computed for the caller. */
export type AuditReportRow = Omit<AuditReportView, 'allowedActions'>;

/** The one spelling of audit_reports' columns, by view field. */
export const REPORT_FIELDS: FieldMap<AuditReportRow> = {
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

/** Every column of a report, for `SELECT ... FROM audit_reports r`. */
export const REPORT_COLUMNS = selectList(REPORT_FIELDS, 'r');
