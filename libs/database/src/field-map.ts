import type { EntityManager } from 'typeorm';

/**
 * The one spelling of a table's columns: the SQL column (or expression over the row's columns,
 * e.g. `start_date::text`) behind each field of a row type. SELECT lists and RETURNING clauses
 * are built from it, and query results are typed by it, so a renamed field fails the type check.
 */
export type FieldMap<Row> = { readonly [Field in keyof Row]-?: string };

/**
 * `a.code AS "code", a.start_date::text AS "startDate", ...` for each field of the map, or only
 * the fields named. With an alias, each column is qualified by it (a SELECT over `table alias`);
 * without, the map's text as it is (RETURNING, or maps whose expressions qualify their own columns).
 */
export function selectList<Row, Field extends keyof Row & string = keyof Row & string>(
  fields: FieldMap<Row>,
  alias?: string | null,
  only?: readonly Field[],
): string {
  const prefix = alias ? `${alias}.` : '';
  return (only ?? (Object.keys(fields) as Field[])).map((field) => `${prefix}${fields[field]} AS "${field}"`).join(', ');
}

/**
 * The rows of a query whose columns come from `fields` (all of them, or the fields `only` names):
 * typed by the map rather than by a cast at the call. An UPDATE or DELETE ... RETURNING answers
 * `[rows, affected]` on PostgreSQL; this gives the rows either way.
 */
export async function queryRows<Row, Field extends keyof Row & string = keyof Row & string>(
  manager: Pick<EntityManager, 'query'>,
  _fields: FieldMap<Row>,
  sql: string,
  params: unknown[] = [],
  _only?: readonly Field[],
): Promise<Pick<Row, Field>[]> {
  const result: unknown = await manager.query(sql, params);
  const returned = Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
  return (returned ? result[0] : result) as Pick<Row, Field>[];
}
