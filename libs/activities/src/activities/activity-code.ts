import { EntityManager } from 'typeorm';

/**
 * The next `TA-<year>-<nnnn>` code. The upsert takes a row lock on the year's counter, so
 * concurrent creates, imports and clones always get distinct numbers (a unique index on
 * activities.code is the last guard).
 */
export async function nextActivityCode(manager: EntityManager, year: number): Promise<string> {
  const [{ last }] = (await manager.query(
    `INSERT INTO activity_code_counters (year, last) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last = activity_code_counters.last + 1 RETURNING last`,
    [year],
  )) as { last: number }[];
  return `TA-${year}-${String(last).padStart(4, '0')}`;
}
