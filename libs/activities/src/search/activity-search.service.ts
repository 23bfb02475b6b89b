import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readRows, selectList } from '@trta/database';
import { decodeCursor, DomainException, encodeCursor, invalidCursor, type AuthUser, type Page } from '@trta/http';
import { activityAllowedActions } from '../activity.policy';
import { ActivityRefusals } from '../activities.refusals';
import type { ActivityRecord } from '../activities/activities.dto';
import { ACTIVITY_FIELDS } from '../activities/activity-fields';
import { ACTIVITY_LIST_FIELDS, ActivityCountQueryDto, ActivityCountView, ActivityListItemView, ActivitySearchQueryDto, type ActivitySort, type SortField } from './activity-search.dto';

/** A row of the list as selected, with the key its cursor carries. */
export type ActivityListRow = Pick<ActivityRecord, (typeof ACTIVITY_LIST_FIELDS)[number]> & { sortKey: string | null };

interface SortSpec {
  column: string;
  /** The key as the cursor carries it: text that casts back to the column's type exactly (microseconds included). */
  keyExpression: string;
  cast: string;
  nullable: boolean;
  validKey: (key: unknown) => boolean;
}

const isText = (key: unknown) => typeof key === 'string' && key.length <= 1000;
const SORTS: Readonly<Record<SortField, SortSpec>> = {
  startDate: {
    column: 'a.start_date',
    keyExpression: 'a.start_date::text',
    cast: 'date',
    nullable: true,
    validKey: (key) => key === null || (typeof key === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(key)),
  },
  code: { column: 'a.code', keyExpression: 'a.code', cast: 'text', nullable: false, validKey: isText },
  title: { column: 'a.title', keyExpression: 'a.title', cast: 'text', nullable: false, validKey: isText },
  createdAt: {
    column: 'a.created_at',
    keyExpression: 'a.created_at::text',
    cast: 'timestamptz',
    nullable: false,
    validKey: (key) => typeof key === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/.test(key),
  },
};
/** The list's columns, built once. */
const LIST_COLUMNS = selectList(ACTIVITY_FIELDS, 'a', ACTIVITY_LIST_FIELDS);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one SELECT a search runs, built from the query alone (bench:api's bare handler runs it too). */
export interface ActivitySearchStatement {
  sql: string;
  params: unknown[];
  sort: ActivitySort;
}

/** GET /api/activities: filters, full-text search and keyset pagination over every sort. */
@Injectable()
export class ActivitySearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(query: ActivitySearchQueryDto, user: AuthUser | undefined): Promise<Page<ActivityListItemView>> {
    const statement = activitySearchStatement(query);
    const rows = await readRows<ActivityListRow>(this.dataSource, statement.sql, statement.params);
    return activitySearchPage(rows, query.limit, statement.sort, user);
  }

  /** GET /api/activities/count: how many activities the same filters match. */
  async count(query: ActivityCountQueryDto): Promise<ActivityCountView> {
    checkFilters(query);
    const params: unknown[] = [];
    const where = filterClauses(query, (value, cast) => {
      params.push(value);
      return `$${params.length}::${cast}`;
    });
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM activities a ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    )) as { total: number }[];
    return { total };
  }
}

type ActivityFilters = ActivityCountQueryDto;

function checkFilters(query: ActivityFilters): void {
  if (query.from && query.to && query.from > query.to) {
    throw new DomainException(ActivityRefusals.DATE_RANGE_REVERSED, `from ${query.from} is after to ${query.to}`, { from: query.from, to: query.to });
  }
  if (query.includeGlobal !== undefined && !query.country) {
    throw new DomainException(ActivityRefusals.INCLUDE_GLOBAL_WITHOUT_COUNTRY, 'includeGlobal only applies together with country');
  }
}

/**
 * The WHERE clauses of the filters (the list and its count share them); `param` binds a value.
 * Words also find codes: `TA-2027-0049`, or a part of one (`2027-0049`), matches the activity's code.
 */
