import type { EntityManager } from 'typeorm';
import { decodeCursor, invalidCursor, toPage, type Page } from './pagination';

export interface HistoryPageQuery {
  /** e.g. `activity_history`; its rows have a bigint `id`, `at`, `user_id` and `action`. */
  table: string;
  /** The column naming the record whose history it is, e.g. `activity_id`. */
  keyColumn: string;
  id: string;
  /** Entries per page; none for a history answered whole (a national request's, a handful of decisions). */
  limit?: number;
  cursor?: string;
  /**
   * The table's own columns of each entry, after id, at, user and action: `h.changes` unless
   * given, e.g. `h.product_id AS "productId", h.changes`.
   */
  columns?: string;
}

/** What every history entry has, whatever else its table records. */
export interface HistoryEntry {
  id: string;
  at: Date;
  userId: string | null;
  userEmail: string | null;
  action: string;
}

export interface HistoryRow extends HistoryEntry {
  changes: Record<string, unknown>;
}

/**
 * One page of a record's history, oldest first, keyset-paginated on the history row id, with
 * each entry's user's email: the one query behind every `GET .../history`.
 */
export async function historyPage<Row extends HistoryEntry = HistoryRow>(manager: EntityManager, query: HistoryPageQuery): Promise<Page<Row>> {
  const params: unknown[] = [query.id];
  let after = '';
  if (query.cursor) {
    const [lastId] = decodeCursor(query.cursor, 1);
    if (typeof lastId !== 'string' || !/^\d{1,19}$/.test(lastId)) throw invalidCursor();
    params.push(lastId);
    after = `AND h.id > $${params.length}::bigint`;
  }
  let limit = '';
  if (query.limit !== undefined) {
    params.push(query.limit + 1);
    limit = `LIMIT $${params.length}`;
  }
  const rows = (await manager.query(
    `SELECT h.id::text AS id, h.at, h.user_id AS "userId", u.email AS "userEmail", h.action, ${query.columns ?? 'h.changes'}
     FROM ${query.table} h LEFT JOIN users u ON u.id = h.user_id
     WHERE h.${query.keyColumn} = $1 ${after}
     ORDER BY h.id ASC ${limit}`,
    params,
  )) as Row[];
  return query.limit === undefined ? { items: rows, nextCursor: null } : toPage(rows, query.limit, (row) => [row.id]);
}
