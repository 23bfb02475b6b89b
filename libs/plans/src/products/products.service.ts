import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { constraintRefusal, decodeCursor, DomainException, invalidCursor, Page, PageQueryDto, toPage, type AuthUser } from '@trta/http';
import { queryRows, selectList, type FieldMap } from '@trta/database';
import { changed, created, recordPlanHistory } from '../history/plan-history';
import { findPlanState, lockOpenPlan, type PlanState } from '../plan.policy';
import { PlanRefusals } from '../plans.refusals';
import { Product } from './product.entity';
import { CreateProductDto, ProductView, UpdateProductDto } from './products.dto';

/** The one spelling of products' columns. */
/** The one spelling of the products table's columns. */
export const PRODUCT_FIELDS: FieldMap<ProductView> = {
  id: 'id',
  planId: 'plan_id',
  code: 'code',
  name: 'name',
  category: 'category',
  description: 'description',
  plannedBudget: 'planned_budget',
  fundingSource: 'funding_source',
  createdAt: 'created_at',
};
const PRODUCT_COLUMNS = selectList(PRODUCT_FIELDS, 'pr');
const RETURNING = selectList(PRODUCT_FIELDS);

/** The fields of a product its plan's history follows. */
const HISTORY_FIELDS = ['code', 'name', 'category', 'description', 'plannedBudget', 'fundingSource'] as const satisfies (keyof ProductView)[];

const EDITABLE: Record<keyof UpdateProductDto, string> = {
  code: 'code',
  name: 'name',
  category: 'category',
  description: 'description',
  plannedBudget: 'planned_budget',
  fundingSource: 'funding_source',
};

@Injectable()
export class ProductsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A product of a plan that is not closed; a code already used in the plan is a 409. */
  create(planId: string, dto: CreateProductDto, user: AuthUser): Promise<ProductView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockOpenPlan(manager, planId);
      const product = await this.write(plan, dto, async () => {
        const [inserted] = await queryRows(
          manager,
          PRODUCT_FIELDS,
          `INSERT INTO products (plan_id, code, name, category, description, planned_budget, funding_source)
           VALUES ($1, $2, $3, $4, $5, $6::numeric, $7) RETURNING ${RETURNING}`,
          [planId, dto.code, dto.name, dto.category, dto.description ?? null, dto.plannedBudget, dto.fundingSource],
        );
        return inserted;
      });
      await recordPlanHistory(manager, {
        planId,
        productId: product.id,
        userId: user.id,
        action: 'create-product',
        changes: created(product, HISTORY_FIELDS),
      });
      return product;
    });
  }

  async list(planId: string, query: PageQueryDto): Promise<Page<ProductView>> {
    await findPlanState(this.dataSource.manager, planId);
    const builder = this.select().where('pr.plan_id = :planId', { planId });
    if (query.cursor) {
      const [code, id] = decodeCursor(query.cursor, 2);
      if (typeof code !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
        throw invalidCursor();
      }
      builder.andWhere('(pr.code, pr.id) > (:code, :id::uuid)', { code, id });
    }
    const rows = await builder
      .orderBy('pr.code', 'ASC')
      .addOrderBy('pr.id', 'ASC')
      .limit(query.limit + 1)
      .getRawMany<ProductView>();
    return toPage(rows, query.limit, (row) => [row.code, row.id]);
  }

  /** Every product of the plan, for the plan's own page (a plan has a handful). */
  listAllOfPlan(planId: string): Promise<ProductView[]> {
    return this.select().where('pr.plan_id = :planId', { planId }).orderBy('pr.code', 'ASC').addOrderBy('pr.id', 'ASC').getRawMany<ProductView>();
  }

  async findOne(planId: string, productId: string): Promise<ProductView> {
    const product = await this.select()
      .where('pr.plan_id = :planId AND pr.id = :productId', { planId, productId })
      .getRawOne<ProductView>();
    if (product) return product;
    await findPlanState(this.dataSource.manager, planId);
    throw productNotFound(productId);
  }

  update(planId: string, productId: string, dto: UpdateProductDto, user: AuthUser): Promise<ProductView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockOpenPlan(manager, planId);
      const sets: string[] = [];
      const params: unknown[] = [planId, productId];
      for (const [field, column] of Object.entries(EDITABLE) as [keyof UpdateProductDto, string][]) {
        if (dto[field] === undefined) continue;
        params.push(dto[field]);
        sets.push(`${column} = $${params.length}`);
      }
      // The row lock makes `before` the version this UPDATE changes, so the history's "from" is exact.
      const [before] = await queryRows(manager, PRODUCT_FIELDS, `SELECT ${RETURNING} FROM products WHERE plan_id = $1 AND id = $2 FOR UPDATE`, [
        planId,
        productId,
      ]);
      if (!before) throw productNotFound(productId);
      if (sets.length === 0) return before;
      const updated = await this.write(plan, dto, async () => {
        const [row] = await queryRows(manager, PRODUCT_FIELDS, `UPDATE products SET ${sets.join(', ')} WHERE plan_id = $1 AND id = $2 RETURNING ${RETURNING}`, params);
        return row;
      });
      const changes = changed(before, updated, HISTORY_FIELDS);
      if (Object.keys(changes).length > 0) {
        await recordPlanHistory(manager, { planId, productId, userId: user.id, action: 'update-product', changes });
      }
      return updated;
    });
  }

  private select(): SelectQueryBuilder<Product> {
    return this.dataSource.createQueryBuilder(Product, 'pr').select(PRODUCT_COLUMNS);
  }

  private async write<T>(plan: PlanState, dto: Partial<CreateProductDto>, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw (
        constraintRefusal(error, {
          planCode: plan.code,
          ...(dto.code === undefined ? {} : { code: dto.code }),
          ...(dto.category === undefined ? {} : { category: dto.category }),
        }) ?? error
      );
    }
  }
}

function productNotFound(productId: string): DomainException {
  return new DomainException(PlanRefusals.PRODUCT_NOT_FOUND, `Product ${productId} not found`, { productId });
}
