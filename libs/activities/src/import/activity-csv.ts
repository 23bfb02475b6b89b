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
  'nominationQuota',
  'prerequisiteLevel',
  'partners',
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

const LIST_COLUMNS = new Set<ImportColumn>(['languages', 'topics', 'beneficiaryCountries', 'partners']);
const INTEGER_COLUMNS = new Set<ImportColumn>(['plsLevel', 'capacity', 'nominationQuota', 'prerequisiteLevel']);
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

/** An example row of the template, for a plan whose first year is `year` and a product `productCode`. */
export function templateRow(productCode: string, year: number): Record<ImportColumn, string> {
  return {
    productCode,
    title: 'Regional workshop on trade facilitation',
    type: 'regional',
    deliveryMode: 'face_to_face',
    plsLevel: '2',
    languages: 'en|fr',
    topics: 'trade_facilitation|market_access',
    leadDivision: 'MAD',
    beneficiaryCountries: 'KEN|TZA|UGA',
    region: 'africa',
    plannedQuarter: `${year}-Q3`,
    startDate: '',
    endDate: '',
    venueCity: 'Nairobi',
    venueCountry: 'KEN',
    capacity: '25',
    applicationDeadline: '',
    requiresNomination: 'yes',
    budgetPlanned: '45000.00',
    fundingSource: '',
    nominationQuota: '2',
    prerequisiteLevel: '',
    partners: 'WCO|UNCTAD',
  };
}
