import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTIVITY_FIELDS } from '@trta/activities';
import { queryRows, readRows, selectList, type FieldMap } from '@trta/database';
import { decodeCursor, DomainException, encodeCursor, invalidCursor, type AuthUser } from '@trta/http';
import { APPLICATION_FROM, APPLICATION_ROW_FIELDS, applicationRecord, applicationView, type ApplicationRecord, type ApplicationRow } from './application-queries';
import { activityApplicationsActions, APPLICATION_STATUSES, SEAT_STATUSES, SELF_PACED_MODE } from './application.policy';
import { ApplicationRefusals as R } from './applications.refusals';
import type {
  ActivityApplicationsPageView,
  ApplicationDossierView,
  ApplicationsActivityView,
  ApplicationsBalanceView,
  ApplicationSort,
  BalanceRowView,
  EarlierParticipationView,
  ListActivityApplicationsQueryDto,
  Seats,
} from './applications.dto';

/** The filters of an activity's applications (the list and its CSV/XLSX downloads take the same). */
export type ApplicationFilters = Pick<ListActivityApplicationsQueryDto, 'status' | 'country' | 'region' | 'gender' | 'ldc' | 'q'>;

/** The activity as the review reads it, its seats and the facts of its bulk actions. */
interface ReviewedActivity {
  id: string;
  code: string;
  title: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  lengthDays: number | null;
  started: boolean;
  ended: boolean;
  selfPaced: boolean;
  capacity: number;
  taken: number;
}

const REVIEWED_ACTIVITY_FIELDS: FieldMap<ReviewedActivity> = {
  id: ACTIVITY_FIELDS.id,
  code: ACTIVITY_FIELDS.code,
  title: ACTIVITY_FIELDS.title,
  status: ACTIVITY_FIELDS.status,
  startDate: ACTIVITY_FIELDS.startDate,
  endDate: ACTIVITY_FIELDS.endDate,
  lengthDays: '(end_date - start_date + 1)',
  started: 'coalesce(start_date <= current_date, false)',
  ended: 'coalesce(end_date < current_date, false)',
  selfPaced: `${ACTIVITY_FIELDS.deliveryMode} = '${SELF_PACED_MODE}'`,
  capacity: ACTIVITY_FIELDS.capacity,
  taken: 'seats_taken',
};
const REVIEWED_ACTIVITY_COLUMNS = selectList(REVIEWED_ACTIVITY_FIELDS);

/**
 * Each order of the list as its keyset: the SQL of the sort value (as text, so that the cursor
 * keeps it exactly and compares it cast back) and its cast; ties go to the first to apply, then the id.
 */
const SORT_KEYS: Readonly<Record<ApplicationSort, { value: string; cast: string } | null>> = {
  submitted: null,
  name: { value: 'lower(coalesce(p.full_name, u.email))', cast: 'text' },
  country: { value: 'ap.country::text', cast: 'text' },
  status: { value: `array_position(ARRAY[${APPLICATION_STATUSES.map((status) => `'${status}'`).join(', ')}]::text[], ap.status::text)`, cast: 'int' },
};

/** A row of the list: the application, its sort value and its keyset position. */
const LIST_FIELDS = (sort: ApplicationSort): FieldMap<ApplicationRow & { sortValue: string | number | null; submittedKey: string }> => ({
  ...APPLICATION_ROW_FIELDS,
  sortValue: SORT_KEYS[sort]?.value ?? 'NULL::text',
  submittedKey: 'ap.submitted_at::text',
});

/** What the balance panel groups by, over APPLICATION_FROM joined to the applicant's country `c`. */
const BALANCE_GROUPS = {
  country: 'ap.country::text',
  region: "coalesce(c.region, 'unknown')",
  gender: "coalesce(p.gender::text, 'undisclosed')",
  ldc: "CASE WHEN c.ldc THEN 'ldc' ELSE 'other' END",
} as const;

/** Another application of the applicant, over `applications ap JOIN activities a`. */
const EARLIER_PARTICIPATION_FIELDS: FieldMap<EarlierParticipationView> = {
  applicationId: 'ap.id',
  activityCode: `a.${ACTIVITY_FIELDS.code}`,
  activityTitle: `a.${ACTIVITY_FIELDS.title}`,
  startDate: `a.${ACTIVITY_FIELDS.startDate}`,
  endDate: `a.${ACTIVITY_FIELDS.endDate}`,
  plsLevel: `a.${ACTIVITY_FIELDS.plsLevel}`,
  status: 'ap.status',
  attendedDays: 'ap.attended_days',
  completedAt: 'ap.completed_at',
};

