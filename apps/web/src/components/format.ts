import dayjs from 'dayjs';

/** A calendar date (YYYY-MM-DD) in the interface language, e.g. "12 March 2027". */
export function formatDate(date: string | null | undefined): string {
  return date ? dayjs(date).format('LL') : '';
}

/** An exact decimal string shown as money; never summed in the browser. */
export function formatMoney(value: string | null | undefined, language: string): string {
  if (value === null || value === undefined || value === '') return '';
  const number = Number(value);
  return Number.isFinite(number) ? new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(number) : value;
}
