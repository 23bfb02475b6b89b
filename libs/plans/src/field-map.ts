import type { EntityManager } from 'typeorm';

/** The SQL column (or expression over the row's columns) behind each field of a row type. */
export type FieldMap<Row> = { readonly [Field in keyof Row]-?: string };

/**
 * `p.code AS "code", p.period_start::text AS "periodStart", ...` from a field map: the one
 * spelling of a table's columns for its SELECT lists (with the table's alias) and RETURNING clauses (without).
 */
export function selectList<Row>(fields: FieldMap<Row>, alias?: string): string {
  return Object.entries<string>(fields)
    .map(([field, column]) => `${alias ? `${alias}.` : ''}${column} AS "${field}"`)
    .join(', ');
}

/** The rows of a query whose columns come from `fields`: typed by the map, so a renamed field fails the type check. */
export async function queryRows<Row>(
  manager: Pick<EntityManager, 'query'>,
  _fields: FieldMap<Row>,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const result: unknown = await manager.query(sql, params);
  // An UPDATE ... RETURNING answers [rows, count]; a SELECT or INSERT the rows.
  const rows = Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result;
  return rows as Row[];
}
