import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { constraintRefusal, decodeCursor, historyPage, invalidCursor, Page, PageQueryDto, toPage, type AuthUser } from '@trta/http';
import { pgError, queryRows, retryDeadlocked, selectList } from '@trta/database';
import { changed, created, recordPlanHistory, type PlanHistoryView } from '../history/plan-history';
import { KeyResultsService } from '../key-results/key-results.service';
import { planAllowedActions, planClosed, planNotFound, transitionRefused, PLAN_TRANSITIONS, type PlanTransition } from '../plan.policy';
import { PlanRefusals } from '../plans.refusals';
import { ProductsService } from '../products/products.service';
import { PLAN_FIELDS, type PlanRow } from './plan-fields';
import { CreatePlanDto, PlanDetailView, PlanView, UpdatePlanDto } from './plans.dto';

const RETURNING = selectList(PLAN_FIELDS);
const SELECT = `SELECT ${selectList(PLAN_FIELDS, 'p')} FROM ta_plans p`;

/** The fields of a plan its history follows. */
const HISTORY_FIELDS = ['code', 'title', 'periodStart', 'periodEnd', 'status', 'notes', 'ceilingPerCountry'] as const satisfies (keyof PlanView)[];

/** The columns a PATCH may change, by DTO field. */
const EDITABLE: Record<keyof UpdatePlanDto, string> = {
  title: 'title',
  periodStart: 'period_start',
  periodEnd: 'period_end',
  notes: 'notes',
  ceilingPerCountry: 'ceiling_per_country',
};

const withActions = (plan: PlanRow, user: AuthUser | undefined): PlanView => ({ ...plan, allowedActions: planAllowedActions(plan, user) });

