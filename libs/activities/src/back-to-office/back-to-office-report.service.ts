import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type FieldMap, queryRows, selectList } from '@trta/database';
import { DomainException, HttpRefusals, type AuthUser } from '@trta/http';
import { ActivityRefusals } from '../activities.refusals';
import { REPORTABLE_STATUSES, statusIs } from '../activity.policy';
import { activityNotFound } from '../activities/activities.service';
import { diff, recordHistory } from '../activities/activity-history';
import type { ActivityStatus } from '../activities/activity.entity';
import { BackToOfficeReportView, PutBackToOfficeReportDto, RecordedParticipantsView } from './back-to-office-report.dto';

type ReportFields = Pick<
  BackToOfficeReportView,
  | 'sessionsHeld'
  | 'participantsFemale'
  | 'participantsMale'
  | 'participantsOther'
  | 'participantsNote'
  | 'objectivesMet'
  | 'evidence'
  | 'conclusion'
  | 'lessons'
>;

/** The fields staff write, in the order of the INSERT below. */
const REPORT_FIELDS = [
  'sessionsHeld',
  'participantsFemale',
  'participantsMale',
  'participantsOther',
  'objectivesMet',
  'evidence',
  'conclusion',
  'lessons',
  'participantsNote',
] as const satisfies (keyof ReportFields)[];

const NO_REPORT: ReportFields = {
  sessionsHeld: null as unknown as number,
  participantsFemale: null as unknown as number,
  participantsMale: null as unknown as number,
  participantsOther: null as unknown as number,
  participantsNote: null,
  objectivesMet: null as unknown as ReportFields['objectivesMet'],
  evidence: null,
  conclusion: null,
  lessons: null,
};

/**
 * The one spelling of back_to_office_reports' columns, over `back_to_office_reports r LEFT JOIN
 * users u ON u.id = r.author_id` (the expressions qualify their own columns).
 */
export const BACK_TO_OFFICE_REPORT_FIELDS: FieldMap<BackToOfficeReportView> = {
  activityId: 'r.activity_id',
  sessionsHeld: 'r.sessions_held',
  participantsFemale: 'r.participants_female',
  participantsMale: 'r.participants_male',
  participantsOther: 'r.participants_other',
  participantsNote: 'r.participants_note',
  objectivesMet: 'r.objectives_met',
  evidence: 'r.evidence',
  conclusion: 'r.conclusion',
  lessons: 'r.lessons',
  authorId: 'r.author_id',
  authorEmail: 'u.email',
  createdAt: 'r.created_at',
  updatedAt: 'r.updated_at',
  version: 'r.version',
};

