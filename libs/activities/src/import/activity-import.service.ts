import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException, type AuthUser } from '@trta/http';
import { ActivityRefusals } from '../activities.refusals';
import { lockActivityPlan } from '../activity.policy';
// The rules and the insert of POST /api/activities, so an imported row is held to exactly the same checks.
import { CreateActivityDto } from '../activities/activities.dto';
import { ActivitiesService, draftOf } from '../activities/activities.service';
import { checkActivity, type PlanPeriod } from '../activities/activity-rules';
import { ActivityImportView, ImportedActivityView } from './activity-import.dto';
import { IMPORT_COLUMNS, readImportCsv, rowToBody, type CsvRow, type ImportProblem } from './activity-csv';

interface Product {
  id: string;
  fundingSource: string;
}

interface CheckedRow {
  row: number;
  dto: CreateActivityDto;
  product: Product;
  region: string | null;
}

const COLUMN_NAMES = new Set<string>(IMPORT_COLUMNS);

/**
 * CSV import of planned activities: the whole file is checked first (every row, every problem),
 * then all rows are inserted in one transaction, or none.
 */
@Injectable()
export class ActivityImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivitiesService,
  ) {}

  async import(planId: string, csv: string, user: AuthUser): Promise<ActivityImportView> {
    const { rows, problems } = readImportCsv(csv);
    const rowCount = rows.length + problems.length;
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockWritablePlan(manager, planId);
      const products = await productsByCode(manager, planId);
      const checked: CheckedRow[] = [];
      for (const row of rows) {
        const result = await checkRow(manager, plan, products, row);
        if (Array.isArray(result)) problems.push(...result);
        else checked.push(result);
      }
      if (problems.length > 0) {
        problems.sort((a, b) => a.row - b.row);
        const badRows = new Set(problems.map((problem) => problem.row)).size;
        throw new DomainException(
          ActivityRefusals.IMPORT_ROWS_INVALID,
          `${badRows} of ${rowCount} rows have problems; nothing was imported`,
          { badRows, rowCount },
          { errors: problems },
        );
      }
      const activities: ImportedActivityView[] = [];
      for (const row of checked) {
        const activity = await this.activities.insert(manager, plan, row.dto, row.product, row.region, user);
        activities.push({ row: row.row, id: activity.id, code: activity.code });
      }
      return { created: activities.length, activities };
    });
  }
}

/** The plan lock of activities; here the plan is the URL's, so a missing one is PLAN_NOT_FOUND (404). */
function lockWritablePlan(manager: EntityManager, planId: string): Promise<PlanPeriod> {
  return lockActivityPlan(manager, planId, { missing: 'route' });
}

async function productsByCode(manager: EntityManager, planId: string): Promise<Map<string, Product>> {
  const rows = (await manager.query('SELECT id, code, funding_source AS "fundingSource" FROM products WHERE plan_id = $1', [planId])) as (Product & {
    code: string;
  })[];
  return new Map(rows.map(({ code, ...product }) => [code, product]));
}

/** The row as the DTO of POST /api/activities, then the service's rules; every problem of the row, or the row ready to insert. */
async function checkRow(manager: EntityManager, plan: PlanPeriod, products: Map<string, Product>, { row, values }: CsvRow): Promise<CheckedRow | ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const product = values.productCode === undefined ? undefined : products.get(values.productCode);
  if (values.productCode === undefined) problems.push({ row, field: 'productCode', problem: 'productCode is required' });
  else if (!product) problems.push({ row, field: 'productCode', problem: `productCode ${values.productCode} is not a product of plan ${plan.code}` });

  const dto = plainToInstance(CreateActivityDto, { ...rowToBody(values), planId: plan.id, productId: product?.id });
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  for (const error of flatten(errors)) {
    // productId comes from productCode, whose problem is already listed.
    if (error.property === 'productId') continue;
    for (const message of Object.values(error.constraints ?? {})) problems.push({ row, field: error.property, problem: message });
  }
  if (problems.length > 0 || !product) return problems;

  try {
    const settled = await checkActivity(manager, plan, draftOf(dto, plan), dto.region !== undefined);
    return { row, dto, product, region: settled.region };
  } catch (error) {
    if (!(error instanceof DomainException)) throw error;
    // The rules list their problems joined by '; ', each starting with the field it is about.
    return error.message.split('; ').map((problem) => {
      const field = problem.split(' ', 1)[0];
      return { row, field: COLUMN_NAMES.has(field) ? field : null, problem };
    });
  }
}

function flatten(errors: ValidationError[]): ValidationError[] {
  return errors.flatMap((error) => [error, ...flatten(error.children ?? [])]);
}
