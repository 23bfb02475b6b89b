import type { paths } from '../../api/schema';
import type { Schemas } from '../../api/types';

/** The audit report's bodies, as the OpenAPI document declares them (schema.d.ts). */
export type ReportStatus = Schemas['AuditReportStatus'];
export type AuditReportView = Schemas['AuditReportView'];
export type AuditReportWithData = Schemas['AuditReportDetailView'];
export type AuditReportData = Schemas['AuditReportData'];
export type Totals = Schemas['Totals'];
export type BudgetRow = Schemas['BudgetRow'];

export type ExportFormat = NonNullable<paths['/api/audit-reports/{id}/export']['get']['parameters']['query']>['format'];
export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const satisfies readonly ExportFormat[];

export const DIMENSION_SECTIONS = ['byProductCategory', 'byType', 'byRegion', 'byDeliveryMode', 'byPlsLevel', 'byTopic', 'byLeadDivision'] as const satisfies readonly (keyof AuditReportData)[];
export type DimensionSection = (typeof DIMENSION_SECTIONS)[number];
