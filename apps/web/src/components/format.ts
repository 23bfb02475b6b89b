import dayjs from 'dayjs';

/** A calendar date (YYYY-MM-DD) in the interface language, e.g. "12 March 2027". */
export function formatDate(date: string | null | undefined): string {
  return date ? dayjs(date).format('LL') : '';
}
