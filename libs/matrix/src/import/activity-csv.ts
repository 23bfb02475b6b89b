import { UnsupportedMediaTypeException } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DomainErrorCode, DomainException } from '@trta/http';

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

/** Media types browsers and tools send for a .csv file (Windows says application/vnd.ms-excel). */
const CSV_MEDIA_TYPES = new Set(['text/csv', 'text/plain', 'application/csv', 'text/x-csv', 'application/vnd.ms-excel', 'application/octet-stream']);

export interface ImportProblem {
  /** The spreadsheet row: the header is row 1, the first data row is row 2. */
  row: number;
  /** A column of the file, or null when the problem is the row as a whole. */
  field: string | null;
  problem: string;
}

export interface CsvRow {
  row: number;
  values: Partial<Record<ImportColumn, string>>;
}

function unsupported(message: string): DomainException {
  return new DomainException(DomainErrorCode.Invalid, message);
}

/**
 * Refuses what is not CSV text: a media type that is not text, NUL bytes (binary files, UTF-16),
 * or bytes that are not UTF-8, with a 415. Returns the text without a byte-order mark.
 */
export function csvText(content: Buffer, mediaType: string, filename: string): string {
  const type = mediaType.split(';')[0].trim().toLowerCase();
  if (!CSV_MEDIA_TYPES.has(type)) throw new UnsupportedMediaTypeException(`the file must be CSV (text/csv), not ${type}`);
  if (/\.(xlsx|xls|ods|pdf|zip|docx?)$/i.test(filename)) throw new UnsupportedMediaTypeException(`the file must be CSV, not ${filename}`);
  if (content.includes(0)) throw new UnsupportedMediaTypeException('the file is binary, not CSV text');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw new UnsupportedMediaTypeException('the file is not UTF-8 text; save the CSV as UTF-8');
  }
}

/**
 * Parses the file: the header must name known columns once each and include every required one
 * (400 otherwise). Blank lines are skipped but keep their row number, so numbers match the spreadsheet's.
 */
export function readImportCsv(text: string): { rows: CsvRow[]; problems: ImportProblem[] } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Spreadsheets in many European locales save CSV with semicolons.
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw unsupported(`the file is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw unsupported('the file is empty; it needs a header row and one row per activity');

  const header = records[0].map((name) => name.trim());
  const known = new Set<string>(IMPORT_COLUMNS);
  const headerProblems: string[] = [];
  const duplicates = [...new Set(header.filter((name, index) => header.indexOf(name) !== index))];
  if (duplicates.length > 0) headerProblems.push(`the header repeats the columns: ${duplicates.join(', ')}`);
  const unknown = header.filter((name) => !known.has(name));
  if (unknown.length > 0) headerProblems.push(`the header has unknown columns: ${unknown.map((name) => name || '(empty)').join(', ')}`);
  const missing = REQUIRED_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0) headerProblems.push(`the header lacks the required columns: ${missing.join(', ')}`);
  if (headerProblems.length > 0) {
    throw new DomainException(DomainErrorCode.Invalid, `${headerProblems.join('; ')} (columns: ${IMPORT_COLUMNS.join(', ')})`);
  }

  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  records.slice(1).forEach((record, index) => {
    const row = index + 2;
    if (record.every((value) => value.trim() === '')) return;
    if (record.length !== header.length) {
      problems.push({ row, field: null, problem: `the row has ${record.length} values where the header has ${header.length} columns` });
      return;
    }
    const values: CsvRow['values'] = {};
    header.forEach((name, column) => {
      const value = record[column].trim();
      if (value !== '') values[name as ImportColumn] = value;
    });
    rows.push({ row, values });
  });
  if (rows.length + problems.length === 0) throw unsupported('the file has a header but no activity rows');
  if (rows.length + problems.length > MAX_IMPORT_ROWS) {
    throw unsupported(`the file has ${rows.length + problems.length} activity rows; import at most ${MAX_IMPORT_ROWS} at a time`);
  }
  return { rows, problems };
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
