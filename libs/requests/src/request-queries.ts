import { DataSource, EntityManager } from 'typeorm';
import { CANCELLED_STATUSES, quarterRange, statusIn } from '@trta/activities';
import { queryRows, selectList, type FieldMap } from '@trta/database';
import { DomainException, HttpRefusals, type AuthUser } from '@trta/http';
import { allowedActions, type RequestAction, type RequestStatus, type RequestViewer } from './request.policy';
import { RequestRefusals } from './requests.refusals';
import type { RequestSummary, RequestView, UpdateRequestDto } from './requests.dto';


/** The field behind each column of `national_requests r` (with `countries c`, `activities a`) in a request summary. */
export const REQUEST_SUMMARY_FIELDS: FieldMap<RequestSummaryRow> = {
  id: 'r.id',
  country: 'r.country::text',
  countryName: 'c.name',
  requestedBy: 'r.requested_by',
  topics: 'r.topics',
  preferredQuarter: 'r.preferred_quarter',
  language: 'r.language',
  expectedParticipants: 'r.expected_participants',
  status: 'r.status',
  decisionReason: 'r.decision_reason',
  ceilingOverrideReason: 'r.ceiling_override_reason',
  decidedBy: 'r.decided_by',
  decidedAt: 'r.decided_at',
  activityId: 'r.activity_id',
  activityCode: 'a.code',
  version: 'r.version',
  createdAt: 'r.created_at',
  updatedAt: 'r.updated_at',
};

/** The columns a focal point writes (submission and edit), by the field of the form. */
export const REQUEST_FORM_COLUMNS = {
  topics: 'topics',
  preferredQuarter: 'preferred_quarter',
  language: 'language',
  needsAssessment: 'needs_assessment',
  expectedOutcomes: 'expected_outcomes',
  targetAudience: 'target_audience',
  expectedParticipants: 'expected_participants',
  contacts: 'contacts',
} as const satisfies Record<Exclude<keyof UpdateRequestDto, 'version'>, string>;

const REQUEST_DETAIL_FIELDS: FieldMap<RequestRow> = {
  ...REQUEST_SUMMARY_FIELDS,
  needsAssessment: 'r.needs_assessment',
  expectedOutcomes: 'r.expected_outcomes',
  targetAudience: 'r.target_audience',
  contacts: 'r.contacts',
  documents: `coalesce((SELECT json_agg(json_build_object('kind', d.kind, 'fileId', d.file_id, 'filename', f.filename,
                                              'mediaType', f.media_type, 'sizeBytes', f.size_bytes) ORDER BY d.created_at)
            FROM request_documents d JOIN stored_files f ON f.id = d.file_id WHERE d.request_id = r.id), '[]')`,
};

/**
 * Runs `sql(selectList)` and types its rows by the map's view (only the fields named, when given):
 * the rows' type comes from the same map as the SELECT list, never from a cast at the call.
 */
export async function selectRows<View, Field extends keyof View & string = keyof View & string>(
  manager: EntityManager | DataSource,
  fields: FieldMap<View>,
  only: readonly Field[] | null,
  sql: (select: string) => string,
  params: unknown[],
): Promise<Pick<View, Field>[]> {
  return queryRows(manager, fields, sql(selectList(fields, null, only ?? undefined)), params, only ?? undefined);
}

/** A summary as the database gives it, before the viewer's allowed actions are added. */
export type RequestSummaryRow = Omit<RequestSummary, 'allowedActions'>;
export type RequestRow = Omit<RequestView, 'allowedActions'>;


/** The row with what the viewer may do with it now. */
export function withActions<Row extends RequestSummaryRow>(row: Row, viewer: RequestViewer): Row & { allowedActions: RequestAction[] } {
  return { ...row, allowedActions: allowedActions(row, viewer) };
}

export const REQUEST_FROM = `national_requests r JOIN countries c ON c.code = r.country LEFT JOIN activities a ON a.id = r.activity_id`;

/**
 * Whose requests a user may see: a focal point only their country's (read from their account,
 * never from a request), staff and admins every country's (null).
 */
export async function requestViewer(manager: EntityManager, user: AuthUser): Promise<RequestViewer> {
  if (user.role !== 'focal_point') return { role: user.role, country: null };
  const [row] = (await manager.query('SELECT country::text AS country FROM users WHERE id = $1', [user.id])) as { country: string | null }[];
  if (!row?.country) throw new DomainException(RequestRefusals.ACCOUNT_WITHOUT_COUNTRY, 'your account is not attached to a country');
  return { role: user.role, country: row.country };
}

/** The request as its scope may see it; another country's request is a 404, as if it did not exist. */
export async function findRequest(manager: EntityManager, id: string, viewer: RequestViewer): Promise<RequestView> {
  const [request] = await selectRows(
    manager,
    REQUEST_DETAIL_FIELDS,
    null,
    (select) => `SELECT ${select} FROM ${REQUEST_FROM} WHERE r.id = $1 AND ($2::text IS NULL OR r.country = $2::char(3))`,
    [id, viewer.country],
  );
  if (!request) throw requestNotFound(id);
  return withActions(request, viewer);
}

