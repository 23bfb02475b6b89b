import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { scoreResults } from '@trta/participation';
import {
  AuditEvaluationResults,
  AuditReportData,
  BudgetRow,
  CHANGE_METRICS,
  ChangeMetric,
  ChangeRow,
  CountryRow,
  DIMENSION_SECTIONS,
  DimensionRow,
  IndicatorRow,
  ParticipationMetrics,
  Totals,
} from '../audit-data';
import { fromCents, moneyRatio, ratio, round, toCents } from './audit-math';
import { AUDIT_QUERIES } from './audit-queries';

type Progress = (percent: number) => Promise<void>;
type Counts = Omit<ParticipationMetrics, 'completionRate' | 'womenShare' | 'ldcShare'>;

interface EvaluationRow {
  responses: number;
  /** scoreMeanSql's text and scoreCountsSql's counts per score. */
  satisfactionMean: string | null;
  relevanceMean: string | null;
  satisfaction: number[];
  relevance: number[];
  withTestScores: number;
  learningGain: number | null;
  yes: number;
  no: number;
  unanswered: number;
}

const withShares = <T extends Counts>(row: T): T & ParticipationMetrics => ({
  ...row,
  completionRate: ratio(row.completed, row.participations),
  womenShare: ratio(row.women, row.participations),
  ldcShare: ratio(row.ldcParticipations, row.participations),
});

const NO_PARTICIPATIONS: Counts = { participations: 0, participants: 0, completed: 0, women: 0, ldcParticipations: 0 };

/**
 * Builds a year's report from SQL aggregates inside one REPEATABLE READ, READ ONLY transaction,
 * so every section sees the same snapshot however long the report takes. Nothing is loaded
 * row by row: each statement returns a handful of aggregated rows.
 */
@Injectable()
export class AuditGeneratorService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async generate(year: number, progress: Progress = async () => undefined): Promise<AuditReportData> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const data = await this.sections(runner, year, progress);
      await runner.query('COMMIT');
      return data;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async sections(runner: QueryRunner, year: number, progress: Progress): Promise<AuditReportData> {
    const q = <T>(sql: string, params: unknown[] = [year]) => runner.query(sql, params) as Promise<T[]>;

    const totals = await this.totals(runner, year);
    await progress(15);
    const keyResults = (await q<Omit<IndicatorRow, 'achievement'>>(AUDIT_QUERIES.keyResults)).map((row) => ({
      ...row,
      achievement: row.actual === null ? null : ratio(Number(row.actual), Number(row.target)),
    }));
    await progress(25);
    const participations = await q<Counts & { section: string; key: string }>(AUDIT_QUERIES.dimensionParticipations);
    const activities = await q<{ section: string; key: string; activities: number; budgetPlanned: string; budgetActual: string }>(
      AUDIT_QUERIES.dimensionActivities,
    );
    await progress(45);
    participations.push(...(await q<Counts & { section: string; key: string }>(AUDIT_QUERIES.topicParticipations)));
    activities.push(...(await q<{ section: string; key: string; activities: number; budgetPlanned: string; budgetActual: string }>(AUDIT_QUERIES.topicActivities)));
    await progress(55);
    const dimensions = mergeDimensions(participations, activities);
    const topBeneficiaryCountries = (await q<Counts & { key: string; name: string; region: string; ldc: boolean }>(AUDIT_QUERIES.topCountries)).map(
      (row) => withShares(row) as CountryRow,
    );
    await progress(65);
    const evaluation = await this.evaluation(runner, year, totals.participations);
    await progress(75);
    const budgetRow = (row: Omit<BudgetRow, 'execution'>): BudgetRow => ({ ...row, execution: moneyRatio(row.budgetActual, row.budgetPlanned) });
    const budget = {
      byFundingSource: (await q<Omit<BudgetRow, 'execution'>>(AUDIT_QUERIES.budgetByFundingSource)).map(budgetRow),
      byProduct: (await q<Omit<BudgetRow, 'execution'>>(AUDIT_QUERIES.budgetByProduct)).map(budgetRow),
    };
    await progress(85);
    const previous = await this.totals(runner, year - 1);
    await progress(95);
    return {
      year,
      definitions: 'DESIGN.md section 4',
      totals,
      keyResults,
      ...(Object.fromEntries(DIMENSION_SECTIONS.map(([section]) => [section, dimensions.get(section) ?? []])) as Pick<
        AuditReportData,
        (typeof DIMENSION_SECTIONS)[number][0]
      >),
      topBeneficiaryCountries,
      evaluation,
      budget,
      changeVsPreviousYear: { previousYear: year - 1, rows: CHANGE_METRICS.map((metric) => change(metric, totals[metric], previous[metric])) },
    };
  }

  private async totals(runner: QueryRunner, year: number): Promise<Totals> {
    const [row] = (await runner.query(AUDIT_QUERIES.totals, [year])) as (Counts & {
      activitiesCounted: number;
      activitiesPlanned: number;
      activitiesCancelled: number;
      activitiesPostponed: number;
      evaluations: number;
      learningGain: number | null;
      budgetPlanned: string;
      budgetActual: string;
      reportsReceived: number;
      resultsMet: number;
      eLearningParticipations: number;
    })[];
    return {
      ...withShares(row),
      evaluationResponseRate: ratio(row.evaluations, row.participations),
      learningGain: round(row.learningGain),
      budgetExecution: moneyRatio(row.budgetActual, row.budgetPlanned),
      resultsMetShare: ratio(row.resultsMet, row.reportsReceived),
      eLearningShare: ratio(row.eLearningParticipations, row.participations),
    };
  }

  private async evaluation(runner: QueryRunner, year: number, participations: number): Promise<AuditEvaluationResults> {
    const [row] = (await runner.query(AUDIT_QUERIES.evaluation, [year])) as EvaluationRow[];
    const satisfaction = scoreResults(row.satisfactionMean, row.satisfaction);
    const relevance = scoreResults(row.relevanceMean, row.relevance);
    return {
      responses: Number(row.responses),
      responseRate: ratio(Number(row.responses), participations),
      satisfactionMean: satisfaction.mean,
      relevanceMean: relevance.mean,
      satisfaction: satisfaction.distribution,
      relevance: relevance.distribution,
      withTestScores: Number(row.withTestScores),
      learningGain: round(row.learningGain),
      appliedInWork: { yes: Number(row.yes), no: Number(row.no), unanswered: Number(row.unanswered) },
    };
  }
}

