import { UnsupportedMediaTypeException } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DomainErrorCode, DomainException } from '@trta/http';
import type { ImportProblem } from './participants.dto';

/** The columns of a participants file, in the order of the template. */
export const PARTICIPANT_COLUMNS = [
  'email',
  'fullName',
  'gender',
  'nationality',
  'country',
  'institutionType',
  'institution',
  'position',
  'languages',
  'status',
  'attendedDays',
  'satisfaction',
  'relevance',
  'preTestScore',
  'postTestScore',
  'comments',
  'locale',
] as const;
export type ParticipantColumn = (typeof PARTICIPANT_COLUMNS)[number];

const REQUIRED_COLUMNS: readonly ParticipantColumn[] = ['email', 'status'];
export const PROFILE_COLUMNS: readonly ParticipantColumn[] = ['fullName', 'gender', 'nationality', 'country', 'institutionType', 'institution', 'position', 'languages'];
export const EVALUATION_COLUMNS: readonly ParticipantColumn[] = ['satisfaction', 'relevance', 'preTestScore', 'postTestScore', 'comments'];
const INTEGER_COLUMNS = new Set<ParticipantColumn>(['attendedDays', 'satisfaction', 'relevance', 'preTestScore', 'postTestScore']);

/** A larger file is refused whole: every row is checked in one transaction that holds the activity. */
export const MAX_PARTICIPANT_ROWS = 1000;

/** Media types browsers and tools send for a .csv file (Windows says application/vnd.ms-excel). */
const CSV_MEDIA_TYPES = new Set(['text/csv', 'text/plain', 'application/csv', 'text/x-csv', 'application/vnd.ms-excel', 'application/octet-stream']);

export interface ParticipantRow {
  /** The spreadsheet row: the header is row 1. */
  row: number;
  values: Partial<Record<ParticipantColumn, string>>;
}

const invalid = (message: string) => new DomainException(DomainErrorCode.Invalid, message);

/** Refuses with a 415 what is not UTF-8 CSV text; returns the text. */
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
 * Parses the file: a header of known columns, each once, with email and status (400 otherwise).
 * Blank lines are skipped but keep their number, so rows match the spreadsheet's.
 */
export function readParticipantsCsv(text: string): { rows: ParticipantRow[]; problems: ImportProblem[] } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Spreadsheets in many European locales save CSV with semicolons.
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    throw invalid(`the file is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw invalid('the file is empty; it needs a header row and one row per participant');

  const header = records[0].map((name) => name.trim());
  const known = new Set<string>(PARTICIPANT_COLUMNS);
  const headerProblems: string[] = [];
  const duplicates = [...new Set(header.filter((name, index) => header.indexOf(name) !== index))];
  if (duplicates.length > 0) headerProblems.push(`the header repeats the columns: ${duplicates.join(', ')}`);
  const unknown = header.filter((name) => !known.has(name));
  if (unknown.length > 0) headerProblems.push(`the header has unknown columns: ${unknown.map((name) => name || '(empty)').join(', ')}`);
  const missing = REQUIRED_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0) headerProblems.push(`the header lacks the required columns: ${missing.join(', ')}`);
  if (headerProblems.length > 0) throw invalid(`${headerProblems.join('; ')} (columns: ${PARTICIPANT_COLUMNS.join(', ')})`);

  const rows: ParticipantRow[] = [];
  const problems: ImportProblem[] = [];
  records.slice(1).forEach((record, index) => {
    const row = index + 2;
    if (record.every((value) => value.trim() === '')) return;
    if (record.length !== header.length) {
      problems.push({ row, field: null, problem: `the row has ${record.length} values where the header has ${header.length} columns` });
      return;
    }
    const values: ParticipantRow['values'] = {};
    header.forEach((name, column) => {
      const value = record[column].trim();
      if (value !== '') values[name as ParticipantColumn] = value;
    });
    rows.push({ row, values });
  });
  if (rows.length + problems.length === 0) throw invalid('the file has a header but no participant rows');
  if (rows.length + problems.length > MAX_PARTICIPANT_ROWS) {
    throw invalid(`the file has ${rows.length + problems.length} participant rows; import at most ${MAX_PARTICIPANT_ROWS} at a time`);
  }
  return { rows, problems };
}

/**
 * The row as the JSON body of a single registration: profile and evaluation columns grouped
 * when any of them is filled, languages split on `|`, whole numbers converted when they read as
 * such (otherwise left as text, for the DTO to name the problem).
 */
export function rowToBody(values: ParticipantRow['values']): Record<string, unknown> {
  const convert = (column: ParticipantColumn, value: string): unknown => {
    if (column === 'languages') return value.split('|').map((item) => item.trim().toLowerCase()).filter((item) => item !== '');
    if (INTEGER_COLUMNS.has(column)) return /^[+-]?\d{1,9}$/.test(value) ? Number(value) : value;
    return value;
  };
  const group = (columns: readonly ParticipantColumn[]): Record<string, unknown> | undefined => {
    if (!columns.some((column) => values[column] !== undefined)) return undefined;
    return Object.fromEntries(columns.filter((column) => values[column] !== undefined).map((column) => [column, convert(column, values[column]!)]));
  };
  const body: Record<string, unknown> = {
    email: values.email,
    status: values.status,
    profile: group(PROFILE_COLUMNS),
    evaluation: group(EVALUATION_COLUMNS),
  };
  if (values.attendedDays !== undefined) body.attendedDays = convert('attendedDays', values.attendedDays);
  if (values.locale !== undefined) body.locale = values.locale.toLowerCase();
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}
