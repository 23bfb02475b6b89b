import type { EntityManager } from 'typeorm';
import { decodeCursor, invalidCursor, toPage, type Page } from './pagination';


/** The key of a keyset cursor, `length` values long; INVALID_CURSOR for anything a list did not return. */
export function readCursor(cursor: string, length: number): unknown[] {
  try {
    return decodeCursor(cursor, length);
  } catch {
    throw invalidCursor();
  }
}

export interface HistoryPageQuery {
  /** e.g. `activity_history`; its rows have a bigint `id`, `at`, `user_id`, `action` and `changes`. */
  table: string;
  /** The column naming the record whose history it is, e.g. `activity_id`. */
  keyColumn: string;
  id: string;
  limit: number;
  cursor?: string;
  /** Extra columns of the table for each entry, e.g. `h.product_id AS "productId"`. */
  extraColumns?: string;
}

export interface HistoryRow {
  id: string;
  at: Date;
  userId: string | null;
  userEmail: string | null;
  action: string;
  changes: Record<string, unknown>;
}

/**
 * One page of a record's history, oldest first, keyset-paginated on the history row id, with
 * each entry's user's email: the one query behind every `GET .../history`.
 */
export async function historyPage<Row extends HistoryRow = HistoryRow>(manager: EntityManager, query: HistoryPageQuery): Promise<Page<Row>> {
  const params: unknown[] = [query.id, query.limit + 1];
  let after = '';
  if (query.cursor) {
    const [lastId] = readCursor(query.cursor, 1);
    if (typeof lastId !== 'string' || !/^\d{1,19}$/.test(lastId)) throw invalidCursor();
    params.push(lastId);
    after = 'AND h.id > $3::bigint';
  }
  const rows = (await manager.query(
    `SELECT h.id::text AS id, h.at, h.user_id AS "userId", u.email AS "userEmail", h.action, h.changes${query.extraColumns ? `, ${query.extraColumns}` : ''}
     FROM ${query.table} h LEFT JOIN users u ON u.id = h.user_id
     WHERE h.${query.keyColumn} = $1 ${after}
     ORDER BY h.id ASC LIMIT $2`,
    params,
  )) as Row[];
  return toPage(rows, query.limit, (row) => [row.id]);
}