/**
 * Staff's review of an activity's applications: the filtered, sorted pages with their total,
 * every matching one for the downloads, the balance of the seats and each applicant's dossier.
 */
@Injectable()
export class ApplicationsReviewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A page of the activity's applications matching the filters, in the order asked, with the
   * total, the seats and the waitlist: two statements run side by side (issue 16), the activity
   * with its waitlist and the filtered total in one row, and the page.
   */
  async list(activityId: string, query: ListActivityApplicationsQueryDto, user: AuthUser): Promise<ActivityApplicationsPageView> {
    const { where, params } = filterCondition(activityId, query);
    const key = SORT_KEYS[query.sort];
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const comparison = direction === 'DESC' ? '<' : '>';
    const paged = [...where];
    const pageParams = [...params];
    if (query.cursor) {
      const [sort, order, value, submittedAt, id] = decodeCursor(query.cursor, 5);
      if (sort !== query.sort || order !== query.order) throw invalidCursor();
      const tail = `$${pageParams.push(submittedAt)}::timestamptz, $${pageParams.push(id)}::uuid`;
      paged.push(
        key
          ? `(${key.value}, ap.submitted_at, ap.id) ${comparison} ($${pageParams.push(value)}::${key.cast}, ${tail})`
          : `(ap.submitted_at, ap.id) ${comparison} (${tail})`,
      );
    }
    const fields = LIST_FIELDS(query.sort);
    const orderBy = [...(key ? [`${key.value} ${direction}`] : []), `ap.submitted_at ${direction}`, `ap.id ${direction}`].join(', ');
    const [[activity], rows] = await Promise.all([
      readRows<ReviewedActivity & { waitlist: string[]; total: number }>(
        this.dataSource,
        `SELECT ${REVIEWED_ACTIVITY_COLUMNS},
           ARRAY(SELECT w.id FROM applications w WHERE w.activity_id = $1 AND w.status = 'waitlisted' ORDER BY w.waitlist_position) AS waitlist,
           (SELECT count(*)::int ${APPLICATION_FROM} LEFT JOIN countries c ON c.code = ap.country WHERE ${where.join(' AND ')}) AS total
         FROM activities WHERE id = $1`,
        params,
      ),
      readRows<ApplicationRow & { sortValue: string | number | null; submittedKey: string }>(
        this.dataSource,
        `SELECT ${selectList(fields)} ${APPLICATION_FROM} LEFT JOIN countries c ON c.code = ap.country
         WHERE ${paged.join(' AND ')} ORDER BY ${orderBy} LIMIT $${pageParams.push(query.limit + 1)}`,
        pageParams,
      ),
    ]);
    if (!activity) throw activityNotFound(activityId);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > query.limit ? encodeCursor([query.sort, query.order, last.sortValue, last.submittedKey, last.id]) : null;
    return {
      activity: activityView(activity, user),
      seats: seatsOf(activity),
      waitlist: activity.waitlist,
      total: activity.total,
      items: items.map(({ sortValue: _value, submittedKey: _key, ...row }) => applicationView(row, user)),
      nextCursor,
    };
  }

  /** Every matching application of the activity, first come first, for the CSV and XLSX downloads. */
  async all(activityId: string, filters: ApplicationFilters): Promise<{ activity: { code: string; title: string }; rows: ApplicationRecord[] }> {
    const activity = await this.activity(activityId);
    const { where, params } = filterCondition(activityId, filters);
    const rows = await queryRows(
      this.dataSource.manager,
      APPLICATION_ROW_FIELDS,
      `SELECT ${selectList(APPLICATION_ROW_FIELDS)} ${APPLICATION_FROM} LEFT JOIN countries c ON c.code = ap.country
       WHERE ${where.join(' AND ')} ORDER BY ap.submitted_at, ap.id`,
      params,
    );
    return { activity, rows: rows.map(applicationRecord) };
  }

  /** Who holds the seats, by country, region, gender and LDC, beside how many applied in each group. */
  async balance(activityId: string): Promise<ApplicationsBalanceView> {
    const activity = await this.activity(activityId);
    const groups = {} as Record<keyof typeof BALANCE_GROUPS, BalanceRowView[]>;
    for (const [name, expression] of Object.entries(BALANCE_GROUPS) as [keyof typeof BALANCE_GROUPS, string][]) {
      groups[name] = (await this.dataSource.query(
        `SELECT ${expression} AS key,
           count(*) FILTER (WHERE ap.status = ANY($2))::int AS selected,
           count(*) FILTER (WHERE ap.status = 'waitlisted')::int AS waitlisted,
           count(*)::int AS applications
         ${APPLICATION_FROM} LEFT JOIN countries c ON c.code = ap.country
         WHERE ap.activity_id = $1 AND ap.status <> 'withdrawn'
         GROUP BY 1 ORDER BY selected DESC, applications DESC, key`,
        [activityId, SEAT_STATUSES],
      )) as BalanceRowView[];
    }
    return { seats: seatsOf(activity), ...groups };
  }

  /** The applicant's languages, who nominated them, their other applications and the highest PLS level they completed. */
  async dossier(applicationId: string): Promise<ApplicationDossierView> {
    const [application] = (await this.dataSource.query(
      `SELECT ap.id, ap.applicant_id AS "applicantId", coalesce(p.languages::text[], '{}') AS languages,
         CASE WHEN ap.endorsed_by IS NOT NULL THEN json_build_object('email', n.email, 'country', n.country) END AS "nominatedBy"
       FROM applications ap LEFT JOIN applicant_profiles p ON p.user_id = ap.applicant_id LEFT JOIN users n ON n.id = ap.endorsed_by
       WHERE ap.id = $1`,
      [applicationId],
    )) as { id: string; applicantId: string; languages: string[]; nominatedBy: { email: string | null; country: string | null } | null }[];
    if (!application) throw new DomainException(R.APPLICATION_NOT_FOUND, `Application ${applicationId} not found`, { applicationId });
    const participations = await queryRows(
      this.dataSource.manager,
      EARLIER_PARTICIPATION_FIELDS,
      `SELECT ${selectList(EARLIER_PARTICIPATION_FIELDS)} FROM applications ap JOIN activities a ON a.id = ap.activity_id
       WHERE ap.applicant_id = $1 AND ap.id <> $2
       ORDER BY a.start_date DESC NULLS LAST, ap.submitted_at DESC`,
      [application.applicantId, applicationId],
    );
    const completedLevels = participations.filter((row) => row.status === 'completed' && row.plsLevel !== null).map((row) => row.plsLevel!);
    return {
      applicationId,
      languages: application.languages,
      nominatedBy: application.nominatedBy,
      plsLevelReached: completedLevels.length > 0 ? Math.max(...completedLevels) : null,
      participations,
    };
  }

  private async activity(activityId: string): Promise<ReviewedActivity> {
    const [activity] = await queryRows(
      this.dataSource.manager,
      REVIEWED_ACTIVITY_FIELDS,
      `SELECT ${REVIEWED_ACTIVITY_COLUMNS} FROM activities WHERE id = $1`,
      [activityId],
    );
    if (!activity) throw activityNotFound(activityId);
    return activity;
  }
}