function filterClauses(query: ActivityFilters, param: (value: unknown, cast: string) => string): string[] {
  const where: string[] = [];
  if (query.planId) where.push(`a.plan_id = ${param(query.planId, 'uuid')}`);
  if (query.productId) where.push(`a.product_id = ${param(query.productId, 'uuid')}`);
  if (query.status) {
    // One status as an equality: activities_status_start_date_idx then gives the rows in date order.
    where.push(query.status.length === 1 ? `a.status = ${param(query.status[0], 'text')}` : `a.status = ANY(${param(query.status, 'text[]')})`);
  }
  if (query.type) where.push(`a.type = ANY(${param(query.type, 'text[]')})`);
  if (query.deliveryMode) where.push(`a.delivery_mode = ANY(${param(query.deliveryMode, 'text[]')})`);
  if (query.plsLevel !== undefined) where.push(`a.pls_level = ${param(query.plsLevel, 'int')}`);
  if (query.region) where.push(`a.region = ${param(query.region, 'text')}`);
  if (query.country) {
    const beneficiary = `a.beneficiary_countries @> ARRAY[${param(query.country, 'bpchar')}]`;
    where.push(query.includeGlobal ? `(${beneficiary} OR a.type = 'global')` : beneficiary);
  }
  if (query.topic) where.push(`a.topics @> ${param(query.topic, 'text[]')}`);
  // Overlap with [from, to]; an activity without dates has no place on a calendar, an open end is its start day.
  if (query.from) {
    const from = param(query.from, 'date');
    where.push(`a.start_date IS NOT NULL AND coalesce(a.end_date, a.start_date) >= ${from}`);
    // Implied by the overlap (no activity is longer than the longest), and an index range on the
    // start date: the longest length is one look-up in activities_length_idx.
    where.push(`a.start_date >= ${from} - (SELECT coalesce(max(l.end_date - l.start_date), 0) FROM activities l)`);
  }
  if (query.to) where.push(`a.start_date IS NOT NULL AND a.start_date <= ${param(query.to, 'date')}`);
  if (query.q) {
    // A union of index scans (title expression index, sheets' search_vector) rather than an OR across a join.
    const words = `websearch_to_tsquery('simple', ${param(query.q, 'text')})`;
    const code = CODE_FRAGMENT.test(query.q)
      ? `UNION SELECT c.id FROM activities c WHERE c.code LIKE ${param(`%${query.q.toUpperCase()}%`, 'text')}`
      : '';
    where.push(`a.id IN (
        SELECT t.id FROM activities t WHERE to_tsvector('simple', t.title) @@ ${words}
        UNION SELECT s.activity_id FROM activity_sheets s WHERE s.search_vector @@ ${words}
        ${code})`);
  }
  return where;
}

/** One word of letters, digits and dashes with a digit in it: an activity code or a part of one (no LIKE wildcards). */
const CODE_FRAGMENT = /^(?=.*\d)[A-Za-z0-9-]{2,20}$/;

export function activitySearchStatement(query: ActivitySearchQueryDto): ActivitySearchStatement {
  checkFilters(query);
  const params: unknown[] = [];
  const param = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const where = filterClauses(query, param);

  const sort = query.sort ?? 'startDate';
  const descending = sort.startsWith('-');
  const spec = SORTS[(descending ? sort.slice(1) : sort) as SortField];
  const direction = descending ? 'DESC' : 'ASC';
  const after = descending ? '<' : '>';
  if (query.cursor) {
    const [cursorSort, key, id] = decodeCursor(query.cursor, 3);
    if (typeof cursorSort !== 'string' || !(cursorSort in SORTS || cursorSort.slice(1) in SORTS)) throw badCursor();
    if (cursorSort !== sort) {
      throw new DomainException(ActivityRefusals.CURSOR_SORT_MISMATCH, `cursor belongs to the sort ${cursorSort}, not ${sort}; start again without a cursor`, {
        cursorSort,
        sort,
      });
    }
    if (!spec.validKey(key) || typeof id !== 'string' || !UUID.test(id)) throw badCursor();
    const lastId = param(id, 'uuid');
    if (key === null) {
      where.push(`(${spec.column} IS NULL AND a.id ${after} ${lastId})`);
    } else {
      const keyset = `(${spec.column}, a.id) ${after} (${param(key, spec.cast)}, ${lastId})`;
      where.push(spec.nullable ? `(${spec.column} IS NULL OR ${keyset})` : keyset);
    }
  }

  const sql = `SELECT ${LIST_COLUMNS}, ${spec.keyExpression} AS "sortKey"
     FROM activities a
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${spec.column} ${direction} NULLS LAST, a.id ${direction}
     LIMIT ${param(query.limit + 1, 'int')}`;
  return { sql, params, sort };
}

/** One page of the answer from the `limit + 1` rows selected. */
export function activitySearchPage(rows: ActivityListRow[], limit: number, sort: ActivitySort, user: Pick<AuthUser, 'role'> | undefined): Page<ActivityListItemView> {
  const page = rows.length > limit ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    // One copy of each row (the list's hottest loop): the row without its sort key, given its actions.
    items: page.map(({ sortKey: _sortKey, ...item }) => Object.assign(item, { allowedActions: activityAllowedActions(item, user) })),
    nextCursor: rows.length > limit ? encodeCursor([sort, last.sortKey, last.id] satisfies [ActivitySort, string | null, string]) : null,
  };
}

function badCursor(): DomainException {
  return invalidCursor();
}
