/** `2027-Q2`: the quarters activities and national requests are planned in. */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** The first and last day of a quarter, as dates: `2027-Q2` → { first: '2027-04-01', last: '2027-06-30' }. */
export function quarterRange(quarter: string): { first: string; last: string } {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new Error(`${quarter} is not a quarter like 2027-Q2`);
  const year = Number(match[1]);
  const lastMonth = Number(match[2]) * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    first: `${match[1]}-${String(lastMonth - 2).padStart(2, '0')}-01`,
    last: `${match[1]}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`,
  };
}
