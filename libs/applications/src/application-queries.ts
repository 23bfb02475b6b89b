import { ACTIVITY_FIELDS, type ActivityRecord } from '@trta/activities';
import { queryRows, selectList, type FieldMap } from '@trta/database';
import type { EntityManager } from 'typeorm';
import { constraintRefusal, DomainException, type AuthUser } from '@trta/http';
import { allowedActions, nextStep, SELF_PACED_MODE, type ApplicationFacts } from './application.policy';
import type { ApplicationView } from './applications.dto';

/** An application as the queries read it: the View without what the policy adds for the caller. */
export type ApplicationRecord = Omit<ApplicationView, 'allowedActions' | 'nextStep'>;

/**
 * The one field map of ApplicationView: each field and the SQL that gives it, for
 * `FROM applications ap JOIN activities a JOIN users u LEFT JOIN applicant_profiles p` (APPLICATION_FROM).
 * A field renamed in the View, or a new one, fails the type check here.
 */
export const APPLICATION_FIELDS: FieldMap<ApplicationRecord> = {
  id: 'ap.id',
  activityId: 'ap.activity_id',
  activityCode: `a.${ACTIVITY_FIELDS.code}`,
  activityTitle: `a.${ACTIVITY_FIELDS.title}`,
  activityStartDate: `a.${ACTIVITY_FIELDS.startDate}`,
  applicantId: 'ap.applicant_id',
  country: 'ap.country',
  motivation: 'ap.motivation',
  status: 'ap.status',
  submittedAt: 'ap.submitted_at',
  endorsedAt: 'ap.endorsed_at',
  nominationReason: 'ap.nomination_reason',
  decidedAt: 'ap.decided_at',
  decisionReason: 'ap.decision_reason',
  waitlistPosition: 'ap.waitlist_position',
  attendedDays: 'ap.attended_days',
  completedAt: 'ap.completed_at',
  certificateCode: 'ap.certificate_code',
  withdrawnAt: 'ap.withdrawn_at',
  version: 'ap.version',
  applicant: `json_build_object('fullName', p.full_name, 'email', u.email, 'gender', p.gender, 'nationality', p.nationality,
    'country', p.country, 'institutionType', p.institution_type, 'institution', p.institution, 'position', p.position)`,
  documents: `coalesce((SELECT json_agg(json_build_object('kind', d.kind, 'fileId', d.file_id, 'filename', f.filename,
      'mediaType', f.media_type, 'sizeBytes', f.size_bytes) ORDER BY d.kind)
    FROM application_documents d JOIN stored_files f ON f.id = d.file_id WHERE d.application_id = ap.id), '[]'::json)`,
  nominationRank: 'ap.nomination_rank',
  timeline: `coalesce((SELECT json_agg(json_build_object('status', h.status,
      'at', to_char(h.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'reason', h.reason) ORDER BY h.changed_at, h.id)
    FROM application_status_history h WHERE h.application_id = ap.id), '[]'::json)`,
};

/** What the application policy needs beyond the View (see ApplicationFacts), read with every application. */
const FACT_FIELDS: FieldMap<ApplicationFactColumns> = {
  factActivityStatus: `a.${ACTIVITY_FIELDS.status}`,
  factActivityStarted: 'coalesce(a.start_date <= current_date, false)',
  factActivityEnded: 'coalesce(a.end_date < current_date, false)',
  factSelfPaced: `a.${ACTIVITY_FIELDS.deliveryMode} = '${SELF_PACED_MODE}'`,
  factRequiresNomination: `a.${ACTIVITY_FIELDS.requiresNomination}`,
  factHasEvaluation: 'EXISTS (SELECT 1 FROM evaluations e WHERE e.application_id = ap.id)',
  // Asked by the follow-up message (the daily job, months after the activity) and not answered yet.
  factFollowUpDue: `EXISTS (SELECT 1 FROM evaluations e WHERE e.application_id = ap.id AND e.applied_in_work IS NULL)
    AND EXISTS (SELECT 1 FROM notifications n WHERE n.application_id = ap.id AND n.kind = 'evaluation.follow_up')`,
};

interface ApplicationFactColumns {
  factActivityStatus: string;
  factActivityStarted: boolean;
  factActivityEnded: boolean;
  factSelfPaced: boolean;
  factRequiresNomination: boolean;
  factHasEvaluation: boolean;
  factFollowUpDue: boolean;
}

/** A row of `SELECT ${APPLICATION_COLUMNS} ${APPLICATION_FROM}`. */
export type ApplicationRow = ApplicationRecord & ApplicationFactColumns;

/** The fields of a row: the View's and the policy's facts. */
export const APPLICATION_ROW_FIELDS: FieldMap<ApplicationRow> = { ...APPLICATION_FIELDS, ...FACT_FIELDS };

