/**
 * The audit report's bodies as the API returns them. They mirror libs/audit/src/audit-data.ts
 * (AuditReportData) and libs/audit/src/reports/audit-reports.dto.ts (AuditReportView): the
 * controllers do not declare response schemas yet (see apps/web/README.md, "Calling the API").
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

export interface ParticipationMetrics {
  participations: number;
  participants: number;
  completed: number;
  completionRate: number | null;
  women: number;
  womenShare: number | null;
  ldcParticipations: number;
  ldcShare: number | null;
}

export interface DimensionRow extends ParticipationMetrics {
  key: string;
  activities: number;
  budgetPlanned: string;
  budgetActual: string;
}

export interface Totals extends ParticipationMetrics {
  activitiesCounted: number;
  activitiesPlanned: number;
  activitiesCancelled: number;
  activitiesPostponed: number;
  evaluations: number;
  evaluationResponseRate: number | null;
  learningGain: number | null;
  budgetPlanned: string;
  budgetActual: string;
  budgetExecution: number | null;
  reportsReceived: number;
  resultsMet: number;
  resultsMetShare: number | null;
  eLearningParticipations: number;
  eLearningShare: number | null;
}

export interface IndicatorRow {
  keyResult: string;
  keyResultTitle: string;
  plan: string;
  description: string;
  unit: string;
  baseline: string | null;
  target: string;
  actual: string | null;
  achievement: number | null;
}

export interface CountryRow extends ParticipationMetrics {
  key: string;
  name: string;
  region: string;
  ldc: boolean;
}

export interface EvaluationResults {
  responses: number;
  responseRate: number | null;
  satisfactionMean: number | null;
  relevanceMean: number | null;
  satisfaction: Record<'1' | '2' | '3' | '4' | '5', number>;
  relevance: Record<'1' | '2' | '3' | '4' | '5', number>;
  withTestScores: number;
  learningGain: number | null;
  appliedInWork: { yes: number; no: number; unanswered: number };
}

export interface BudgetRow {
  key: string;
  name?: string;
  category?: string;
  activities: number;
  budgetPlanned: string;
  budgetActual: string;
  execution: number | null;
}

export interface ChangeRow {
  metric: keyof Totals;
  current: number | string | null;
  previous: number | string | null;
  change: number | null;
  changeShare: number | null;
}

export interface AuditReportData {
  year: number;
  definitions: string;
  totals: Totals;
  keyResults: IndicatorRow[];
  byProductCategory: DimensionRow[];
  byType: DimensionRow[];
  byRegion: DimensionRow[];
  byDeliveryMode: DimensionRow[];
  byPlsLevel: DimensionRow[];
  byTopic: DimensionRow[];
  byLeadDivision: DimensionRow[];
  topBeneficiaryCountries: CountryRow[];
  evaluation: EvaluationResults;
  budget: { byFundingSource: BudgetRow[]; byProduct: BudgetRow[] };
  changeVsPreviousYear: { previousYear: number; rows: ChangeRow[] };
}

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
