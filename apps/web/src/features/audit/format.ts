import { intl } from '../../components/format';
import i18n from '../../i18n';

/** Figures in the interface language: shares as percentages, CHF amounts, plain numbers; "—" for none. */
export const NONE = '—';

export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined) return NONE;
  return intl.number(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

export function formatNumber(value: number | string | null | undefined, fractionDigits = 2): string {
  if (value === null || value === undefined || value === '') return NONE;
  const number = typeof value === 'number' ? value : Number(value);
  if (Number.isNaN(number)) return String(value);
  return intl.number(i18n.language, { maximumFractionDigits: fractionDigits }).format(number);
}

export function formatMoney(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return NONE;
  return intl.number(i18n.language, { style: 'currency', currency: 'CHF', maximumFractionDigits: 0 }).format(Number(value));
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return NONE;
  return intl.dateTime(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}