@Injectable()
export class BackToOfficeReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The activity's report; a 404 names whether the activity or its report is missing. */
  async find(activityId: string): Promise<BackToOfficeReportView> {
    const report = await this.current(this.dataSource.manager, activityId);
    if (report) return report;
    const activity = await this.activity(this.dataSource.manager, activityId);
    throw new DomainException(ActivityRefusals.BACK_TO_OFFICE_REPORT_NOT_FOUND, `activity ${activity.code} has no back-to-office report yet`, {
      activityCode: activity.code,
    });
  }

  /**
   * Writes the whole report of a delivered activity, creating it the first time. The activity row
   * is locked, so saves of one report happen one after the other and each history row's "from" is exact.
   */
  put(activityId: string, dto: PutBackToOfficeReportDto, user: AuthUser): Promise<BackToOfficeReportView> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await this.activity(manager, activityId, 'FOR NO KEY UPDATE');
      if (!statusIs(activity.status, REPORTABLE_STATUSES)) {
        throw new DomainException(
          ActivityRefusals.ACTIVITY_NOT_DELIVERED,
          `a back-to-office report can be written only once the activity is delivered; activity ${activity.code} is ${activity.status}`,
          { activityCode: activity.code, status: activity.status },
          { status: activity.status },
        );
      }
      const before = await this.current(manager, activityId);
      if (dto.version !== undefined && dto.version !== before?.version) {
        throw new DomainException(
          HttpRefusals.STALE_VERSION,
          before
            ? `the back-to-office report was changed by someone else (current version ${before.version})`
            : 'the back-to-office report does not exist yet; leave version out to create it',
          { currentVersion: before?.version ?? null },
          { currentVersion: before?.version ?? null },
        );
      }
      const after: ReportFields = {
        sessionsHeld: dto.sessionsHeld,
        participantsFemale: dto.participantsFemale,
        participantsMale: dto.participantsMale,
        participantsOther: dto.participantsOther,
        participantsNote: dto.participantsNote ?? null,
        objectivesMet: dto.objectivesMet,
        evidence: dto.evidence ?? null,
        conclusion: dto.conclusion ?? null,
        lessons: dto.lessons ?? null,
      };
      this.assertPlausible(activity.code, await this.recordedIn(manager, activityId), after);
      const changes = diff<ReportFields>(before ?? NO_REPORT, after, REPORT_FIELDS);
      if (before && Object.keys(changes).length === 0) return before;

      await manager.query(
        `INSERT INTO back_to_office_reports (activity_id, author_id, sessions_held, participants_female, participants_male,
           participants_other, objectives_met, evidence, conclusion, lessons, participants_note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (activity_id) DO UPDATE SET author_id = excluded.author_id, sessions_held = excluded.sessions_held,
           participants_female = excluded.participants_female, participants_male = excluded.participants_male,
           participants_other = excluded.participants_other, objectives_met = excluded.objectives_met,
           evidence = excluded.evidence, conclusion = excluded.conclusion, lessons = excluded.lessons,
           participants_note = excluded.participants_note,
           updated_at = now(), version = back_to_office_reports.version + 1`,
        [activityId, user.id, ...REPORT_FIELDS.map((field) => after[field])],
      );
      await recordHistory(manager, activityId, user.id, 'back-to-office-report', changes);
      return (await this.current(manager, activityId))!;
    });
  }

  /** The participants recorded for the activity by gender, the people known to it and the most a report may say were observed. */
  async recorded(activityId: string): Promise<RecordedParticipantsView> {
    await this.activity(this.dataSource.manager, activityId);
    return this.recordedIn(this.dataSource.manager, activityId);
  }

  /**
   * The plausibility rule of the report's participants (DESIGN section 3): no more observed than
   * the activity's seats, nor, when people applied or were registered, than those people; and when
   * participants were recorded as attending, an observed total that differs needs a note.
   */
  private assertPlausible(activityCode: string, recorded: RecordedParticipantsView, report: ReportFields): void {
    const observed = report.participantsFemale + report.participantsMale + report.participantsOther;
    if (observed > recorded.maximumObserved) {
      throw new DomainException(
        ActivityRefusals.OBSERVED_PARTICIPANTS_IMPLAUSIBLE,
        `${observed} participants observed is more than could have attended activity ${activityCode}: at most ${recorded.maximumObserved} ` +
          `(capacity ${recorded.capacity}, ${recorded.applications} people applied or registered, ${recorded.total} recorded as attending)`,
        { observed, maximum: recorded.maximumObserved, capacity: recorded.capacity, applications: recorded.applications, recorded: recorded.total },
      );
    }
    if (recorded.total > 0 && observed !== recorded.total && !report.participantsNote) {
      throw new DomainException(
        ActivityRefusals.PARTICIPANTS_NOTE_REQUIRED,
        `participantsNote: ${observed} participants observed differs from the ${recorded.total} recorded as attending activity ${activityCode}; say why`,
        { observed, recorded: recorded.total },
      );
    }
  }

  private async recordedIn(manager: EntityManager, activityId: string): Promise<RecordedParticipantsView> {
    // A read of the applications library's table: who attended, as participation recorded them.
    const [row] = (await manager.query(
      `SELECT count(*) FILTER (WHERE ap.status IN ('attended', 'completed') AND p.gender = 'female')::int AS female,
         count(*) FILTER (WHERE ap.status IN ('attended', 'completed') AND p.gender = 'male')::int AS male,
         count(*) FILTER (WHERE ap.status IN ('attended', 'completed') AND coalesce(p.gender, 'undisclosed') NOT IN ('female', 'male'))::int AS other,
         count(*) FILTER (WHERE ap.status IN ('attended', 'completed'))::int AS total,
         count(*) FILTER (WHERE ap.status <> 'withdrawn')::int AS applications,
         (SELECT capacity FROM activities WHERE id = $1) AS capacity
       FROM applications ap LEFT JOIN applicant_profiles p ON p.user_id = ap.applicant_id
       WHERE ap.activity_id = $1`,
      [activityId],
    )) as Omit<RecordedParticipantsView, 'maximumObserved'>[];
    const maximumObserved = row.applications > 0 ? Math.min(row.capacity, row.applications) : row.capacity;
    return { ...row, maximumObserved };
  }

  private async current(manager: EntityManager, activityId: string): Promise<BackToOfficeReportView | undefined> {
    const [report] = await queryRows(
      manager,
      BACK_TO_OFFICE_REPORT_FIELDS,
      `SELECT ${selectList(BACK_TO_OFFICE_REPORT_FIELDS)} FROM back_to_office_reports r LEFT JOIN users u ON u.id = r.author_id WHERE r.activity_id = $1`,
      [activityId],
    );
    return report;
  }

  private async activity(
    manager: EntityManager,
    activityId: string,
    lock: 'FOR NO KEY UPDATE' | '' = '',
  ): Promise<{ code: string; status: ActivityStatus }> {
    const [activity] = (await manager.query(`SELECT code, status FROM activities WHERE id = $1 ${lock}`, [activityId])) as {
      code: string;
      status: ActivityStatus;
    }[];
    if (!activity) throw activityNotFound(activityId);
    return activity;
  }
}
