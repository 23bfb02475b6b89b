import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ScoreDistributionView } from '@trta/participation';

const SHARE = 'ratio in [0, 1], 4 decimals; null when the denominator is 0';
const MONEY = 'CHF, exact decimal string';

/**
 * The audit report's snapshot (DESIGN section 4). Counts are integers, shares are ratios in
 * [0, 1] rounded to 4 decimals (null when the denominator is 0), money is CHF as exact decimal
 * strings.
 */
export class ParticipationMetrics {
  @ApiProperty()
  participations!: number;

  @ApiProperty({ description: 'distinct applicants among the participations' })
  participants!: number;

  @ApiProperty()
  completed!: number;

  @ApiProperty({ type: Number, nullable: true, description: `completed / participations: ${SHARE}` })
  completionRate!: number | null;

  @ApiProperty({ description: 'participations by women' })
  women!: number;

  @ApiProperty({ type: Number, nullable: true, description: SHARE })
  womenShare!: number | null;

  @ApiProperty({ description: 'participations by applicants from least developed countries' })
  ldcParticipations!: number;

  @ApiProperty({ type: Number, nullable: true, description: SHARE })
  ldcShare!: number | null;
}

export class DimensionRow extends ParticipationMetrics {
  @ApiProperty({ description: 'the value of the dimension: a code, `none` or `unknown`' })
  key!: string;

  @ApiProperty({ description: 'counted activities' })
  activities!: number;

  @ApiProperty({ description: MONEY, example: '3000.00' })
  budgetPlanned!: string;

  @ApiProperty({ description: MONEY, example: '2300.00' })
  budgetActual!: string;
}

export class Totals extends ParticipationMetrics {
  @ApiProperty({ description: 'delivered activities ending in the year' })
  activitiesCounted!: number;

  @ApiProperty()
  activitiesPlanned!: number;

  @ApiProperty()
  activitiesCancelled!: number;

  @ApiProperty()
  activitiesPostponed!: number;

  @ApiProperty()
  evaluations!: number;

  @ApiProperty({ type: Number, nullable: true, description: SHARE })
  evaluationResponseRate!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'mean post-test minus pre-test score, in test points' })
  learningGain!: number | null;

  @ApiProperty({ description: MONEY })
  budgetPlanned!: string;

  @ApiProperty({ description: MONEY })
  budgetActual!: string;

  @ApiProperty({ type: Number, nullable: true, description: `actual / planned: ${SHARE}` })
  budgetExecution!: number | null;

  @ApiProperty({ description: 'back-to-office reports received' })
  reportsReceived!: number;

  @ApiProperty({ description: 'reports with the objectives fully or partly met' })
  resultsMet!: number;

  @ApiProperty({ type: Number, nullable: true, description: SHARE })
  resultsMetShare!: number | null;

  @ApiProperty()
  eLearningParticipations!: number;

  @ApiProperty({ type: Number, nullable: true, description: SHARE })
  eLearningShare!: number | null;
}

/** The metrics compared with the year before, in the order the report shows them. */
export const CHANGE_METRICS = [
  'activitiesCounted',
  'activitiesPlanned',
  'participations',
  'participants',
  'completionRate',
  'womenShare',
  'ldcShare',
  'evaluationResponseRate',
  'learningGain',
  'budgetPlanned',
  'budgetActual',
  'budgetExecution',
  'resultsMetShare',
  'eLearningShare',
] as const satisfies readonly (keyof Totals)[];
export type ChangeMetric = (typeof CHANGE_METRICS)[number];

export class IndicatorRow {
  @ApiProperty({ description: 'the key result\'s code', example: 'KR1' })
  keyResult!: string;

  @ApiProperty()
  keyResultTitle!: string;

  @ApiProperty({ description: 'the plan\'s code', example: '2024-2025' })
  plan!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty()
  unit!: string;

  @ApiProperty({ type: String, nullable: true, description: 'exact decimal string' })
  baseline!: string | null;

  @ApiProperty({ description: 'exact decimal string' })
  target!: string;

  @ApiProperty({ type: String, nullable: true, description: 'exact decimal string; null when no actual was recorded for the year' })
  actual!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'actual / target, 4 decimals; null without an actual' })
  achievement!: number | null;
}

export class CountryRow extends ParticipationMetrics {
  @ApiProperty({ description: 'ISO 3166-1 alpha-3', example: 'KEN' })
  key!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'region code' })
  region!: string;

  @ApiProperty({ description: 'a least developed country' })
  ldc!: boolean;
}

