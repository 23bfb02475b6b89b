import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * How many distinct statements a process prepares. A list's SQL varies with which filters and
 * which order are asked (never with their values or the page size, which are parameters), so the
 * number in use is usually a few dozen; past the cap a statement runs unprepared, as before, and
 * no connection holds more than this many.
 */
export const PREPARED_STATEMENTS_CAP = 500;
const prepared = new Map<string, string>();

/**
 * The rows of one read-only statement, run on the pool TypeORM holds (same connections, type
 * parsers and limits) without its query runner: for the busiest lists, where acquiring and
 * releasing a runner, its logger and subscriber broadcasts cost a tenth of a request (issue 16).
 * The statement is prepared once per connection (named by its text's hash), so PostgreSQL plans
 * it once instead of on every request: planning the application list took longer than running it.
 * Failures are wrapped as TypeORM wraps them, so refusals and 503s read them alike. Not for
 * writes or anything inside a transaction: those go through an EntityManager.
 */
export async function readRows<T>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  try {
    return (await pool.query({ name: statementName(sql), text: sql, values: params })).rows as T[];
  } catch (error) {
    throw new QueryFailedError(sql, params, error as Error);
  }
}

/** The name `sql` is prepared under, or undefined (run unprepared) once the cap is reached. */
function statementName(sql: string): string | undefined {
  let name = prepared.get(sql);
  if (name === undefined && prepared.size < PREPARED_STATEMENTS_CAP) {
    name = `r_${createHash('sha1').update(sql).digest('base64url')}`;
    prepared.set(sql, name);
  }
  return name;
}
