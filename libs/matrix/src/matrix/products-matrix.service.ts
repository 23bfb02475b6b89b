import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTIVITY_FIELDS, ACTIVITY_STATUSES, type ActivityStatus } from '@trta/activities';
import { queryRows, selectList } from '@trta/database';
import { DomainException } from '@trta/http';
import { PLAN_FIELDS, PRODUCT_FIELDS } from '@trta/plans';
import { MatrixRefusals } from '../matrix.refusals';
import { ActivityStatusCountsView, MATRIX_ACTIVITY_FIELDS, MATRIX_PLAN_FIELDS, MatrixActivityView, MatrixPlanView, MatrixProductView, ProductsMatrixView } from './products-matrix.dto';

/**
 * Counts per status and exact sums, all computed by PostgreSQL. Sums are numeric printed as text
 * (never summed as JS floats); an empty sum is 0.00. Every status counts in the totals, cancelled included.
 */
const AGGREGATES = `count(a.id)::int AS "activityCount",
  ${ACTIVITY_STATUSES.map((status) => `count(a.id) FILTER (WHERE a.status = '${status}')::int AS "${status}"`).join(',\n  ')},
  coalesce(sum(a.budget_planned), 0.00)::text AS "budgetPlannedTotal",
  coalesce(sum(a.budget_actual), 0.00)::text AS "budgetActualTotal"`;

/** An activity of the matrix with the product whose row it goes in. */
const ACTIVITY_ROW_FIELDS = ['productId', ...MATRIX_ACTIVITY_FIELDS] as const;

type AggregateRow = { activityCount: number; budgetPlannedTotal: string; budgetActualTotal: string } & ActivityStatusCountsView;

function byStatus(row: AggregateRow): ActivityStatusCountsView {
  return Object.fromEntries(ACTIVITY_STATUSES.map((status) => [status, row[status]])) as Record<ActivityStatus, number>;
}

/** GET /api/ta-plans/:id/matrix: the plan's activities by product. */
@Injectable()
export class ProductsMatrixService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `withActivities: false` leaves the products' lists of activities empty (their counts and sums stay). */
  async build(planId: string, { withActivities = true }: { withActivities?: boolean } = {}): Promise<ProductsMatrixView> {
    // One snapshot for the four queries, so the totals always agree with the rows.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [plan] = await queryRows(
        manager,
        PLAN_FIELDS,
        `SELECT ${selectList(PLAN_FIELDS, null, MATRIX_PLAN_FIELDS)} FROM ta_plans WHERE id = $1`,
        [planId],
        MATRIX_PLAN_FIELDS,
      );
      if (!plan) throw new DomainException(MatrixRefusals.PLAN_NOT_FOUND, `TA plan ${planId} not found`, { planId });

      const productRows = (await manager.query(
        `SELECT p.${PRODUCT_FIELDS.id} AS "productId", ${selectList(PRODUCT_FIELDS, 'p', ['code', 'name', 'category'])},
                p.${PRODUCT_FIELDS.plannedBudget}::text AS "plannedBudget", ${AGGREGATES}
         FROM products p LEFT JOIN activities a ON a.product_id = p.id
         WHERE p.plan_id = $1
         GROUP BY p.id
         ORDER BY p.code, p.id`,
        [planId],
      )) as (Omit<MatrixProductView, 'byStatus' | 'activities'> & AggregateRow)[];

      const activities = !withActivities ? [] : await queryRows(
        manager,
        ACTIVITY_FIELDS,
        `SELECT ${selectList(ACTIVITY_FIELDS, 'a', ACTIVITY_ROW_FIELDS)}
         FROM activities a
         WHERE a.plan_id = $1
         ORDER BY a.start_date ASC NULLS LAST, a.code`,
        [planId],
        ACTIVITY_ROW_FIELDS,
      );

      const [totals] = (await manager.query(
        `SELECT (SELECT count(*)::int FROM products WHERE plan_id = $1) AS "productCount",
                (SELECT coalesce(sum(planned_budget), 0.00)::text FROM products WHERE plan_id = $1) AS "plannedBudget",
                ${AGGREGATES}
         FROM activities a WHERE a.plan_id = $1`,
        [planId],
      )) as ({ productCount: number; plannedBudget: string } & AggregateRow)[];

      const byProduct = new Map<string, MatrixActivityView[]>();
      for (const { productId, ...activity } of activities) {
        const list = byProduct.get(productId);
        if (list) list.push(activity);
        else byProduct.set(productId, [activity]);
      }
      return {
        plan,
        products: productRows.map((row) => ({
          productId: row.productId,
          code: row.code,
          name: row.name,
          category: row.category,
          plannedBudget: row.plannedBudget,
          activityCount: row.activityCount,
          byStatus: byStatus(row),
          budgetPlannedTotal: row.budgetPlannedTotal,
          budgetActualTotal: row.budgetActualTotal,
          activities: byProduct.get(row.productId) ?? [],
        })),
        totals: {
          productCount: totals.productCount,
          plannedBudget: totals.plannedBudget,
          activityCount: totals.activityCount,
          byStatus: byStatus(totals),
          budgetPlannedTotal: totals.budgetPlannedTotal,
          budgetActualTotal: totals.budgetActualTotal,
        },
      };
    });
  }
}
