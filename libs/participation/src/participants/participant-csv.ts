import { csvText, readCsvRows, type CsvRow, type ImportProblem } from '@trta/files';

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

export type ParticipantRow = CsvRow<ParticipantColumn>;
export { csvText };

/** Parses a participants file (see readCsvRows): a header with email and status, at most MAX_PARTICIPANT_ROWS rows. */
export function readParticipantsCsv(text: string): { rows: ParticipantRow[]; problems: ImportProblem[] } {
  return readCsvRows(text, { columns: PARTICIPANT_COLUMNS, required: REQUIRED_COLUMNS, maxRows: MAX_PARTICIPANT_ROWS, rowNoun: 'participant' });
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
