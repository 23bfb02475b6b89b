import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { constraintRefusal, DomainException, type AuthUser } from '@trta/http';
import { queryRows, selectList, type FieldMap } from '@trta/database';
import { created, recordPlanHistory, type Changes } from '../history/plan-history';
import { findPlanState, lockOpenPlan } from '../plan.policy';
import { PlanRefusals } from '../plans.refusals';
import { Indicator, IndicatorActual, KeyResult } from './key-result.entity';
import { ActualDto, ActualView, CreateIndicatorDto, CreateKeyResultDto, IndicatorActualView, IndicatorView, KeyResultView } from './key-results.dto';

type KeyResultRow = Omit<KeyResultView, 'indicators'>;
type IndicatorRow = Omit<IndicatorView, 'actuals'>;

/** The one spelling of key_results' columns. */
const KEY_RESULT_FIELDS: FieldMap<KeyResultRow> = { id: 'id', planId: 'plan_id', code: 'code', title: 'title', position: 'position' };
/** The one spelling of indicators' columns. */
const INDICATOR_FIELDS: FieldMap<IndicatorRow> = {
  id: 'id',
  keyResultId: 'key_result_id',
  description: 'description',
  unit: 'unit',
  baseline: 'baseline',
  target: 'target',
  position: 'position',
};
/** The one spelling of indicator_actuals' columns. */
const ACTUAL_FIELDS: FieldMap<IndicatorActualView> = { indicatorId: 'indicator_id', year: 'year', value: 'value' };

