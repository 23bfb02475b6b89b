/**
 * The audit report's snapshot (DESIGN section 4). Counts are integers, shares are ratios in
 * [0, 1] rounded to 4 decimals (null when the denominator is 0), money is CHF as exact decimal
 * strings.
 */
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
  definitions: 'DESIGN.md section 4';
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

/** The dimension sections, in the report's order, with the titles exports print. */
export const DIMENSION_SECTIONS = [
  ['byProductCategory', 'By product category'],
  ['byType', 'By type'],
  ['byRegion', 'By region'],
  ['byDeliveryMode', 'By delivery mode'],
  ['byPlsLevel', 'By PLS level'],
  ['byTopic', 'By topic'],
  ['byLeadDivision', 'By lead division'],
] as const;
