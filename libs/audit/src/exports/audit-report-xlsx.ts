import { Workbook, type Worksheet } from 'exceljs';
import { AuditReportData, DIMENSION_SECTIONS } from '../audit-data';
import {
  AuditReportMeta,
  changeKind,
  DIMENSION_COLUMNS,
  EXCEL_FORMATS,
  humanize,
  MetricKind,
  moneyNumber,
  TOTALS_METRICS,
} from './audit-export-format';

type Kind = MetricKind | 'text';

interface Column {
  header: string;
  width: number;
  kind: Kind;
}

type CellValue = string | number | boolean | null;

/**
 * Spreadsheet cells hold IEEE doubles; money (numeric(14,2), at most 14 significant digits)
 * survives the trip to a double and back to two decimals exactly, so the exact decimal text is
 * converted only here, as the cell is written.
 */
function cellValue(value: CellValue | undefined, kind: Kind): CellValue {
  if (value === undefined || value === null) return null;
  if (kind === 'text' || typeof value !== 'string') return value;
  return moneyNumber(value);
}

/** A sheet with a bold, frozen header row, column widths, and a number format per column or per cell. */
function addTable(workbook: Workbook, name: string, columns: Column[], rows: Array<{ values: CellValue[]; kinds?: Kind[] }>): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of rows) {
    const kinds = row.kinds ?? columns.map((column) => column.kind);
    const added = sheet.addRow(row.values.map((value, index) => cellValue(value, kinds[index])));
    kinds.forEach((kind, index) => {
      if (kind !== 'text') added.getCell(index + 1).numFmt = EXCEL_FORMATS[kind];
    });
  }
  return sheet;
}

const text = (header: string, width = 24): Column => ({ header, width, kind: 'text' });
const figure = (header: string, kind: MetricKind, width = 16): Column => ({ header, width, kind });

/**
 * The report as a workbook, a sheet per section. Counts, shares, money and means are numbers
 * in their cells with a number format ('#,##0', '0.0%', '#,##0.00', '0.00'), so they add up and
 * chart in a spreadsheet.
 */
export async function auditReportXlsx(report: AuditReportMeta, data: AuditReportData): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'TRTA Planner';
  workbook.title = `Technical Cooperation Audit ${data.year}`;
  workbook.subject = `version ${report.version}, checksum ${report.checksum}`;

  addTable(
    workbook,
    'Totals',
    [text('Metric', 36), figure('Value', 'count', 18), text('Field', 26)],
    TOTALS_METRICS.map(({ metric, label, kind }) => ({ values: [label, data.totals[metric], metric], kinds: ['text', kind, 'text'] })),
  );

  addTable(
    workbook,
    'Key results',
    [
      text('Plan', 12),
      text('Key result', 12),
      text('Key result title', 36),
      text('Indicator', 36),
      text('Unit', 12),
      figure('Baseline', 'money', 12),
      figure('Target', 'money', 12),
      figure('Actual', 'money', 12),
      figure('Achievement', 'share', 14),
    ],
    data.keyResults.map((row) => ({
      values: [row.plan, row.keyResult, row.keyResultTitle, row.description, row.unit, row.baseline, row.target, row.actual, row.achievement],
    })),
  );

  for (const [section, title] of DIMENSION_SECTIONS) {
    addTable(
      workbook,
      title,
      [text(humanize(title.replace(/^By /, '')), 24), ...DIMENSION_COLUMNS.map((column) => figure(column.header, column.kind))],
      data[section].map((row) => ({ values: [row.key, ...DIMENSION_COLUMNS.map((column) => row[column.field])] })),
    );
  }

  addTable(
    workbook,
    'Top countries',
    [
      text('Country', 10),
      text('Name', 28),
      text('Region', 18),
      text('LDC', 8),
      figure('Participations', 'count'),
      figure('Participants', 'count'),
      figure('Completed', 'count'),
      figure('Completion rate', 'share'),
      figure('Women', 'count'),
      figure('Women share', 'share'),
    ],
    data.topBeneficiaryCountries.map((row) => ({
      values: [row.key, row.name, row.region, row.ldc ? 'yes' : 'no', row.participations, row.participants, row.completed, row.completionRate, row.women, row.womenShare],
    })),
  );

  const evaluation = data.evaluation;
  const scores = ['1', '2', '3', '4', '5'] as const;
  const evaluationRows: Array<[string, number | null, MetricKind]> = [
    ['Responses', evaluation.responses, 'count'],
    ['Response rate', evaluation.responseRate, 'share'],
    ['Satisfaction (mean, 1-5)', evaluation.satisfactionMean, 'mean'],
    ['Relevance (mean, 1-5)', evaluation.relevanceMean, 'mean'],
    ...scores.map((score): [string, number, MetricKind] => [`Satisfaction ${score}`, evaluation.satisfaction[score], 'count']),
    ...scores.map((score): [string, number, MetricKind] => [`Relevance ${score}`, evaluation.relevance[score], 'count']),
    ['Responses with both test scores', evaluation.withTestScores, 'count'],
    ['Learning gain (test points)', evaluation.learningGain, 'mean'],
    ['Applied in work: yes', evaluation.appliedInWork.yes, 'count'],
    ['Applied in work: no', evaluation.appliedInWork.no, 'count'],
    ['Applied in work: unanswered', evaluation.appliedInWork.unanswered, 'count'],
  ];
  addTable(
    workbook,
    'Evaluation',
    [text('Metric', 34), figure('Value', 'count')],
    evaluationRows.map(([label, value, kind]) => ({ values: [label, value], kinds: ['text', kind] })),
  );

  const budgetColumns = [figure('Activities', 'count', 12), figure('Budget planned (CHF)', 'money', 20), figure('Budget actual (CHF)', 'money', 20), figure('Execution', 'share', 12)];
  addTable(
    workbook,
    'Budget by funding source',
    [text('Funding source', 22), ...budgetColumns],
    data.budget.byFundingSource.map((row) => ({ values: [row.key, row.activities, row.budgetPlanned, row.budgetActual, row.execution] })),
  );
  addTable(
    workbook,
    'Budget by product',
    [text('Product', 12), text('Name', 32), text('Category', 16), ...budgetColumns],
    data.budget.byProduct.map((row) => ({
      values: [row.key, row.name ?? null, row.category ?? null, row.activities, row.budgetPlanned, row.budgetActual, row.execution],
    })),
  );

  const { previousYear, rows: changes } = data.changeVsPreviousYear;
  addTable(
    workbook,
    'Change vs previous year',
    [text('Metric', 36), figure(String(data.year), 'count'), figure(String(previousYear), 'count'), figure('Change', 'count'), figure('Change (relative)', 'share', 18)],
    changes.map((row) => {
      const kind = changeKind(row);
      return { values: [TOTALS_METRICS.find((entry) => entry.metric === row.metric)?.label ?? row.metric, row.current, row.previous, row.change, row.changeShare], kinds: ['text', kind, kind, kind, 'share'] };
    }),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