export function requestNotFound(id: string): DomainException {
  return new DomainException(RequestRefusals.REQUEST_NOT_FOUND, `Request ${id} not found`, { requestId: id });
}

/** The request row locked until the transaction ends, so decisions and scheduling on it run one at a time. */
export async function lockRequest(manager: EntityManager, id: string, viewer: RequestViewer): Promise<LockedRequest> {
  const [row] = await selectRows(
    manager,
    REQUEST_SUMMARY_FIELDS,
    ['id', 'country', 'status', 'version', 'activityId'],
    (select) => `SELECT ${select}
     FROM national_requests r WHERE r.id = $1 AND ($2::text IS NULL OR r.country = $2::char(3)) FOR UPDATE OF r`,
    [id, viewer.country],
  );
  if (!row) throw requestNotFound(id);
  // A separate statement: after waiting for the lock, this one's snapshot sees the activity the other call committed.
  const [activity] = row.activityId
    ? ((await manager.query('SELECT code FROM activities WHERE id = $1', [row.activityId])) as { code: string }[])
    : [];
  return { ...row, activityCode: activity?.code ?? null };
}

export type LockedRequest = Pick<RequestSummaryRow, 'id' | 'country' | 'status' | 'version' | 'activityId' | 'activityCode'>;

export async function recordRequestHistory(
  manager: EntityManager,
  requestId: string,
  userId: string | null,
  action: RequestAction | 'submit',
  from: RequestStatus | null,
  to: RequestStatus | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await manager.query(
    `INSERT INTO request_history (request_id, user_id, action, from_status, to_status, details) VALUES ($1, $2, $3, $4, $5, $6)`,
    [requestId, userId, action, from, to, JSON.stringify(details)],
  );
}

/**
 * The 400 for one field of a form this library reads itself: VALIDATION_FAILED, its problem
 * listed as the global validation lists it.
 */
export function fieldRefused(field: string, problem: string, message: string, params: Record<string, string[]> = {}): DomainException {
  const exception = new DomainException(HttpRefusals.VALIDATION_FAILED, message, { fields: [field] }, { problems: [{ field, code: problem, params }] });
  exception.messages = [message];
  return exception;
}

/** Refuses (400) topic codes that are not in the reference data, naming the field and the codes. */
export async function assertKnownTopics(manager: EntityManager, topics: string[] | undefined): Promise<void> {
  if (!topics) return;
  const rows = (await manager.query('SELECT code FROM topics WHERE code = ANY($1::text[])', [topics])) as { code: string }[];
  const known = new Set(rows.map((row) => row.code));
  const unknown = topics.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw fieldRefused('topics', 'UNKNOWN_TOPIC', `topics has unknown topic codes: ${unknown.join(', ')}`, { codes: unknown });
  }
}

/** A quarter that already ended cannot be asked for (422). */
export function assertQuarterAhead(quarter: string | undefined): void {
  if (!quarter) return;
  const today = new Date().toISOString().slice(0, 10);
  if (quarterRange(quarter).last < today) {
    throw new DomainException(RequestRefusals.QUARTER_PASSED, `preferredQuarter ${quarter} has already ended`, { quarter });
  }
}

export interface CoveringPlan {
  id: string;
  code: string;
  title: string;
  status: 'draft' | 'adopted' | 'closed';
  periodStart: string;
  periodEnd: string;
  ceilingPerCountry: number | null;
}

/** The plan whose period covers the quarter (the one holding its first day first), or null. */
export async function planCovering(manager: EntityManager, quarter: string): Promise<CoveringPlan | null> {
  const { first, last } = quarterRange(quarter);
  const [plan] = (await manager.query(
    `SELECT id, code, title, status, period_start::text AS "periodStart", period_end::text AS "periodEnd",
            ceiling_per_country AS "ceilingPerCountry"
     FROM ta_plans WHERE period_start <= $2::date AND period_end >= $1::date
     ORDER BY (period_start <= $1::date) DESC, period_start LIMIT 1`,
    [first, last],
  )) as CoveringPlan[];
  return plan ?? null;
}

/** National activities for the country in the plan; cancelled ones no longer take a place under the ceiling. */
export async function nationalActivityCount(manager: EntityManager, planId: string, country: string): Promise<number> {
  const [{ count }] = (await manager.query(
    `SELECT count(*)::int AS count FROM activities
     WHERE plan_id = $1 AND type = 'national' AND NOT ${statusIn('status', CANCELLED_STATUSES)} AND $2::char(3) = ANY(beneficiary_countries)`,
    [planId, country],
  )) as { count: number }[];
  return count;
}

