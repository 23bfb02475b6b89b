import { csvText, readCsvRows, type CsvRow as GenericCsvRow, type ImportProblem } from '@trta/files';

/** The columns of an import file, in the order of the template. */
export const IMPORT_COLUMNS = [
  'productCode',
  'title',
  'type',
  'deliveryMode',
  'plsLevel',
  'languages',
  'topics',
  'leadDivision',
  'beneficiaryCountries',
  'region',
  'plannedQuarter',
  'startDate',
  'endDate',
  'venueCity',
  'venueCountry',
  'capacity',
  'applicationDeadline',
  'requiresNomination',
  'budgetPlanned',
  'fundingSource',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The columns behind the fields a new activity must have. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = [
  'productCode',
  'title',
  'type',
  'deliveryMode',
  'languages',
  'topics',
  'leadDivision',
  'capacity',
  'budgetPlanned',
];

const LIST_COLUMNS = new Set<ImportColumn>(['languages', 'topics', 'beneficiaryCountries']);
const INTEGER_COLUMNS = new Set<ImportColumn>(['plsLevel', 'capacity']);
const BOOLEAN_COLUMNS = new Set<ImportColumn>(['requiresNomination']);
/** A file of more rows is refused whole: every row is checked against the database in one transaction. */
export const MAX_IMPORT_ROWS = 1000;

export type CsvRow = GenericCsvRow<ImportColumn>;
export { csvText, type ImportProblem };

/** Parses an activities file (see readCsvRows): at most MAX_IMPORT_ROWS rows of IMPORT_COLUMNS. */
export function readImportCsv(text: string): { rows: CsvRow[]; problems: ImportProblem[] } {
  return readCsvRows(text, { columns: IMPORT_COLUMNS, required: REQUIRED_COLUMNS, maxRows: MAX_IMPORT_ROWS, rowNoun: 'activity' });
}

/**
 * The row as the JSON body POST /api/activities would take: lists split on `|`, whole numbers and
 * booleans converted when they read as such (otherwise left as text, for the DTO to name the problem).
 */
export function rowToBody(values: CsvRow['values']): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(values) as [ImportColumn, string][]) {
    if (column === 'productCode') continue;
    if (LIST_COLUMNS.has(column)) {
      body[column] = value
        .split('|')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    } else if (INTEGER_COLUMNS.has(column)) {
      body[column] = /^[+-]?\d{1,9}$/.test(value) ? Number(value) : value;
    } else if (BOOLEAN_COLUMNS.has(column)) {
      const lower = value.toLowerCase();
      body[column] = ['true', 'yes', 'y', '1'].includes(lower) ? true : ['false', 'no', 'n', '0'].includes(lower) ? false : value;
    } else {
      body[column] = value;
    }
  }
  return body;
}