@Injectable()
export class KeyResultsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The plan's key results, each with its indicators and their yearly actuals. */
  async list(planId: string): Promise<{ items: KeyResultView[]; nextCursor: null }> {
    await findPlanState(this.dataSource.manager, planId);
    // The results framework is a handful of rows and is read whole, so there is never a next page.
    return { items: await this.framework(planId), nextCursor: null };
  }

  async framework(planId: string, manager: EntityManager = this.dataSource.manager): Promise<KeyResultView[]> {
    const keyResults = await manager
      .createQueryBuilder()
      .select(selectList(KEY_RESULT_FIELDS, 'k'))
      .from(KeyResult, 'k')
      .where('k.plan_id = :planId', { planId })
      .orderBy('k.position', 'ASC')
      .addOrderBy('k.code', 'ASC')
      .getRawMany<KeyResultRow>();
    if (keyResults.length === 0) return [];
    const indicators = await manager
      .createQueryBuilder()
      .select(selectList(INDICATOR_FIELDS, 'i'))
      .from(Indicator, 'i')
      .innerJoin(KeyResult, 'k', 'k.id = i.key_result_id')
      .where('k.plan_id = :planId', { planId })
      .orderBy('i.position', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .getRawMany<IndicatorRow>();
    const actuals = await manager
      .createQueryBuilder()
      .select(selectList(ACTUAL_FIELDS, 'a'))
      .from(IndicatorActual, 'a')
      .innerJoin(Indicator, 'i', 'i.id = a.indicator_id')
      .innerJoin(KeyResult, 'k', 'k.id = i.key_result_id')
      .where('k.plan_id = :planId', { planId })
      .orderBy('a.year', 'ASC')
      .getRawMany<IndicatorActualView>();

    const actualsOf = new Map<string, ActualView[]>();
    for (const { indicatorId, year, value } of actuals) {
      actualsOf.set(indicatorId, [...(actualsOf.get(indicatorId) ?? []), { year, value }]);
    }
    const indicatorsOf = new Map<string, IndicatorView[]>();
    for (const indicator of indicators) {
      const view = { ...indicator, actuals: actualsOf.get(indicator.id) ?? [] };
      indicatorsOf.set(indicator.keyResultId, [...(indicatorsOf.get(indicator.keyResultId) ?? []), view]);
    }
    return keyResults.map((keyResult) => ({ ...keyResult, indicators: indicatorsOf.get(keyResult.id) ?? [] }));
  }

  /** A key result and its indicators, all or nothing. */
  create(planId: string, dto: CreateKeyResultDto, user: AuthUser): Promise<KeyResultView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockOpenPlan(manager, planId);
      let keyResult: KeyResultRow;
      try {
        [keyResult] = await queryRows(
          manager,
          KEY_RESULT_FIELDS,
          `INSERT INTO key_results (plan_id, code, title, position)
           VALUES ($1, $2, $3, coalesce($4::int, (SELECT coalesce(max(position) + 1, 1) FROM key_results WHERE plan_id = $1)))
           RETURNING ${selectList(KEY_RESULT_FIELDS)}`,
          [planId, dto.code, dto.title, dto.position ?? null],
        );
      } catch (error) {
        throw constraintRefusal(error, { code: dto.code, planCode: plan.code }) ?? error;
      }
      const indicators: IndicatorView[] = [];
      for (const indicator of dto.indicators ?? []) indicators.push(await this.insertIndicator(manager, keyResult.id, indicator));
      const changes: Changes = created(keyResult, ['code', 'title', 'position']);
      for (const indicator of indicators) Object.assign(changes, indicatorCreated(indicator));
      await recordPlanHistory(manager, { planId, keyResultId: keyResult.id, userId: user.id, action: 'create-key-result', changes });
      return { ...keyResult, indicators };
    });
  }

  addIndicator(planId: string, keyResultId: string, dto: CreateIndicatorDto, user: AuthUser): Promise<IndicatorView> {
    return this.dataSource.transaction(async (manager) => {
      await lockOpenPlan(manager, planId);
      const [keyResult] = (await manager.query('SELECT id FROM key_results WHERE id = $1 AND plan_id = $2 FOR UPDATE', [keyResultId, planId])) as {
        id: string;
      }[];
      if (!keyResult) throw new DomainException(PlanRefusals.KEY_RESULT_NOT_FOUND, `Key result ${keyResultId} not found`, { keyResultId });
      const indicator = await this.insertIndicator(manager, keyResultId, dto);
      await recordPlanHistory(manager, { planId, keyResultId, userId: user.id, action: 'add-indicator', changes: indicatorCreated(indicator) });
      return indicator;
    });
  }

  /**
   * Records the actual value of an indicator for a year of the plan's period, replacing any
   * earlier one. Allowed on a closed plan: the last year's figures arrive after the plan ends.
   */
  async putActual(planId: string, indicatorId: string, year: number, dto: ActualDto, user: AuthUser): Promise<IndicatorActualView> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new DomainException(PlanRefusals.ACTUAL_YEAR_INVALID, 'year must be an integer from 2000 to 2100', { year, min: 2000, max: 2100 });
    }
    return this.dataSource.transaction((manager) => this.setActual(manager, planId, indicatorId, year, dto, user));
  }

  private async setActual(
    manager: EntityManager,
    planId: string,
    indicatorId: string,
    year: number,
    dto: ActualDto,
    user: AuthUser,
  ): Promise<ActualView & { indicatorId: string }> {
    const plan = await findPlanState(manager, planId);
    // Locking the indicator puts concurrent writes of its actuals in a row, so each history row's "from" is exact.
    const [found] = (await manager.query(
      `SELECT i.id, i.key_result_id AS "keyResultId", (SELECT a.value FROM indicator_actuals a WHERE a.indicator_id = i.id AND a.year = $3) AS previous
       FROM indicators i JOIN key_results k ON k.id = i.key_result_id WHERE i.id = $1 AND k.plan_id = $2 FOR UPDATE OF i`,
      [indicatorId, planId, year],
    )) as { id: string; keyResultId: string; previous: string | null }[];
    if (!found) throw new DomainException(PlanRefusals.INDICATOR_NOT_FOUND, `Indicator ${indicatorId} not found`, { indicatorId });
    const firstYear = Number(plan.periodStart.slice(0, 4));
    const lastYear = Number(plan.periodEnd.slice(0, 4));
    if (year < firstYear || year > lastYear) {
      throw new DomainException(
        PlanRefusals.ACTUAL_YEAR_OUTSIDE_PLAN,
        `year ${year} is outside the period of plan ${plan.code} (${plan.periodStart} to ${plan.periodEnd})`,
        { year, planCode: plan.code, periodStart: plan.periodStart, periodEnd: plan.periodEnd },
      );
    }
    const [actual] = await queryRows(
      manager,
      ACTUAL_FIELDS,
      `INSERT INTO indicator_actuals (indicator_id, year, value) VALUES ($1, $2, $3::numeric)
       ON CONFLICT (indicator_id, year) DO UPDATE SET value = excluded.value
       RETURNING ${selectList(ACTUAL_FIELDS)}`,
      [indicatorId, year, dto.value],
    );
    if (actual.value !== found.previous) {
      await recordPlanHistory(manager, {
        planId,
        keyResultId: found.keyResultId,
        userId: user.id,
        action: 'set-actual',
        changes: { [`indicators.${indicatorId}.actuals.${year}`]: { from: found.previous, to: actual.value } },
      });
    }
    return actual;
  }

  private async insertIndicator(manager: EntityManager, keyResultId: string, dto: CreateIndicatorDto): Promise<IndicatorView> {
    const [indicator] = await queryRows(
      manager,
      INDICATOR_FIELDS,
      `INSERT INTO indicators (key_result_id, description, unit, baseline, target, position)
       VALUES ($1, $2, $3, $4::numeric, $5::numeric, (SELECT coalesce(max(position) + 1, 1) FROM indicators WHERE key_result_id = $1))
       RETURNING ${selectList(INDICATOR_FIELDS)}`,
      [keyResultId, dto.description, dto.unit, dto.baseline ?? null, dto.target],
    );
    return { ...indicator, actuals: [] };
  }
}

/** A new indicator as changes from nothing, under its own path so several fit in one history row. */
function indicatorCreated(indicator: IndicatorView): Changes {
  const { description, unit, baseline, target, position } = indicator;
  return { [`indicators.${indicator.id}`]: { from: null, to: { description, unit, baseline, target, position } } };
}
