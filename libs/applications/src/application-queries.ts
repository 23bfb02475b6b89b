import { QueryFailedError } from 'typeorm';
import { DomainErrorCode, DomainException, type AuthUser } from '@trta/http';

/** The columns of ApplicationView, for `FROM applications ap JOIN activities a JOIN users u LEFT JOIN applicant_profiles p`. */
export const APPLICATION_COLUMNS = `
  ap.id, ap.activity_id AS "activityId", a.code AS "activityCode", a.title AS "activityTitle",
  a.start_date::text AS "activityStartDate", ap.applicant_id AS "applicantId", ap.country, ap.motivation, ap.status,
  ap.submitted_at AS "submittedAt", ap.endorsed_at AS "endorsedAt", ap.nomination_reason AS "nominationReason",
  ap.decided_at AS "decidedAt", ap.decision_reason AS "decisionReason", ap.waitlist_position AS "waitlistPosition",
  ap.attended_days AS "attendedDays", ap.completed_at AS "completedAt", ap.certificate_code AS "certificateCode",
  ap.withdrawn_at AS "withdrawnAt", ap.version,
  json_build_object('fullName', p.full_name, 'email', u.email, 'gender', p.gender, 'nationality', p.nationality,
    'country', p.country, 'institutionType', p.institution_type, 'institution', p.institution, 'position', p.position) AS applicant,
  coalesce((SELECT json_agg(json_build_object('kind', d.kind, 'fileId', d.file_id, 'filename', f.filename,
      'mediaType', f.media_type, 'sizeBytes', f.size_bytes) ORDER BY d.kind)
    FROM application_documents d JOIN stored_files f ON f.id = d.file_id WHERE d.application_id = ap.id), '[]'::json) AS documents`;

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
export interface LockedActivity {
  id: string;
  code: string;
  title: string;
  status: string;
  capacity: number;
  requiresNomination: boolean;
  nominationQuota: number;
  startDate: string | null;
  started: boolean;
}

export const LOCKED_ACTIVITY_COLUMNS = `id, code, title, status, capacity, requires_nomination AS "requiresNomination",
  nomination_quota AS "nominationQuota", start_date::text AS "startDate", coalesce(start_date <= current_date, false) AS started`;

/**
 * The database enforces capacity, quota and one application per person (migration 0008); this
 * names the rule a client broke, in their terms, or returns undefined for anything else.
 */
export function constraintConflict(
  error: unknown,
  activity: Pick<LockedActivity, 'code' | 'capacity' | 'nominationQuota'>,
  country?: string,
): DomainException | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const { code, constraint } = error.driverError as { code?: string; constraint?: string };
  if (code === '23514' && constraint === 'activities_seats_check') {
    return new DomainException(DomainErrorCode.Conflict, `activity ${activity.code} is full: capacity ${activity.capacity}`);
  }
  if (code === '23514' && constraint === 'nomination_counts_quota_check') {
    return new DomainException(
      DomainErrorCode.Conflict,
      `nomination quota of ${activity.nominationQuota} reached for ${country ?? 'this country'} on activity ${activity.code}`,
    );
  }
  if (code === '23505' && constraint === 'applications_activity_applicant_key') {
    return new DomainException(DomainErrorCode.Conflict, `you have already applied to activity ${activity.code}: one application per person per activity`);
  }
  return undefined;
}
