import { parse } from 'csv-parse/sync';
import { DomainException, type Refusal } from '@trta/http';
import { FileRefusals as R } from './files.refusals';

/** A problem of an imported file, as the 422 of every CSV import lists it. */
export interface ImportProblem {
  /** The spreadsheet row: the header is row 1, the first data row is row 2. */
  row: number;
  /** A column of the file, or null when the problem is the row as a whole. */
  field: string | null;
  problem: string;
}

export interface CsvRow<Column extends string> {
  row: number;
  values: Partial<Record<Column, string>>;
}

export interface CsvLayout<Column extends string> {
  columns: readonly Column[];
  required: readonly Column[];
  /** A larger file is refused whole. */
  maxRows: number;
  /** What a row is, for messages: "activity", "participant". */
  rowNoun: string;
}

/** Media types browsers and tools send for a .csv file (Windows says application/vnd.ms-excel). */
const CSV_MEDIA_TYPES = new Set(['text/csv', 'text/plain', 'application/csv', 'text/x-csv', 'application/vnd.ms-excel', 'application/octet-stream']);

const invalid = (refusal: Refusal, message: string) => new DomainException(refusal, message);
const notCsv = (message: string) => new DomainException(R.CSV_REQUIRED, message);

/**
 * Refuses with a 415 what is not CSV text: a media type that is not text, a spreadsheet's or
 * document's name, NUL bytes (binary files, UTF-16) or bytes that are not UTF-8. Returns the text.
 */
export function csvText(content: Buffer, mediaType: string, filename: string): string {
  const type = mediaType.split(';')[0].trim().toLowerCase();
  if (!CSV_MEDIA_TYPES.has(type)) throw notCsv(`the file must be CSV (text/csv), not ${type}`);
  if (/\.(xlsx|xls|ods|pdf|zip|docx?)$/i.test(filename)) throw notCsv(`the file must be CSV, not ${filename}`);
  if (content.includes(0)) throw notCsv('the file is binary, not CSV text');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw notCsv('the file is not UTF-8 text; save the CSV as UTF-8');
  }
}

/**
 * Parses an import file: the header must name known columns once each and include every
 * required one (400 otherwise). Blank lines are skipped but keep their number, so rows match the
 * spreadsheet's; a row of the wrong length is a problem of that row.
 */
export function readCsvRows<Column extends string>(text: string, layout: CsvLayout<Column>): { rows: CsvRow<Column>[]; problems: ImportProblem[] } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Spreadsheets in many European locales save CSV with semicolons.
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    throw invalid(R.CSV_INVALID, `the file is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw invalid(R.CSV_EMPTY, `the file is empty; it needs a header row and one row per ${layout.rowNoun}`);

  const header = records[0].map((name) => name.trim());
  const known = new Set<string>(layout.columns);
  const headerProblems: string[] = [];
  const duplicates = [...new Set(header.filter((name, index) => header.indexOf(name) !== index))];
  if (duplicates.length > 0) headerProblems.push(`the header repeats the columns: ${duplicates.join(', ')}`);
  const unknown = header.filter((name) => !known.has(name));
  if (unknown.length > 0) headerProblems.push(`the header has unknown columns: ${unknown.map((name) => name || '(empty)').join(', ')}`);
  const missing = layout.required.filter((name) => !header.includes(name));
  if (missing.length > 0) headerProblems.push(`the header lacks the required columns: ${missing.join(', ')}`);
  if (headerProblems.length > 0) throw invalid(R.CSV_HEADER_INVALID, `${headerProblems.join('; ')} (columns: ${layout.columns.join(', ')})`);

  const rows: CsvRow<Column>[] = [];
  const problems: ImportProblem[] = [];
  records.slice(1).forEach((record, index) => {
    const row = index + 2;
    if (record.every((value) => value.trim() === '')) return;
    if (record.length !== header.length) {
      problems.push({ row, field: null, problem: `the row has ${record.length} values where the header has ${header.length} columns` });
      return;
    }
    const values: Partial<Record<Column, string>> = {};
    header.forEach((name, column) => {
      const value = record[column].trim();
      if (value !== '') values[name as Column] = value;
    });
    rows.push({ row, values });
  });
  const count = rows.length + problems.length;
  if (count === 0) throw invalid(R.CSV_EMPTY, `the file has a header but no ${layout.rowNoun} rows`);
  if (count > layout.maxRows) throw invalid(R.CSV_TOO_MANY_ROWS, `the file has ${count} ${layout.rowNoun} rows; import at most ${layout.maxRows} at a time`);
  return { rows, problems };
}
