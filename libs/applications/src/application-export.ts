import { stringify } from 'csv-stringify/sync';
import { Workbook } from 'exceljs';
import type { ApplicationRecord } from './application-queries';

export const APPLICATION_LIST_COLUMNS = [
  'applicationId',
  'status',
  'waitlistPosition',
  'fullName',
  'email',
  'gender',
  'nationality',
  'country',
  'institutionType',
  'institution',
  'position',
  'submittedAt',
  'endorsedAt',
  'decidedAt',
  'decisionReason',
  'documents',
] as const;

type Column = (typeof APPLICATION_LIST_COLUMNS)[number];

/** Text a spreadsheet would run as a formula gets a leading apostrophe in a CSV (OWASP's CSV injection advice). */
function neutralized(text: string | null): string | null {
  return text !== null && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function rowOf(view: ApplicationRecord, text: (value: string | null) => string | null): Record<Column, string | number | Date | null> {
  return {
    applicationId: view.id,
    status: view.status,
    waitlistPosition: view.waitlistPosition,
    fullName: text(view.applicant.fullName),
    email: text(view.applicant.email),
    gender: view.applicant.gender,
    nationality: view.applicant.nationality,
    country: view.country,
    institutionType: view.applicant.institutionType,
    institution: text(view.applicant.institution),
    position: text(view.applicant.position),
    submittedAt: view.submittedAt,
    endorsedAt: view.endorsedAt,
    decidedAt: view.decidedAt,
    decisionReason: text(view.decisionReason),
    documents: view.documents.map((document) => document.kind).join(' '),
  };
}

const iso = (value: string | number | Date | null) => (value instanceof Date ? value.toISOString() : value);

export function applicationsCsv(rows: ApplicationRecord[]): string {
  const records = rows.map((row) => Object.fromEntries(Object.entries(rowOf(row, neutralized)).map(([key, value]) => [key, iso(value)])));
  return stringify(records, { header: true, columns: [...APPLICATION_LIST_COLUMNS] });
}

export async function applicationsXlsx(rows: ApplicationRecord[], activityCode: string): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'TRTA Planner';
  const sheet = workbook.addWorksheet(activityCode.slice(0, 31));
  sheet.columns = APPLICATION_LIST_COLUMNS.map((key) => ({
    header: key,
    key,
    width: ['fullName', 'email', 'institution', 'position', 'decisionReason'].includes(key) ? 32 : 18,
    style: key.endsWith('At') ? { numFmt: 'yyyy-mm-dd hh:mm' } : {},
  }));
  for (const row of rows) sheet.addRow(rowOf(row, (value) => value));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
