import { EntityManager } from 'typeorm';
import { DomainErrorCode, DomainException, type AuthUser } from '@trta/http';
import type { RequestAction, RequestStatus } from './request-status';
import type { RequestView } from './requests.dto';

/** The columns of a request in a list (the long texts and contacts aside). */
export const REQUEST_SUMMARY_COLUMNS = `r.id, r.country::text AS country, c.name AS "countryName", r.requested_by AS "requestedBy", r.topics,
  r.preferred_quarter AS "preferredQuarter", r.language, r.expected_participants AS "expectedParticipants", r.status,
  r.decision_reason AS "decisionReason", r.ceiling_override_reason AS "ceilingOverrideReason", r.decided_by AS "decidedBy",
  r.decided_at AS "decidedAt", r.activity_id AS "activityId", a.code AS "activityCode", r.version,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

export const REQUEST_COLUMNS = `${REQUEST_SUMMARY_COLUMNS}, r.needs_assessment AS "needsAssessment",
  r.expected_outcomes AS "expectedOutcomes", r.target_audience AS "targetAudience", r.contacts,
  coalesce((SELECT json_agg(json_build_object('kind', d.kind, 'fileId', d.file_id, 'filename', f.filename,
                                              'mediaType', f.media_type, 'sizeBytes', f.size_bytes) ORDER BY d.created_at)
            FROM request_documents d JOIN stored_files f ON f.id = d.file_id WHERE d.request_id = r.id), '[]') AS documents`;

export const REQUEST_FROM = `national_requests r JOIN countries c ON c.code = r.country LEFT JOIN activities a ON a.id = r.activity_id`;

/**
 * Whose requests a user may see: a focal point only their country's (read from their account,
 * never from a request), staff and admins every country's (null).
 */
export async function countryScope(manager: EntityManager, user: AuthUser): Promise<string | null> {
  if (user.role !== 'focal_point') return null;
  const [row] = (await manager.query('SELECT country::text AS country FROM users WHERE id = $1', [user.id])) as { country: string | null }[];
  if (!row?.country) throw new DomainException(DomainErrorCode.Forbidden, 'your account is not attached to a country');
  return row.country;
}

/** The request as its scope may see it; another country's request is a 404, as if it did not exist. */
export async function findRequest(manager: EntityManager, id: string, scope: string | null): Promise<RequestView> {
  const [request] = (await manager.query(
    `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.id = $1 AND ($2::text IS NULL OR r.country = $2::char(3))`,
    [id, scope],
  )) as RequestView[];
  if (!request) throw DomainException.notFound('Request', id);
  return request;
}

/** The request row locked until the transaction ends, so decisions and scheduling on it run one at a time. */
export async function lockRequest(
  manager: EntityManager,
  id: string,
  scope: string | null,
): Promise<{ id: string; country: string; status: RequestStatus; version: number; activityId: string | null; activityCode: string | null }> {
  const [row] = (await manager.query(
    `SELECT r.id, r.country::text AS country, r.status, r.version, r.activity_id AS "activityId"
     FROM national_requests r WHERE r.id = $1 AND ($2::text IS NULL OR r.country = $2::char(3)) FOR UPDATE OF r`,
    [id, scope],
  )) as { id: string; country: string; status: RequestStatus; version: number; activityId: string | null }[];
  if (!row) throw DomainException.notFound('Request', id);
  // A separate statement: after waiting for the lock, this one's snapshot sees the activity the other call committed.
  const [activity] = row.activityId
    ? ((await manager.query('SELECT code FROM activities WHERE id = $1', [row.activityId])) as { code: string }[])
    : [];
  return { ...row, activityCode: activity?.code ?? null };
}

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

/** Refuses (400) topic codes that are not in the reference data, naming the field and the codes. */
export async function assertKnownTopics(manager: EntityManager, topics: string[] | undefined): Promise<void> {
  if (!topics) return;
  const rows = (await manager.query('SELECT code FROM topics WHERE code = ANY($1::text[])', [topics])) as { code: string }[];
  const known = new Set(rows.map((row) => row.code));
  const unknown = topics.filter((code) => !known.has(code));
  if (unknown.length > 0) throw new DomainException(DomainErrorCode.Invalid, `topics has unknown topic codes: ${unknown.join(', ')}`);
}

/** First and last day of `YYYY-Qn`. */
export function quarterRange(quarter: string): { first: string; last: string } {
  const [year, q] = quarter.split('-Q').map(Number);
  const lastMonth = q * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    first: `${year}-${String(lastMonth - 2).padStart(2, '0')}-01`,
    last: `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay}`,
  };
}

/** A quarter that already ended cannot be asked for (422). */
export function assertQuarterAhead(quarter: string | undefined): void {
  if (!quarter) return;
  const today = new Date().toISOString().slice(0, 10);
  if (quarterRange(quarter).last < today) {
    throw new DomainException(DomainErrorCode.RuleViolation, `preferredQuarter ${quarter} has already ended`);
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
     WHERE plan_id = $1 AND type = 'national' AND status <> 'cancelled' AND $2::char(3) = ANY(beneficiary_countries)`,
    [planId, country],
  )) as { count: number }[];
  return count;
}