export class AppliedInWorkCounts {
  @ApiProperty()
  yes!: number;

  @ApiProperty()
  no!: number;

  @ApiProperty()
  unanswered!: number;
}

/** Named apart from libs/participation's `EvaluationResults` (one activity's), a schema of its own. */
export class AuditEvaluationResults {
  @ApiProperty()
  responses!: number;

  @ApiProperty({ type: Number, nullable: true, description: `responses / participations: ${SHARE}` })
  responseRate!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  satisfactionMean!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  relevanceMean!: number | null;

  @ApiProperty({ type: ScoreDistributionView })
  satisfaction!: ScoreDistributionView;

  @ApiProperty({ type: ScoreDistributionView })
  relevance!: ScoreDistributionView;

  @ApiProperty({ description: 'responses with both a pre-test and a post-test score' })
  withTestScores!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'mean post-test minus pre-test score, in test points' })
  learningGain!: number | null;

  @ApiProperty({ type: AppliedInWorkCounts })
  appliedInWork!: AppliedInWorkCounts;
}

export class BudgetRow {
  @ApiProperty({ description: 'the funding source, or the product\'s code' })
  key!: string;

  @ApiPropertyOptional({ description: 'the product\'s name (by product only)' })
  name?: string;

  @ApiPropertyOptional({ description: 'the product\'s category (by product only)' })
  category?: string;

  @ApiProperty()
  activities!: number;

  @ApiProperty({ description: MONEY })
  budgetPlanned!: string;

  @ApiProperty({ description: MONEY })
  budgetActual!: string;

  @ApiProperty({ type: Number, nullable: true, description: `actual / planned: ${SHARE}` })
  execution!: number | null;
}

export class AuditBudget {
  @ApiProperty({ type: [BudgetRow] })
  byFundingSource!: BudgetRow[];

  @ApiProperty({ type: [BudgetRow] })
  byProduct!: BudgetRow[];
}

/** A figure of the totals: a number, or a CHF decimal string for money; null when undefined. */
const FIGURE: ApiPropertyOptions = { oneOf: [{ type: 'number', nullable: true }, { type: 'string' }], description: `a number, or for money ${MONEY}; null when undefined` };

export class ChangeRow {
  @ApiProperty({ enum: CHANGE_METRICS, enumName: 'AuditChangeMetric', description: 'the field of `totals` compared' })
  metric!: ChangeMetric;

  @ApiProperty(FIGURE)
  current!: number | string | null;

  @ApiProperty(FIGURE)
  previous!: number | string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'current minus previous' })
  change!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'change / previous, 4 decimals; null when previous is 0 or undefined' })
  changeShare!: number | null;
}

export class AuditYearChange {
  @ApiProperty()
  previousYear!: number;

  @ApiProperty({ type: [ChangeRow] })
  rows!: ChangeRow[];
}

export class AuditReportData {
  @ApiProperty()
  year!: number;

  @ApiProperty({ enum: ['DESIGN.md section 4'], enumName: 'AuditDefinitions', description: 'where the figures are defined' })
  definitions!: 'DESIGN.md section 4';

  @ApiProperty({ type: Totals })
  totals!: Totals;

  @ApiProperty({ type: [IndicatorRow], description: 'indicators against their targets' })
  keyResults!: IndicatorRow[];

  @ApiProperty({ type: [DimensionRow] })
  byProductCategory!: DimensionRow[];

  @ApiProperty({ type: [DimensionRow] })
  byType!: DimensionRow[];

  @ApiProperty({ type: [DimensionRow] })
  byRegion!: DimensionRow[];

  @ApiProperty({ type: [DimensionRow] })
  byDeliveryMode!: DimensionRow[];

  @ApiProperty({ type: [DimensionRow] })
  byPlsLevel!: DimensionRow[];

  @ApiProperty({ type: [DimensionRow] })
  byTopic!: DimensionRow[];

  @ApiProperty({ type: [DimensionRow] })
  byLeadDivision!: DimensionRow[];

  @ApiProperty({ type: [CountryRow], description: 'the 10 countries with the most participations' })
  topBeneficiaryCountries!: CountryRow[];

  @ApiProperty({ type: AuditEvaluationResults })
  evaluation!: AuditEvaluationResults;

  @ApiProperty({ type: AuditBudget })
  budget!: AuditBudget;

  @ApiProperty({ type: AuditYearChange })
  changeVsPreviousYear!: AuditYearChange;
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