/** The columns of ApplicationView and of the policy's facts, from the field maps. */
export const APPLICATION_COLUMNS = `${selectList(APPLICATION_FIELDS)},\n  ${selectList(FACT_FIELDS)}`;

/** The rows of `sql`, a query of `SELECT ${APPLICATION_COLUMNS} ${APPLICATION_FROM} ...`, typed by the field maps. */
export function applicationRows(manager: Pick<EntityManager, 'query'>, sql: string, params: unknown[]): Promise<ApplicationRow[]> {
  return queryRows(manager, APPLICATION_ROW_FIELDS, sql, params);
}

/** The View of a row as `user` sees it: without the policy's facts, with what `user` may do now. */
export function applicationView(row: ApplicationRow, user: AuthUser): ApplicationView {
  const { factActivityStatus, factActivityStarted, factActivityEnded, factSelfPaced, factRequiresNomination, factHasEvaluation, factFollowUpDue, ...record } = row;
  const facts: ApplicationFacts = {
    status: record.status,
    applicantId: record.applicantId,
    country: record.country,
    activityStatus: factActivityStatus,
    activityStarted: factActivityStarted,
    activityEnded: factActivityEnded,
    selfPaced: factSelfPaced,
    requiresNomination: factRequiresNomination,
    hasEvaluation: factHasEvaluation,
    followUpDue: factFollowUpDue,
  };
  return { ...record, nextStep: nextStep(facts), allowedActions: allowedActions(facts, user) };
}

/** The record without the policy's facts (for the files staff download). */
export function applicationRecord(row: ApplicationRow): ApplicationRecord {
  const {
    factActivityStatus: _s,
    factActivityStarted: _t,
    factActivityEnded: _d,
    factSelfPaced: _p,
    factRequiresNomination: _n,
    factHasEvaluation: _e,
    factFollowUpDue: _f,
    ...record
  } = row;
  return record;
}

export const APPLICATION_FROM = `
  FROM applications ap
  JOIN activities a ON a.id = ap.activity_id
  JOIN users u ON u.id = ap.applicant_id
  LEFT JOIN applicant_profiles p ON p.user_id = ap.applicant_id`;

/**
 * Who may see an application, as a WHERE condition on `ap` with the user's id and country as
 * parameters $2 and $3: the applicant, staff, admins and auditors, and the focal points of the
 * application's country. Anyone else is told it does not exist, so ids cannot be probed.
 */
export function visibility(user: AuthUser): { condition: string; params: unknown[] } {
  if (user.role === 'staff' || user.role === 'admin' || user.role === 'auditor') {
    return { condition: '($2::uuid IS NULL AND $3::text IS NULL)', params: [null, null] };
  }
  if (user.role === 'focal_point') {
    return { condition: '(ap.applicant_id = $2::uuid OR ap.country = $3::bpchar)', params: [user.id, user.country] };
  }
  return { condition: '(ap.applicant_id = $2::uuid AND $3::text IS NULL)', params: [user.id, null] };
}

/** The activity row a decision locks; every waitlist change for the activity is serialised by this lock. */
export type LockedActivity = Pick<
  ActivityRecord,
  'id' | 'code' | 'title' | 'status' | 'capacity' | 'requiresNomination' | 'nominationQuota' | 'startDate'
> & { started: boolean };

/** LockedActivity's columns, over `activities` without an alias. */
export const LOCKED_ACTIVITY_FIELDS: FieldMap<LockedActivity> = {
  id: ACTIVITY_FIELDS.id,
  code: ACTIVITY_FIELDS.code,
  title: ACTIVITY_FIELDS.title,
  status: ACTIVITY_FIELDS.status,
  capacity: ACTIVITY_FIELDS.capacity,
  requiresNomination: ACTIVITY_FIELDS.requiresNomination,
  nominationQuota: ACTIVITY_FIELDS.nominationQuota,
  startDate: ACTIVITY_FIELDS.startDate,
  started: 'coalesce(start_date <= current_date, false)',
};

export const LOCKED_ACTIVITY_COLUMNS = selectList(LOCKED_ACTIVITY_FIELDS);

/**
 * The database enforces capacity, quota and one application per person (migration 0008); this
 * names the rule a client broke, through the one constraint map, with the activity's values for
 * its message, or returns undefined for anything else.
 */
export function constraintConflict(
  error: unknown,
  activity: Pick<LockedActivity, 'code' | 'capacity' | 'nominationQuota'>,
  country?: string,
): DomainException | undefined {
  const refusal = constraintRefusal(error, {
    activityCode: activity.code,
    capacity: activity.capacity,
    quota: activity.nominationQuota,
    country: country ?? null,
  });
  if (refusal?.code === 'ALREADY_APPLIED') {
    refusal.message = `you have already applied to activity ${activity.code}: one application per person per activity`;
  }
  return refusal;
}
