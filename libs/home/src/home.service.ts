import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTIVITY_FIELDS, SCHEDULED_STATUSES, statusIn } from '@trta/activities';
import { ATTENDED_STATUSES, type ApplicationStatus } from '@trta/applications';
import { type FieldMap, queryRows, selectList } from '@trta/database';
import type { AuthUser } from '@trta/http';
import type {
  ApplicantHomeView,
  AuditorHomeView,
  FocalPointHomeView,
  HomeActivityView,
  HomeApplicationView,
  HomeAuditReportView,
  HomeRequestView,
  HomeStaffActivityView,
  Limited,
  StaffHomeView,
} from './home.dto';
import { nextStepOf, ONGOING_STATUSES } from './next-step';

/** The activity columns every row of a home page carries, over `activities a`. */
interface ActivityColumns {
  activityId: string;
  activityCode: string;
  activityTitle: string;
  activityStatus: HomeActivityView['status'];
  activityStartDate: string | null;
  activityDeadline: string | null;
}
const ACTIVITY_COLUMNS: FieldMap<ActivityColumns> = {
  activityId: `a.${ACTIVITY_FIELDS.id}`,
  activityCode: `a.${ACTIVITY_FIELDS.code}`,
  activityTitle: `a.${ACTIVITY_FIELDS.title}`,
  activityStatus: `a.${ACTIVITY_FIELDS.status}`,
  activityStartDate: `a.${ACTIVITY_FIELDS.startDate}`,
  activityDeadline: `a.${ACTIVITY_FIELDS.applicationDeadline}`,
};
/** `count(*) OVER ()`: the rows the query has in all, beside the few it returns. */
interface Counted {
  total: number;
}
const COUNTED: FieldMap<Counted> = { total: 'count(*) OVER ()::int' };

interface ApplicationColumns extends ActivityColumns, Counted {
  id: string;
  status: ApplicationStatus;
  waitlistPosition: number | null;
  certificateCode: string | null;
  submittedAt: Date;
  completedAt: Date | null;
  requiresNomination: boolean;
  activityStarted: boolean;
  hasEvaluation: boolean;
}
const APPLICATION_COLUMNS: FieldMap<ApplicationColumns> = {
  ...ACTIVITY_COLUMNS,
  ...COUNTED,
  id: 'ap.id',
  status: 'ap.status',
  waitlistPosition: 'ap.waitlist_position',
  certificateCode: 'ap.certificate_code',
  submittedAt: 'ap.submitted_at',
  completedAt: 'ap.completed_at',
  requiresNomination: `a.${ACTIVITY_FIELDS.requiresNomination}`,
  activityStarted: 'coalesce(a.start_date <= current_date, false)',
  hasEvaluation: 'EXISTS (SELECT 1 FROM evaluations e WHERE e.application_id = ap.id)',
};

interface StaffActivityColumns extends ActivityColumns, Counted {
  pending: number;
}

interface RequestColumns extends HomeRequestView, Counted {}
const REQUEST_COLUMNS: FieldMap<RequestColumns> = {
  ...COUNTED,
  id: 'r.id',
  country: 'r.country::text',
  preferredQuarter: 'r.preferred_quarter',
  topics: 'r.topics',
  status: 'r.status',
  createdAt: 'r.created_at',
};

interface ReportColumns extends HomeAuditReportView, Counted {}
const REPORT_COLUMNS: FieldMap<ReportColumns> = {
  ...COUNTED,
  id: 'r.id',
  year: 'r.year',
  version: 'r.version',
  status: 'r.status',
  progress: 'r.progress',
  requestedAt: 'r.requested_at',
  finalizedAt: 'r.finalized_at',
};

/** Applications waiting for a staff decision: endorsed, or submitted where no nomination is needed. */
const PENDING_DECISION = `(ap.status = 'endorsed' OR (ap.status = 'submitted' AND NOT a.${ACTIVITY_FIELDS.requiresNomination}))`;
/** National requests the committee has not decided yet. */
const UNDECIDED_REQUESTS = `r.status IN ('submitted', 'under_review')`;

