import { stringify } from 'csv-stringify/sync';
import { Workbook, type Worksheet } from 'exceljs';
import { ACTIVITY_STATUSES } from '@trta/activities';
import type { MatrixActivityView, MatrixProductView, ProductsMatrixView } from './products-matrix.dto';

export const MATRIX_COLUMNS = [
  'productCode',
  'productName',
  'productCategory',
  'productPlannedBudget',
  'activityCode',
  'title',
  'status',
  'type',
  'deliveryMode',
  'startDate',
  'endDate',
  'budgetPlanned',
  'budgetActual',
] as const;

const MONEY_FORMAT = '#,##0.00';
const DATE_FORMAT = 'yyyy-mm-dd';
const MONEY_COLUMNS = new Set<string>(['productPlannedBudget', 'budgetPlanned', 'budgetActual']);
const DATE_COLUMNS = new Set<string>(['startDate', 'endDate']);

/**
 * In a CSV, text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first)
 * gets a leading apostrophe (OWASP's CSV injection advice). Only free text goes through it: codes,
 * money and dates never start so. XLSX cells are typed, so a string there is never a formula.
 */
function neutralized(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const asIs = (text: string) => text;

function rowOf(product: MatrixProductView, activity: MatrixActivityView, text: (value: string) => string): Record<(typeof MATRIX_COLUMNS)[number], string | null> {
  return {
    productCode: product.code,
    productName: text(product.name),
    productCategory: product.category,
    productPlannedBudget: product.plannedBudget,
    activityCode: activity.code,
    title: text(activity.title),
    status: activity.status,
    type: activity.type,
    deliveryMode: activity.deliveryMode,
    startDate: activity.startDate,
    endDate: activity.endDate,
    budgetPlanned: activity.budgetPlanned,
    budgetActual: activity.budgetActual,
  };
}

function activityRows(matrix: ProductsMatrixView, text: (value: string) => string) {
  return matrix.products.flatMap((product) => product.activities.map((activity) => rowOf(product, activity, text)));
}

/** One row per activity with its product's columns; money as the exact decimal text. */
export function matrixCsv(matrix: ProductsMatrixView): string {
  return stringify(activityRows(matrix, neutralized), { header: true, columns: [...MATRIX_COLUMNS], bom: false });
}

/** A calendar date as a spreadsheet date (midnight UTC, which is how exceljs writes date serials). */
function dateCell(value: string | null): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}

/**
 * Spreadsheet cells hold IEEE doubles; a numeric(14,2) (at most 14 significant digits) survives the
 * round trip to a double and back to two decimals exactly.
 */
function moneyCell(value: string | null): number | null {
  return value === null ? null : Number(value);
}

function boldHeader(sheet: Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Sheets `Matrix` (one row per activity) and `Products` (counts by status and totals per product, then the plan's). */
export async function matrixXlsx(matrix: ProductsMatrixView): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'TRTA Planner';
  workbook.created = new Date();

  const sheet = workbook.addWorksheet('Matrix');
  sheet.columns = MATRIX_COLUMNS.map((key) => ({
    header: key,
    key,
    width: key === 'title' || key === 'productName' ? 50 : 16,
    style: MONEY_COLUMNS.has(key) ? { numFmt: MONEY_FORMAT } : DATE_COLUMNS.has(key) ? { numFmt: DATE_FORMAT } : {},
  }));
  for (const row of activityRows(matrix, asIs)) {
    sheet.addRow({
      ...row,
      productPlannedBudget: moneyCell(row.productPlannedBudget),
      budgetPlanned: moneyCell(row.budgetPlanned),
      budgetActual: moneyCell(row.budgetActual),
      startDate: dateCell(row.startDate),
      endDate: dateCell(row.endDate),
    });
  }
  boldHeader(sheet);

  const products = workbook.addWorksheet('Products');
  const productColumns = ['code', 'name', 'category', 'plannedBudget', 'activityCount', ...ACTIVITY_STATUSES, 'budgetPlannedTotal', 'budgetActualTotal'];
  const productMoney = new Set(['plannedBudget', 'budgetPlannedTotal', 'budgetActualTotal']);
  products.columns = productColumns.map((key) => ({
    header: key,
    key,
    width: key === 'name' ? 50 : 16,
    style: productMoney.has(key) ? { numFmt: MONEY_FORMAT } : {},
  }));
  for (const product of matrix.products) {
    products.addRow({
      code: product.code,
      name: product.name,
      category: product.category,
      plannedBudget: moneyCell(product.plannedBudget),
      activityCount: product.activityCount,
      ...product.byStatus,
      budgetPlannedTotal: moneyCell(product.budgetPlannedTotal),
      budgetActualTotal: moneyCell(product.budgetActualTotal),
    });
  }
  const total = products.addRow({
    code: 'TOTAL',
    name: `TA Plan ${matrix.plan.code}`,
    plannedBudget: moneyCell(matrix.totals.plannedBudget),
    activityCount: matrix.totals.activityCount,
    ...matrix.totals.byStatus,
    budgetPlannedTotal: moneyCell(matrix.totals.budgetPlannedTotal),
    budgetActualTotal: moneyCell(matrix.totals.budgetActualTotal),
  });
  total.font = { bold: true };
  boldHeader(products);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
