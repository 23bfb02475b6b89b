import type { AuthUser } from '@trta/http';

/** The rules of an audit report's life, queued → running → completed | failed, then finalized, in one place. */
export const AUDIT_REPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type AuditReportStatus = (typeof AUDIT_REPORT_STATUSES)[number];

/** A report being generated: a year has at most one (the partial unique index), and a second request gets it back. */
export const ACTIVE_REPORT_STATUSES = ['queued', 'running'] as const satisfies readonly AuditReportStatus[];
/** `status IN ('queued', 'running')`, for the SQL of the service and the processor. */
export const ACTIVE_REPORT_SQL = (column: string): string => `${column} IN (${ACTIVE_REPORT_STATUSES.map((status) => `'${status}'`).join(', ')})`;

/** What a caller may do with a report: finalize it, download it, request a new version of its year. */
export const AUDIT_REPORT_ACTIONS = ['finalize', 'export', 'request'] as const;
export type AuditReportAction = (typeof AUDIT_REPORT_ACTIONS)[number];

type ReportState = { status: AuditReportStatus; finalizedAt: string | Date | null };

/** Only a completed report that is not finalized yet can be finalized. */
export function finalizeRefusal(report: ReportState): 'finalized' | 'not-completed' | undefined {
  if (report.finalizedAt) return 'finalized';
  if (report.status !== 'completed') return 'not-completed';
  return undefined;
}

/** Only a completed report has figures to export. */
export const isExportable = (report: { status: AuditReportStatus }): boolean => report.status === 'completed';

/** The actions the caller may take on the report now (auditors and admins; nobody else sees reports). */
export function auditReportAllowedActions(report: ReportState, user: Pick<AuthUser, 'role'> | undefined): AuditReportAction[] {
  if (user?.role !== 'auditor' && user?.role !== 'admin') return [];
  const actions: AuditReportAction[] = [];
  if (!finalizeRefusal(report)) actions.push('finalize');
  if (isExportable(report)) actions.push('export');
  // A new version of the year is generated only once none is queued or running.
  if (!(ACTIVE_REPORT_STATUSES as readonly string[]).includes(report.status)) actions.push('request');
  return actions;
}
