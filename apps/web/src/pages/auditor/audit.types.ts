import type { AuditReportData } from '../../../../../libs/audit/src/audit-data';

/**
 * The audit report's bodies as the API returns them: the snapshot's types come from
 * libs/audit/src/audit-data.ts itself; AuditReportView mirrors libs/audit/src/reports/audit-reports.dto.ts
 * (the controllers do not declare response schemas yet, see apps/web/README.md, "Calling the API").
 */
export type ReportStatus = 'queued' | 'running' | 'completed' | 'failed';
export type ExportFormat = 'json' | 'csv' | 'xlsx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'xlsx', 'pdf'];

export interface AuditReportView {
  id: string;
  year: number;
  version: number;
  status: ReportStatus;
  progress: number;
  requestedBy: string | null;
  requestedAt: string;
  startedAt: string | null;
  completedAt: string | null;
  attempts: number;
  error: string | null;
  checksum: string | null;
  finalizedAt: string | null;
  finalizedBy: string | null;
}

export interface AuditReportWithData extends AuditReportView {
  data: AuditReportData | null;
}

// The snapshot's shape is the server's own: a types-only file, erased from the bundle.
export type {
  AuditReportData,
  BudgetRow,
  ChangeRow,
  CountryRow,
  DimensionRow,
  EvaluationResults,
  IndicatorRow,
  ParticipationMetrics,
  Totals,
} from '../../../../../libs/audit/src/audit-data';

export const DIMENSION_SECTIONS = ['byProductCategory', 'byType', 'byRegion', 'byDeliveryMode', 'byPlsLevel', 'byTopic', 'byLeadDivision'] as const;
export type DimensionSection = (typeof DIMENSION_SECTIONS)[number];

/** libs/plans plans.dto.ts PlanView (the fields the publications page reads). */
export interface PlanSummary {
  id: string;
  code: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  status: string;
}