function mergeDimensions(
  participations: (Counts & { section: string; key: string })[],
  activities: { section: string; key: string; activities: number; budgetPlanned: string; budgetActual: string }[],
): Map<string, DimensionRow[]> {
  const rows = new Map<string, DimensionRow>();
  const id = (section: string, key: string) => `${section}\u0000${key}`;
  for (const row of activities) {
    rows.set(id(row.section, row.key), { ...withShares({ ...NO_PARTICIPATIONS }), ...row });
  }
  for (const { section, key, ...counts } of participations) {
    const existing = rows.get(id(section, key)) ?? { key, activities: 0, budgetPlanned: '0.00', budgetActual: '0.00', ...withShares({ ...NO_PARTICIPATIONS }) };
    rows.set(id(section, key), { ...existing, ...withShares(counts), key });
  }
  const bySection = new Map<string, DimensionRow[]>();
  for (const [compound, row] of rows) {
    const section = compound.split('\u0000')[0];
    const { section: _section, ...clean } = row as DimensionRow & { section?: string };
    bySection.set(section, [...(bySection.get(section) ?? []), clean]);
  }
  for (const list of bySection.values()) list.sort((a, b) => b.participations - a.participations || b.activities - a.activities || a.key.localeCompare(b.key));
  return bySection;
}

function change(metric: ChangeMetric, current: Totals[keyof Totals], previous: Totals[keyof Totals]): ChangeRow {
  if (typeof current === 'string' && typeof previous === 'string') {
    const difference = toCents(current) - toCents(previous);
    return { metric, current, previous, change: Number(fromCents(difference)), changeShare: toCents(previous) > 0n ? ratio(Number(difference), Number(toCents(previous))) : null };
  }
  const now = current as number | null;
  const before = previous as number | null;
  if (now === null || before === null) return { metric, current: now, previous: before, change: null, changeShare: null };
  return { metric, current: now, previous: before, change: round(now - before), changeShare: before !== 0 ? ratio(now - before, before) : null };
}
