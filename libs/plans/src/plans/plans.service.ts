import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, DomainErrorCode, DomainException, Page, PageQueryDto, toPage, type AuthUser } from '@trta/http';
import { changed, created, recordPlanHistory, type PlanHistoryView } from '../history/plan-history';
import { KeyResultsService } from '../key-results/key-results.service';
import { pgError } from '../plan-state';
import { ProductsService } from '../products/products.service';
import { CreatePlanDto, PlanDetailView, PlanView, UpdatePlanDto } from './plans.dto';
import { TaPlan, type PlanStatus } from './ta-plan.entity';

const PLAN_COLUMNS = [
  'p.id AS id',
  'p.code AS code',
  'p.title AS title',
  'p.period_start::text AS "periodStart"',
  'p.period_end::text AS "periodEnd"',
  'p.status AS status',
  'p.notes AS notes',
  'p.ceiling_per_country AS "ceilingPerCountry"',
  'p.created_at AS "createdAt"',
  'p.updated_at AS "updatedAt"',
];
const RETURNING = `id, code, title, period_start::text AS "periodStart", period_end::text AS "periodEnd", status, notes,
  ceiling_per_country AS "ceilingPerCountry", created_at AS "createdAt", updated_at AS "updatedAt"`;

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

/** The lifecycle draft → adopted → closed: each action and the one status it starts from. */
const TRANSITIONS = {
  adopt: { from: 'draft', to: 'adopted' },
  close: { from: 'adopted', to: 'closed' },
} as const satisfies Record<string, { from: PlanStatus; to: PlanStatus }>;

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
        const [plan] = (await manager.query(
          `INSERT INTO ta_plans (code, title, period_start, period_end, notes, ceiling_per_country)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${RETURNING}`,
          [dto.code, dto.title, dto.periodStart, dto.periodEnd, dto.notes ?? null, dto.ceilingPerCountry ?? null],
        )) as PlanView[];
        await recordPlanHistory(manager, { planId: plan.id, userId: user.id, action: 'create', changes: created(plan, HISTORY_FIELDS) });
        return plan;
      }),
    );
  }

  async list(query: PageQueryDto): Promise<Page<PlanView>> {
    const builder = this.dataSource.createQueryBuilder().select(PLAN_COLUMNS).from(TaPlan, 'p');
    if (query.cursor) {
      const [periodStart, id] = decodeCursor(query.cursor, 2);
      if (typeof periodStart !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(periodStart) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
        throw new DomainException(DomainErrorCode.Invalid, 'cursor is not a cursor this list returned');
      }
      builder.andWhere('(p.period_start, p.id) < (:periodStart::date, :id::uuid)', { periodStart, id });
    }
    const rows = await builder
      .orderBy('p.period_start', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(query.limit + 1)
      .getRawMany<PlanView>();
    return toPage(rows, query.limit, (row) => [row.periodStart, row.id]);
  }

  async findView(id: string, manager: EntityManager = this.dataSource.manager): Promise<PlanView> {
    const plan = await manager.createQueryBuilder().select(PLAN_COLUMNS).from(TaPlan, 'p').where('p.id = :id', { id }).getRawOne<PlanView>();
    if (!plan) throw DomainException.notFound('TA plan', id);
    return plan;
  }

  /** The plan with its products and its results framework. */
  async findDetail(id: string): Promise<PlanDetailView> {
    const plan = await this.findView(id);
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
          const [before] = (await manager.query(`SELECT ${RETURNING} FROM ta_plans WHERE id = $1 FOR UPDATE`, [id])) as PlanView[];
          if (!before) throw DomainException.notFound('TA plan', id);
          if (before.status === 'closed') {
            throw new DomainException(DomainErrorCode.Conflict, `plan ${before.code} is closed and can no longer be edited`);
          }
          const [[updated]] = (await manager.query(`UPDATE ta_plans SET ${sets.join(', ')} WHERE id = $1 RETURNING ${RETURNING}`, params)) as [
            PlanView[],
            number,
          ];
          const changes = changed(before, updated, HISTORY_FIELDS);
          if (Object.keys(changes).length > 0) await recordPlanHistory(manager, { planId: id, userId: user.id, action: 'update', changes });
          return updated;
        }),
      id,
    );
  }

  /** Every change to the plan, its products and its results framework, oldest first. */
  async history(id: string, query: PageQueryDto): Promise<Page<PlanHistoryView>> {
    await this.findView(id);
    const params: unknown[] = [id, query.limit + 1];
    let after = '';
    if (query.cursor) {
      const [lastId] = decodeCursor(query.cursor, 1);
      if (typeof lastId !== 'string' || !/^\d{1,19}$/.test(lastId)) {
        throw new DomainException(DomainErrorCode.Invalid, 'cursor is not a cursor this list returned');
      }
      params.push(lastId);
      after = 'AND h.id > $3::bigint';
    }
    const rows = (await this.dataSource.query(
      `SELECT h.id::text AS id, h.at, h.user_id AS "userId", u.email AS "userEmail", h.action,
              h.product_id AS "productId", h.key_result_id AS "keyResultId", h.changes
       FROM plan_history h LEFT JOIN users u ON u.id = h.user_id
       WHERE h.plan_id = $1 ${after}
       ORDER BY h.id ASC LIMIT $2`,
      params,
    )) as PlanHistoryView[];
    return toPage(rows, query.limit, (row) => [row.id]);
  }

  adopt(id: string, user: AuthUser): Promise<PlanView> {
    return this.transition(id, 'adopt', user);
  }

  close(id: string, user: AuthUser): Promise<PlanView> {
    return this.transition(id, 'close', user);
  }

  /** One conditional UPDATE, so two concurrent transitions cannot both succeed. */
  private async transition(id: string, action: keyof typeof TRANSITIONS, user: AuthUser): Promise<PlanView> {
    const { from, to } = TRANSITIONS[action];
    const done = await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE ta_plans SET status = $2, updated_at = now() WHERE id = $1 AND status = $3 RETURNING ${RETURNING}`,
        [id, to, from],
      )) as [PlanView[], number];
      if (rows[0]) await recordPlanHistory(manager, { planId: id, userId: user.id, action, changes: { status: { from, to } } });
      return rows[0];
    });
    if (done) return done;
    const current = await this.findView(id);
    throw new DomainException(
      DomainErrorCode.Conflict,
      `cannot ${action} plan ${current.code}: it is ${current.status}, and only ${from === 'adopted' ? 'an' : 'a'} ${from} plan can be ${to}`,
      { status: current.status, allowedFrom: from },
    );
  }

  /**
   * Turns the constraint violations a plan's input can cause into messages naming what clashed.
   * `planId` is the plan being edited, whose stored dates fill in what a PATCH leaves out.
   */
  private async write<T>(dto: Partial<CreatePlanDto>, run: () => Promise<T>, planId?: string): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const pg = pgError(error);
      if (pg?.code === '23505' && pg.constraint === 'ta_plans_code_key') {
        throw new DomainException(DomainErrorCode.Conflict, `plan code ${dto.code} already exists`);
      }
      if (pg?.code === '23P01' && pg.constraint === 'ta_plans_period_excl') {
        throw new DomainException(DomainErrorCode.Conflict, await this.overlapMessage(dto, planId));
      }
      if (pg?.code === '23514' && pg.constraint === 'ta_plans_period_check') {
        throw new DomainException(DomainErrorCode.RuleViolation, 'periodEnd must be after periodStart');
      }
      throw error;
    }
  }

  /** Names the plan the period clashed with (committed by then: the exclusion check waits for it). */
  private async overlapMessage(dto: Partial<CreatePlanDto>, planId?: string): Promise<string> {
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
    return other
      ? `the period overlaps another plan: ${other.code} (${other.periodStart} to ${other.periodEnd})`
      : 'the period overlaps another plan';
  }
}