function activityOf(row: ActivityColumns): HomeActivityView {
  return {
    id: row.activityId,
    code: row.activityCode,
    title: row.activityTitle,
    status: row.activityStatus,
    startDate: row.activityStartDate,
    applicationDeadline: row.activityDeadline,
  };
}

function limited<Row extends Counted, T>(rows: Row[], map: (row: Row) => T): Limited<T> {
  return { items: rows.map(map), total: rows[0]?.total ?? 0 };
}

function withoutTotal<Row extends Counted>({ total: _total, ...row }: Row): Omit<Row, 'total'> {
  return row;
}

/**
 * The first page after sign-in, one per role (issue 15, item 3): a few rows of each list that
 * asks something of the person, and how many there are in all. Read-only.
 */
@Injectable()
export class HomeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async applicant(user: AuthUser, limit: number): Promise<ApplicantHomeView> {
    const applications = (where: string, order: string) =>
      queryRows(
        this.dataSource.manager,
        APPLICATION_COLUMNS,
        `SELECT ${selectList(APPLICATION_COLUMNS)}
         FROM applications ap JOIN activities a ON a.id = ap.activity_id
         WHERE ap.applicant_id = $1 AND ${where}
         ORDER BY ${order}, ap.id LIMIT $2`,
        [user.id, limit],
      ).then((rows) => limited(rows, applicationOf));
    const [ongoing, evaluationsDue, certificates] = await Promise.all([
      applications(`ap.status IN (${quoted(ONGOING_STATUSES)})`, 'a.start_date NULLS LAST, ap.submitted_at'),
      applications(
        `ap.status IN (${quoted(ATTENDED_STATUSES)}) AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.application_id = ap.id)`,
        'a.end_date DESC NULLS LAST',
      ),
      applications(`ap.status = 'completed'`, 'ap.completed_at DESC NULLS LAST'),
    ]);
    return { applications: ongoing, evaluationsDue, certificates };
  }

  async focalPoint(user: AuthUser, limit: number): Promise<FocalPointHomeView> {
    const country = user.country;
    if (!country) return { country: null, nominations: { items: [], total: 0 }, nominationsWaiting: 0, requests: { items: [], total: 0 } };
    const nominationColumns: FieldMap<ActivityColumns & Counted & { waiting: number; all: number; quota: number; endorsed: number }> = {
      ...ACTIVITY_COLUMNS,
      ...COUNTED,
      waiting: 'count(*)::int',
      all: 'sum(count(*)) OVER ()::int',
      quota: `a.${ACTIVITY_FIELDS.nominationQuota}`,
      endorsed: 'coalesce(nc.endorsed, 0)',
    };
    const [nominations, requests] = await Promise.all([
      queryRows(
        this.dataSource.manager,
        nominationColumns,
        `SELECT ${selectList(nominationColumns)}
         FROM applications ap JOIN activities a ON a.id = ap.activity_id
         LEFT JOIN nomination_counts nc ON nc.activity_id = a.id AND nc.country = ap.country
         WHERE ap.country = $1 AND ap.status = 'submitted' AND a.${ACTIVITY_FIELDS.requiresNomination} AND ${statusIn('a.status', SCHEDULED_STATUSES)}
         GROUP BY a.id, nc.endorsed
         ORDER BY a.application_deadline NULLS LAST, a.start_date NULLS LAST, a.code LIMIT $2`,
        [country, limit],
      ),
      queryRows(
        this.dataSource.manager,
        REQUEST_COLUMNS,
        `SELECT ${selectList(REQUEST_COLUMNS)} FROM national_requests r
         WHERE r.country = $1 AND ${UNDECIDED_REQUESTS} ORDER BY r.created_at DESC, r.id DESC LIMIT $2`,
        [country, limit],
      ),
    ]);
    return {
      country,
      nominations: limited(nominations, (row) => ({
        activity: activityOf(row),
        waiting: row.waiting,
        quota: row.quota,
        endorsed: row.endorsed,
        left: Math.max(row.quota - row.endorsed, 0),
      })),
      nominationsWaiting: nominations[0]?.all ?? 0,
      requests: limited(requests, withoutTotal),
    };
  }

  async staff(limit: number): Promise<StaffHomeView> {
    const reviewColumns: FieldMap<StaffActivityColumns & { all: number }> = {
      ...ACTIVITY_COLUMNS,
      ...COUNTED,
      pending: 'count(*)::int',
      all: 'sum(count(*)) OVER ()::int',
    };
    const pendingOf = `(SELECT count(*)::int FROM applications ap WHERE ap.activity_id = a.id AND ${PENDING_DECISION})`;
    const activityColumns: FieldMap<StaffActivityColumns> = { ...ACTIVITY_COLUMNS, ...COUNTED, pending: pendingOf };
    const activities = (where: string, order: string) =>
      queryRows(
        this.dataSource.manager,
        activityColumns,
        `SELECT ${selectList(activityColumns)} FROM activities a WHERE ${where} ORDER BY ${order}, a.code LIMIT $1`,
        [limit],
      ).then((rows) => limited(rows, staffActivityOf));
    const [review, deadlinePassed, sheetMissing, reportMissing, requests] = await Promise.all([
      queryRows(
        this.dataSource.manager,
        reviewColumns,
        `SELECT ${selectList(reviewColumns)}
         FROM applications ap JOIN activities a ON a.id = ap.activity_id
         WHERE ${PENDING_DECISION} AND ${statusIn('a.status', SCHEDULED_STATUSES)}
         GROUP BY a.id
         ORDER BY a.start_date NULLS LAST, a.code LIMIT $1`,
        [limit],
      ),
      activities(
        `a.status IN ('open', 'closed') AND a.application_deadline < current_date
         AND (a.start_date IS NULL OR a.start_date >= current_date) AND (a.status = 'open' OR ${pendingOf} > 0)`,
        'a.application_deadline',
      ),
      activities(
        `a.status IN ('planned', 'confirmed') AND a.sheet_published_at IS NULL
         AND a.start_date BETWEEN current_date AND current_date + 90`,
        'a.start_date',
      ),
      activities(`a.status = 'delivered' AND NOT EXISTS (SELECT 1 FROM back_to_office_reports b WHERE b.activity_id = a.id)`, 'a.end_date DESC NULLS LAST'),
      queryRows(
        this.dataSource.manager,
        REQUEST_COLUMNS,
        `SELECT ${selectList(REQUEST_COLUMNS)} FROM national_requests r WHERE ${UNDECIDED_REQUESTS} ORDER BY r.created_at, r.id LIMIT $1`,
        [limit],
      ),
    ]);
    return {
      applicationsToReview: limited(review, staffActivityOf),
      applicationsPending: review[0]?.all ?? 0,
      deadlinePassed,
      sheetMissing,
      reportMissing,
      requestsToReview: limited(requests, withoutTotal),
    };
  }

  async auditor(limit: number): Promise<AuditorHomeView> {
    const [reports, years] = await Promise.all([
      queryRows(this.dataSource.manager, REPORT_COLUMNS, `SELECT ${selectList(REPORT_COLUMNS)} FROM audit_reports r ORDER BY r.requested_at DESC, r.id DESC LIMIT $1`, [limit]),
      this.dataSource.query(`SELECT DISTINCT year FROM audit_reports WHERE status = 'completed' ORDER BY year DESC`) as Promise<{ year: number }[]>,
    ]);
    return { reports: limited(reports, withoutTotal), yearsReported: years.map((row) => row.year) };
  }
}

function quoted(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}

function applicationOf(row: ApplicationColumns): HomeApplicationView {
  return {
    id: row.id,
    activity: activityOf(row),
    status: row.status,
    waitlistPosition: row.waitlistPosition,
    nextStep: nextStepOf(row),
    certificateCode: row.certificateCode,
    submittedAt: row.submittedAt,
    completedAt: row.completedAt,
  };
}

function staffActivityOf(row: StaffActivityColumns): HomeStaffActivityView {
  return { activity: activityOf(row), pending: row.pending };
}
