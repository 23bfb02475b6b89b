import type { ChangeRow, Totals } from '../audit-data';

/** What the exports need to know about a report besides its figures. */
export interface AuditReportMeta {
  id: string;
  year: number;
  version: number;
  checksum: string;
  completedAt: string | Date | null;
  finalizedAt: string | Date | null;
}

export const AUDIT_EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type AuditFileFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export const AUDIT_EXPORT_MEDIA_TYPES: Readonly<Record<AuditFileFormat | 'json', string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function exportFilename(report: Pick<AuditReportMeta, 'year' | 'version'>, format: AuditFileFormat | 'json'): string {
  return `audit-${report.year}-v${report.version}.${format}`;
}

/** How a figure is shown: the kind decides the spreadsheet number format and the printed text. */
export type MetricKind = 'count' | 'share' | 'money' | 'mean';

export const EXCEL_FORMATS: Readonly<Record<MetricKind, string>> = {
  count: '#,##0',
  share: '0.0%',
  money: '#,##0.00',
  mean: '0.00',
};

export const TOTALS_METRICS: ReadonlyArray<{ metric: keyof Totals; label: string; kind: MetricKind }> = [
  { metric: 'activitiesCounted', label: 'Activities delivered (counted)', kind: 'count' },
  { metric: 'activitiesPlanned', label: 'Activities planned', kind: 'count' },
  { metric: 'activitiesCancelled', label: 'Activities cancelled', kind: 'count' },
  { metric: 'activitiesPostponed', label: 'Activities postponed', kind: 'count' },
  { metric: 'participations', label: 'Participations', kind: 'count' },
  { metric: 'participants', label: 'Participants', kind: 'count' },
  { metric: 'completed', label: 'Completed', kind: 'count' },
  { metric: 'completionRate', label: 'Completion rate', kind: 'share' },
  { metric: 'women', label: 'Participations by women', kind: 'count' },
  { metric: 'womenShare', label: 'Women share', kind: 'share' },
  { metric: 'ldcParticipations', label: 'LDC participations', kind: 'count' },
  { metric: 'ldcShare', label: 'LDC share', kind: 'share' },
  { metric: 'evaluations', label: 'Evaluations', kind: 'count' },
  { metric: 'evaluationResponseRate', label: 'Evaluation response rate', kind: 'share' },
  { metric: 'learningGain', label: 'Learning gain (test points)', kind: 'mean' },
  { metric: 'budgetPlanned', label: 'Budget planned (CHF)', kind: 'money' },
  { metric: 'budgetActual', label: 'Budget actual (CHF)', kind: 'money' },
  { metric: 'budgetExecution', label: 'Budget execution', kind: 'share' },
  { metric: 'reportsReceived', label: 'Back-to-office reports received', kind: 'count' },
  { metric: 'resultsMet', label: 'Activities with objectives met', kind: 'count' },
  { metric: 'resultsMetShare', label: 'Results met', kind: 'share' },
  { metric: 'eLearningParticipations', label: 'E-learning participations', kind: 'count' },
  { metric: 'eLearningShare', label: 'E-learning share', kind: 'share' },
];

const TOTALS_BY_METRIC = new Map(TOTALS_METRICS.map((entry) => [entry.metric as string, entry]));

export function totalsMetric(metric: string): { label: string; kind: MetricKind } {
  return TOTALS_BY_METRIC.get(metric) ?? { label: metric, kind: 'mean' };
}

/** The columns of a dimension section (by product category, type, region, ...), in print order. */
export const DIMENSION_COLUMNS = [
  { field: 'activities', header: 'Activities', kind: 'count' },
  { field: 'participations', header: 'Participations', kind: 'count' },
  { field: 'participants', header: 'Participants', kind: 'count' },
  { field: 'completed', header: 'Completed', kind: 'count' },
  { field: 'completionRate', header: 'Completion rate', kind: 'share' },
  { field: 'women', header: 'Women', kind: 'count' },
  { field: 'womenShare', header: 'Women share', kind: 'share' },
  { field: 'ldcParticipations', header: 'LDC participations', kind: 'count' },
  { field: 'ldcShare', header: 'LDC share', kind: 'share' },
  { field: 'budgetPlanned', header: 'Budget planned (CHF)', kind: 'money' },
  { field: 'budgetActual', header: 'Budget actual (CHF)', kind: 'money' },
] as const;

/** The dimension each section breaks the figures down by, as the CSV's `dimension` column names it. */
export const DIMENSION_NAMES: Readonly<Record<string, string>> = {
  byProductCategory: 'productCategory',
  byType: 'type',
  byRegion: 'region',
  byDeliveryMode: 'deliveryMode',
  byPlsLevel: 'plsLevel',
  byTopic: 'topic',
  byLeadDivision: 'leadDivision',
};

/**
 * The change of a metric keeps the metric's own kind (a change of a share is a difference of
 * shares); the relative change is always a share.
 */
export function changeKind(row: ChangeRow): MetricKind {
  return totalsMetric(row.metric).kind;
}

/** Money travels as exact decimal text; it becomes a number only in the cell or on the page. */
export function moneyNumber(value: string | number | null): number | null {
  if (value === null) return null;
  return typeof value === 'number' ? value : Number(value);
}

const grouped = (digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const COUNT = grouped(0);
const MONEY = grouped(2);

/** A figure as printed in the PDF: 7, 57.1%, 2,900.50, 33.33; a dash when there is none. */
export function formatFigure(value: number | string | null | undefined, kind: MetricKind): string {
  if (value === null || value === undefined || value === '') return '-';
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return String(value);
  switch (kind) {
    case 'count':
      return COUNT.format(number);
    case 'share':
      return `${(number * 100).toFixed(1)}%`;
    case 'money':
      return MONEY.format(number);
    case 'mean':
      return number.toFixed(2);
  }
}

/** `e_learning` → `E-learning`, `latin_america` → `Latin america`: codes made readable, not translated. */
export function humanize(key: string): string {
  if (!key) return key;
  const words = key === 'e_learning' ? 'e-learning' : key.replace(/_/g, ' ');
  return /^[a-z]/.test(words) ? words[0].toUpperCase() + words.slice(1) : words;
}

