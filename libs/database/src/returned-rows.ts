/**
 * TypeORM answers an UPDATE or DELETE ... RETURNING on PostgreSQL with `[rows, affected]`
 * (an INSERT ... RETURNING with the rows alone); this gives the rows.
 */
export function returnedRows<T>(result: unknown): T[] {
  return (result as [T[], number])[0];
}
