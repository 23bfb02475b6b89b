import { stringify } from 'csv-stringify/sync';
import { AuditReportData, DIMENSION_SECTIONS } from '../audit-data';
import { AuditReportMeta, DIMENSION_NAMES } from './audit-export-format';

export const AUDIT_CSV_COLUMNS = ['section', 'dimension', 'key', 'metric', 'value'] as const;

type Value = string | number | boolean | null;
type LongRow = [section: string, dimension: string, key: string, metric: string, value: Value];

/**
 * Free text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's CSV
 * injection advice); numbers, negative ones included, stay as they are.
 */
function cell(value: Value): Value {
  if (typeof value !== 'string' || /^-?\d+(\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Every field of `row` but the listed ones, as one long row each. */
function fieldRows(section: string, dimension: string, key: string, row: object, skip: readonly string[] = ['key']): LongRow[] {
  return Object.entries(row)
    .filter(([field]) => !skip.includes(field))
    .map(([field, value]) => [section, dimension, key, field, value as Value]);
}

/**
 * The report in long format, one figure a line: section, dimension, key, metric, value. Money
 * keeps its exact decimal text, shares their ratio, a missing figure an empty cell. UTF-8 with a
 * byte order mark so that Excel reads accents right.
 */
export function auditReportCsv(report: AuditReportMeta, data: AuditReportData): Buffer {
  const rows: LongRow[] = [
    ['report', '', '', 'year', data.year],
    ['report', '', '', 'version', report.version],
    ['report', '', '', 'checksum', report.checksum],
    ...fieldRows('totals', '', '', data.totals, []),
  ];
  for (const indicator of data.keyResults) {
    for (const metric of ['baseline', 'target', 'actual', 'achievement'] as const) {
      rows.push(['keyResults', indicator.keyResult, indicator.description, metric, indicator[metric]]);
    }
  }
  for (const [section] of DIMENSION_SECTIONS) {
    for (const row of data[section]) rows.push(...fieldRows(section, DIMENSION_NAMES[section], row.key, row));
  }
  for (const row of data.topBeneficiaryCountries) rows.push(...fieldRows('topBeneficiaryCountries', 'country', row.key, row));

  const { satisfaction, relevance, appliedInWork, ...evaluation } = data.evaluation;
  rows.push(...fieldRows('evaluation', '', '', evaluation, []));
  for (const score of ['1', '2', '3', '4', '5'] as const) rows.push(['evaluation', '', '', `satisfaction_${score}`, satisfaction[score]]);
  for (const score of ['1', '2', '3', '4', '5'] as const) rows.push(['evaluation', '', '', `relevance_${score}`, relevance[score]]);
  for (const [answer, count] of Object.entries(appliedInWork)) rows.push(['evaluation', '', '', `appliedInWork_${answer}`, count]);

  for (const row of data.budget.byFundingSource) rows.push(...fieldRows('budget', 'fundingSource', row.key, row));
  for (const row of data.budget.byProduct) rows.push(...fieldRows('budget', 'product', row.key, row));

  rows.push(['changeVsPreviousYear', '', '', 'previousYear', data.changeVsPreviousYear.previousYear]);
  for (const row of data.changeVsPreviousYear.rows) rows.push(...fieldRows('changeVsPreviousYear', 'metric', row.metric, row, ['metric']));

  return Buffer.from(
    stringify(
      [[...AUDIT_CSV_COLUMNS], ...rows.map((row) => row.map(cell))],
      { bom: true, cast: { boolean: (value) => String(value) } },
    ),
    'utf8',
  );
}