function activityNotFound(activityId: string): DomainException {
  return new DomainException(R.ACTIVITY_NOT_FOUND, `Activity ${activityId} not found`, { activityId });
}

function seatsOf(activity: ReviewedActivity): Seats {
  return { capacity: activity.capacity, taken: activity.taken, left: activity.capacity - activity.taken };
}

function activityView(activity: ReviewedActivity, user: AuthUser): ApplicationsActivityView {
  const { allowed, refused } = activityApplicationsActions(activity, user);
  return {
    id: activity.id,
    code: activity.code,
    title: activity.title,
    status: activity.status,
    startDate: activity.startDate,
    endDate: activity.endDate,
    lengthDays: activity.lengthDays,
    selfPaced: activity.selfPaced,
    allowedActions: allowed,
    refusedActions: refused.map((refusal) => ({ action: refusal.action as 'attend' | 'complete', code: refusal.code, params: refusal.params })),
  };
}

/** The WHERE conditions of the filters over APPLICATION_FROM joined to the applicant's country `c`, the activity as $1. */
function filterCondition(activityId: string, filters: ApplicationFilters): { where: string[]; params: unknown[] } {
  const where = ['ap.activity_id = $1'];
  const params: unknown[] = [activityId];
  if (filters.status?.length) where.push(`ap.status = ANY($${params.push(filters.status)}::text[])`);
  if (filters.country) where.push(`ap.country = $${params.push(filters.country)}`);
  if (filters.region) where.push(`c.region = $${params.push(filters.region)}`);
  if (filters.gender) where.push(`p.gender = $${params.push(filters.gender)}`);
  if (filters.ldc !== undefined) where.push(`coalesce(c.ldc, false) = $${params.push(filters.ldc)}`);
  if (filters.q) {
    const words = filters.q.split(/\s+/).filter(Boolean);
    for (const word of words) {
      const pattern = `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      where.push(`(p.full_name ILIKE $${params.push(pattern)} OR u.email ILIKE $${params.length})`);
    }
  }
  return { where, params };
}
