import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException, fieldProblems, type AuthUser } from '@trta/http';
import { PlanRefusals } from '@trta/plans';
import { ActivityRefusals } from '../activities.refusals';
import { lockActivityPlan } from '../activity.policy';
// The rules and the insert of POST /api/activities, so an imported row is held to exactly the same checks.
import { CreateActivityDto } from '../activities/activities.dto';
import { ActivitiesService, draftOf } from '../activities/activities.service';
import { checkActivity, type PlanPeriod } from '../activities/activity-rules';
import { ActivityImportCheckView, ActivityImportView, ImportCheckRowView, ImportedActivityView, type ImportRowProblemView } from './activity-import.dto';
import { stringify } from 'csv-stringify/sync';
import { IMPORT_COLUMNS, readImportCsv, rowToBody, templateRow, type CsvRow, type ImportProblem } from './activity-csv';

interface Product {
  id: string;
  fundingSource: string;
}

/** A problem of a row with the stable code a client translates (a validation constraint's or a refusal's). */
type CodedProblem = ImportProblem & Omit<ImportRowProblemView, 'field' | 'problem'>;

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
    const { rows, problems: fileProblems } = readImportCsv(csv);
    const rowCount = rows.length + fileProblems.length;
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockWritablePlan(manager, planId);
      const { checked, problems } = await checkRows(manager, plan, rows, fileProblems);
      if (problems.length > 0) {
        const badRows = new Set(problems.map((problem) => problem.row)).size;
        throw new DomainException(
          ActivityRefusals.IMPORT_ROWS_INVALID,
          `${badRows} of ${rowCount} rows have problems; nothing was imported`,
          { badRows, rowCount },
          { errors: problems.map(({ row, field, problem }) => ({ row, field, problem })) },
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

  /**
   * The same checks as the import, saving nothing: every row of the file with its problems, each
   * with a code, so the person sees what to fix before importing. A closed plan is refused as by the import.
   */
  async check(planId: string, csv: string): Promise<ActivityImportCheckView> {
    const { rows, problems: fileProblems } = readImportCsv(csv);
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockWritablePlan(manager, planId);
      const { problems } = await checkRows(manager, plan, rows, fileProblems);
      const byRow = new Map<number, ImportCheckRowView>();
      for (const { row, values } of rows) byRow.set(row, { row, productCode: values.productCode ?? null, title: values.title ?? null, problems: [] });
      for (const { row, ...problem } of problems) {
        const entry = byRow.get(row) ?? { row, productCode: null, title: null, problems: [] };
        entry.problems.push(problem);
        byRow.set(row, entry);
      }
      const checkedRows = [...byRow.values()].sort((a, b) => a.row - b.row);
      const invalidRows = checkedRows.filter((row) => row.problems.length > 0).length;
      return { rowCount: checkedRows.length, validRows: checkedRows.length - invalidRows, invalidRows, rows: checkedRows };
    });
  }

  /** The CSV template: the header in the import's column order and one example row for a product of the plan. */
  async template(planId: string): Promise<{ filename: string; csv: string }> {
    const [plan] = (await this.dataSource.query(
      `SELECT p.code, extract(year FROM p.period_start)::int AS year,
              (SELECT code FROM products WHERE plan_id = p.id ORDER BY code LIMIT 1) AS "productCode"
       FROM ta_plans p WHERE p.id = $1`,
      [planId],
    )) as { code: string; year: number; productCode: string | null }[];
    if (!plan) throw new DomainException(PlanRefusals.PLAN_NOT_FOUND, `TA plan ${planId} not found`, { planId });
    const example = templateRow(plan.productCode ?? 'PRODUCT-CODE', plan.year);
    const csv = stringify([[...IMPORT_COLUMNS], IMPORT_COLUMNS.map((column) => example[column])], { record_delimiter: '\r\n' });
    return { filename: `activities-import-${plan.code.replace(/[^A-Za-z0-9._-]/g, '_')}.csv`, csv };
  }
}

/** Every row checked (the file's own problems kept), problems in row order; the rows without problems ready to insert. */
async function checkRows(
  manager: EntityManager,
  plan: PlanPeriod,
  rows: CsvRow[],
  fileProblems: ImportProblem[],
): Promise<{ checked: CheckedRow[]; problems: CodedProblem[] }> {
  const products = await productsByCode(manager, plan.id);
  const problems: CodedProblem[] = fileProblems.map((problem) => ({ ...problem, code: 'ROW_LENGTH_MISMATCH', params: {} }));
  const checked: CheckedRow[] = [];
  for (const row of rows) {
    const result = await checkRow(manager, plan, products, row);
    if (Array.isArray(result)) problems.push(...result);
    else checked.push(result);
  }
  problems.sort((a, b) => a.row - b.row);
  return { checked, problems };
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
async function checkRow(manager: EntityManager, plan: PlanPeriod, products: Map<string, Product>, { row, values }: CsvRow): Promise<CheckedRow | CodedProblem[]> {
  const problems: CodedProblem[] = [];
  const product = values.productCode === undefined ? undefined : products.get(values.productCode);
  if (values.productCode === undefined) problems.push({ row, field: 'productCode', code: 'IS_DEFINED', params: {}, problem: 'productCode is required' });
  else if (!product) {
    problems.push({
      row,
      field: 'productCode',
      code: ActivityRefusals.PRODUCT_NOT_IN_PLAN.code,
      params: { productCode: values.productCode, planCode: plan.code },
      problem: `productCode ${values.productCode} is not a product of plan ${plan.code}`,
    });
  }

  const dto = plainToInstance(CreateActivityDto, { ...rowToBody(values), planId: plan.id, productId: product?.id });
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  const { problems: fields, messages } = fieldProblems(errors);
  fields.forEach((field, index) => {
    // productId comes from productCode, whose problem is already listed.
    if (field.field === 'productId') return;
    problems.push({ row, field: field.field, code: field.code, params: field.params, problem: messages[index] });
  });
  if (problems.length > 0 || !product) return problems;

  try {
    const settled = await checkActivity(manager, plan, draftOf(dto, plan), dto.region !== undefined);
    return { row, dto, product, region: settled.region };
  } catch (error) {
    if (!(error instanceof DomainException)) throw error;
    // The rules list their problems joined by '; ', each starting with the field it is about.
    return error.message.split('; ').map((problem) => {
      const field = problem.split(' ', 1)[0];
      return { row, field: COLUMN_NAMES.has(field) ? field : null, code: error.code, params: {}, problem };
    });
  }
}
