import i18n from 'i18next';

/**
 * Dates and numbers in the interface language, through Intl (no English month names or
 * decimal points on a French or Spanish page). Each function reads the current language when
 * called, so a page that re-renders on a change of language (useTranslation) shows the new one.
 */
function language(): string {
  return i18n.resolvedLanguage ?? i18n.language ?? 'en';
}

/**
 * Intl's formatters, made once per language and options: constructing one costs about a
 * millisecond in Chromium, and a page of 50 activities formats hundreds of dates.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(kind: string, languageCode: string, options: object, make: () => F): F {
  const key = `${kind} ${languageCode} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

export const intl = {
  dateTime: (languageCode: string, options: Intl.DateTimeFormatOptions) =>
    cached('date', languageCode, options, () => new Intl.DateTimeFormat(languageCode, options)),
  number: (languageCode: string, options: Intl.NumberFormatOptions) => cached('number', languageCode, options, () => new Intl.NumberFormat(languageCode, options)),
  list: (languageCode: string, options: Intl.ListFormatOptions) => cached('list', languageCode, options, () => new Intl.ListFormat(languageCode, options)),
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (YYYY-MM-DD, or a date-time) in the interface language, e.g. "12 March 2027", "12 mars 2027". */
export function formatDate(date: string | Date | null | undefined, style: 'long' | 'medium' | 'short' = 'long'): string {
  if (!date) return '';
  // A calendar date is a day, not an instant: read and shown in UTC so no time zone moves it.
  const day = typeof date === 'string' && DAY.test(date);
  const value = day ? new Date(`${date}T00:00:00Z`) : new Date(date);
  if (Number.isNaN(value.getTime())) return String(date);
  return intl.dateTime(language(), { dateStyle: style, ...(day ? { timeZone: 'UTC' } : {}) }).format(value);
}

/** An instant (ISO date-time) with its time, e.g. "12 March 2027 at 14:05". */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return intl.dateTime(language(), { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** From one calendar date to another, e.g. "3–7 March 2027". */
export function formatDateRange(start: string | null | undefined, end: string | null | undefined): string {
  if (!start) return '';
  if (!end || end === start) return formatDate(start);
  const format = intl.dateTime(language(), { dateStyle: 'long', timeZone: 'UTC' });
  return format.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
}

/** A number with the language's digit grouping and decimal sign. */
export function formatNumber(value: number | null | undefined, options: Intl.NumberFormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return intl.number(language(), options).format(value);
}

/** A share from 0 to 1 as a percentage, e.g. 0.425 → "42.5 %" in French. */
export function formatPercent(share: number | null | undefined, fractionDigits = 1): string {
  return formatNumber(share, { style: 'percent', maximumFractionDigits: fractionDigits });
}

/** An exact decimal string shown as money; never summed in the browser. */
export function formatMoney(value: string | null | undefined, languageCode: string = language()): string {
  if (value === null || value === undefined || value === '') return '';
  const number = Number(value);
  return Number.isFinite(number) ? intl.number(languageCode, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(number) : value;
}

/** Items as one phrase in the language: "Kenya, Senegal and Ghana", "Kenya, Sénégal et Ghana". */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return intl.list(language(), { style: 'long', type }).format(items);
}