@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly products: ProductsService,
    private readonly keyResults: KeyResultsService,
  ) {}

  async create(dto: CreatePlanDto, user: AuthUser): Promise<PlanView> {
    return this.write(dto, () =>
      this.dataSource.transaction(async (manager) => {
        const [plan] = await queryRows(
          manager,
          PLAN_FIELDS,
          `INSERT INTO ta_plans (code, title, period_start, period_end, notes, ceiling_per_country)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${RETURNING}`,
          [dto.code, dto.title, dto.periodStart, dto.periodEnd, dto.notes ?? null, dto.ceilingPerCountry ?? null],
        );
        await recordPlanHistory(manager, { planId: plan.id, userId: user.id, action: 'create', changes: created(plan, HISTORY_FIELDS) });
        return withActions(plan, user);
      }),
    );
  }

  async list(query: PageQueryDto, user?: AuthUser): Promise<Page<PlanView>> {
    const params: unknown[] = [query.limit + 1];
    let after = '';
    if (query.cursor) {
      const [periodStart, id] = decodeCursor(query.cursor, 2);
      if (typeof periodStart !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(periodStart) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
        throw invalidCursor();
      }
      params.push(periodStart, id);
      after = 'WHERE (p.period_start, p.id) < ($2::date, $3::uuid)';
    }
    const rows = await queryRows(this.dataSource.manager, PLAN_FIELDS, `${SELECT} ${after} ORDER BY p.period_start DESC, p.id DESC LIMIT $1`, params);
    const page = toPage(rows, query.limit, (row) => [row.periodStart, row.id]);
    return { ...page, items: page.items.map((plan) => withActions(plan, user)) };
  }

  async findView(id: string, user?: AuthUser, manager: EntityManager = this.dataSource.manager): Promise<PlanView> {
    const [plan] = await queryRows(manager, PLAN_FIELDS, `${SELECT} WHERE p.id = $1`, [id]);
    if (!plan) throw planNotFound(id);
    return withActions(plan, user);
  }

  /** The plan with its products and its results framework. */
  async findDetail(id: string, user?: AuthUser): Promise<PlanDetailView> {
    const plan = await this.findView(id, user);
    const [products, keyResults] = await Promise.all([this.products.listAllOfPlan(id), this.keyResults.framework(id)]);
    return { ...plan, products, keyResults };
  }

  /** Changes what is given; a closed plan is not edited any more. */
  async update(id: string, dto: UpdatePlanDto, user: AuthUser): Promise<PlanView> {
    const sets = ['updated_at = now()'];
    const params: unknown[] = [id];
    for (const [field, column] of Object.entries(EDITABLE) as [keyof UpdatePlanDto, string][]) {
      if (dto[field] === undefined) continue;
      params.push(dto[field]);
      sets.push(`${column} = $${params.length}`);
    }
    return this.write(
      dto,
      () =>
        this.dataSource.transaction(async (manager) => {
          // The row lock makes `before` the version this UPDATE changes, so the history's "from" is exact.
          const [before] = await queryRows(manager, PLAN_FIELDS, `SELECT ${RETURNING} FROM ta_plans WHERE id = $1 FOR UPDATE`, [id]);
          if (!before) throw planNotFound(id);
          if (before.status === 'closed') throw planClosed(before.code, 'edited');
          const [updated] = await queryRows(manager, PLAN_FIELDS, `UPDATE ta_plans SET ${sets.join(', ')} WHERE id = $1 RETURNING ${RETURNING}`, params);
          const changes = changed(before, updated, HISTORY_FIELDS);
          if (Object.keys(changes).length > 0) await recordPlanHistory(manager, { planId: id, userId: user.id, action: 'update', changes });
          return withActions(updated, user);
        }),
      id,
    );
  }

  /** Every change to the plan, its products and its results framework, oldest first. */
  async history(id: string, query: PageQueryDto): Promise<Page<PlanHistoryView>> {
    await this.findView(id);
    return historyPage<PlanHistoryView>(this.dataSource.manager, {
      table: 'plan_history',
      keyColumn: 'plan_id',
      id,
      limit: query.limit,
      cursor: query.cursor,
      columns: 'h.product_id AS "productId", h.key_result_id AS "keyResultId", h.changes',
    });
  }

  adopt(id: string, user: AuthUser): Promise<PlanView> {
    return this.transition(id, 'adopt', user);
  }

  close(id: string, user: AuthUser): Promise<PlanView> {
    return this.transition(id, 'close', user);
  }

  /** One conditional UPDATE, so two concurrent transitions cannot both succeed. */
  private async transition(id: string, action: PlanTransition, user: AuthUser): Promise<PlanView> {
    const { from, to } = PLAN_TRANSITIONS[action];
    const done = await this.dataSource.transaction(async (manager) => {
      const [plan] = await queryRows(
        manager,
        PLAN_FIELDS,
        `UPDATE ta_plans SET status = $2, updated_at = now() WHERE id = $1 AND status = $3 RETURNING ${RETURNING}`,
        [id, to, from],
      );
      if (plan) await recordPlanHistory(manager, { planId: id, userId: user.id, action, changes: { status: { from, to } } });
      return plan;
    });
    if (done) return withActions(done, user);
    throw transitionRefused(await this.findView(id), action);
  }

  /**
   * Turns the constraint violations a plan's input can cause into messages naming what clashed.
   * `planId` is the plan being edited, whose stored dates fill in what a PATCH leaves out. Two
   * concurrent writes of overlapping periods can deadlock on the exclusion constraint: the one
   * PostgreSQL aborts runs again and then gets the overlap, as if it had come second.
   */
  private async write<T>(dto: Partial<CreatePlanDto>, run: () => Promise<T>, planId?: string): Promise<T> {
    try {
      return await retryDeadlocked(run);
    } catch (error) {
      const other = pgError(error)?.constraint === 'ta_plans_period_excl' ? await this.overlappingPlan(dto, planId) : undefined;
      throw (
        constraintRefusal(error, {
          ...(dto.code === undefined ? {} : { code: dto.code }),
          ...(other ? { otherPlanCode: other.code, otherPeriodStart: other.periodStart, otherPeriodEnd: other.periodEnd } : {}),
        }) ?? error
      );
    }
  }

  /** The plan the period clashed with (committed by then: the exclusion check waits for it). */
  private async overlappingPlan(dto: Partial<CreatePlanDto>, planId?: string): Promise<{ code: string; periodStart: string; periodEnd: string } | undefined> {
    const [other] = (await this.dataSource.query(
      `WITH wanted AS (
         SELECT coalesce($1::date, (SELECT period_start FROM ta_plans WHERE id = $3)) AS period_start,
                coalesce($2::date, (SELECT period_end FROM ta_plans WHERE id = $3)) AS period_end
       )
       SELECT o.code, o.period_start::text AS "periodStart", o.period_end::text AS "periodEnd"
       FROM ta_plans o, wanted w
       WHERE o.id IS DISTINCT FROM $3::uuid
         AND daterange(o.period_start, o.period_end, '[]') && daterange(w.period_start, w.period_end, '[]')
       ORDER BY o.period_start LIMIT 1`,
      [dto.periodStart ?? null, dto.periodEnd ?? null, planId ?? null],
    )) as { code: string; periodStart: string; periodEnd: string }[];
    return other;
  }
}
