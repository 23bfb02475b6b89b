import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ApplicationRefusals,
  DecisionsService,
  isRecordableActivity,
  participationTimingRefusal,
  RECORDABLE_ACTIVITY_STATUSES,
  SELF_PACED_MODE,
  type BulkProblem,
  type ParticipationTiming,
} from '@trta/applications';
import { ACTIVITY_FIELDS } from '@trta/activities';
import { pgError, queryRows, selectList, type FieldMap } from '@trta/database';
import { DomainException, type AuthUser } from '@trta/http';
import { NotificationKind, NotificationsService } from '@trta/notifications';
import { newCertificateCode } from '../certificates/certificate-code';
import { ParticipationRefusals as R } from '../participation.refusals';
import { applicationFor } from '../shared/application-access';
import { PARTICIPATION_TRANSITIONS, ParticipationAction, type BulkParticipationView, type ParticipationView } from './attendance.dto';

/** What recording participation needs to know of the activity: its status, length and dates. */
interface ActivityFacts extends ParticipationTiming {
  id: string;
  code: string;
  title: string;
  status: string;
  lengthDays: number | null;
}

const ACTIVITY_FACT_FIELDS: FieldMap<ActivityFacts> = {
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
};

/** A locked application of a batch, as its checks need it. */
interface BatchRow {
  id: string;
  status: string;
}

/**
 * Attendance, completion and no-shows, one at a time or in bulk. Each is a conditional UPDATE on
 * the status it starts from, so two staff members acting at once cannot both succeed: the second
 * finds the row already moved and gets a 409 naming where it is. The activity's dates decide
 * when (DESIGN section 3, the policy's `participationTimingRefusal`): attendance once it has
 * started, completion once it has ended, except in self-paced e-learning.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly decisions: DecisionsService,
  ) {}

  async attend(id: string, attendedDays: number, user: AuthUser): Promise<ParticipationView> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await this.activityOf(manager, id, user, 'attend');
      if (activity.lengthDays !== null && attendedDays > activity.lengthDays) throw daysExceedLength(activity, attendedDays);
      return this.move(manager, id, 'attend', { attendedDays });
    });
  }

  async noShow(id: string, user: AuthUser): Promise<ParticipationView> {
    return this.dataSource.transaction(async (manager) => {
      await this.activityOf(manager, id, user, 'no-show');
      return this.move(manager, id, 'no-show', {});
    });
  }

  /** attended → completed, with a new certificate code; the participant is told their certificate is ready. */
  async complete(id: string, user: AuthUser): Promise<ParticipationView> {
    return withFreshCodes(() => this.completeOnce(id, user));
  }

  /** Many selected participants attended, each with their days: all recorded, or none and every failing one listed. */
  async attendMany(activityId: string, records: { applicationId: string; attendedDays: number }[]): Promise<BulkParticipationView> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await this.recordableActivity(manager, activityId, 'attend');
      const rows = await this.lockBatch(manager, activityId, records.map((record) => record.applicationId));
      const problems: BulkProblem[] = [];
      for (const record of records) {
        const problem = this.checkRecord(rows.get(record.applicationId), record.applicationId, 'attend');
        if (problem) problems.push(problem);
        else if (activity.lengthDays !== null && record.attendedDays > activity.lengthDays) {
          const refusal = daysExceedLength(activity, record.attendedDays);
          problems.push({ applicationId: record.applicationId, problem: refusal.message, code: refusal.code, params: refusal.params });
        }
      }
      await this.refuseProblems(manager, problems, records.length, 'attendance');
      const moved = await this.decisions.recordParticipationMany(
        manager,
        activityId,
        PARTICIPATION_TRANSITIONS.attend,
        records.map((record) => ({ id: record.applicationId, attendedDays: record.attendedDays })),
      );
      return { recorded: moved.length, items: moved };
    });
  }

  /** Everyone still selected attended, each for `attendedDays` (default: the activity's length). */
  async attendEveryone(activityId: string, attendedDays: number | undefined): Promise<BulkParticipationView> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await this.recordableActivity(manager, activityId, 'attend');
      const days = attendedDays ?? activity.lengthDays ?? 0;
      if (activity.lengthDays !== null && days > activity.lengthDays) throw daysExceedLength(activity, days);
      const selected = (await manager.query(
        `SELECT id FROM applications WHERE activity_id = $1 AND status = ANY($2) ORDER BY submitted_at, id FOR UPDATE`,
        [activityId, PARTICIPATION_TRANSITIONS.attend.from],
      )) as { id: string }[];
      const moved = await this.decisions.recordParticipationMany(
        manager,
        activityId,
        PARTICIPATION_TRANSITIONS.attend,
        selected.map((row) => ({ id: row.id, attendedDays: days })),
      );
      return { recorded: moved.length, items: moved };
    });
  }

  /**
   * Completions with their certificates: the applications named, or every participant who
   * qualifies (attended) when none is named. All recorded, or none and every failing one listed.
   */
  async completeMany(activityId: string, applicationIds: string[] | undefined): Promise<BulkParticipationView> {
    return withFreshCodes(() => this.completeManyOnce(activityId, applicationIds));
  }

  private async completeManyOnce(activityId: string, applicationIds: string[] | undefined): Promise<BulkParticipationView> {
    const { view, notificationIds } = await this.dataSource.transaction(async (manager) => {
      const activity = await this.recordableActivity(manager, activityId, 'complete');
      let ids: string[];
      if (applicationIds) {
        const rows = await this.lockBatch(manager, activityId, applicationIds);
        const problems = applicationIds.flatMap((id) => this.checkRecord(rows.get(id), id, 'complete') ?? []);
        await this.refuseProblems(manager, problems, applicationIds.length, 'completions');
        ids = applicationIds;
      } else {
        ids = (
          (await manager.query(`SELECT id FROM applications WHERE activity_id = $1 AND status = ANY($2) ORDER BY submitted_at, id FOR UPDATE`, [
            activityId,
            PARTICIPATION_TRANSITIONS.complete.from,
          ])) as { id: string }[]
        ).map((row) => row.id);
      }
      const moved = await this.decisions.recordParticipationMany(
        manager,
        activityId,
        PARTICIPATION_TRANSITIONS.complete,
        ids.map((id) => ({ id, certificateCode: newCertificateCode() })),
      );
      const notificationIds: (string | null)[] = [];
      for (const completed of moved) {
        notificationIds.push(
          await this.notifications.queue(manager, {
            userId: completed.applicantId,
            kind: NotificationKind.CertificateReady,
            applicationId: completed.id,
            params: { activityCode: activity.code, activityTitle: activity.title, certificateCode: completed.certificateCode ?? undefined },
          }),
        );
      }
      return { view: { recorded: moved.length, items: moved }, notificationIds };
    });
    await this.notifications.dispatch(notificationIds);
    return view;
  }

  private async completeOnce(id: string, user: AuthUser): Promise<ParticipationView> {
    const { view, notificationId } = await this.dataSource.transaction(async (manager) => {
      const activity = await this.activityOf(manager, id, user, 'complete');
      const completed = await this.move(manager, id, 'complete', { certificateCode: newCertificateCode() });
      const notificationId = await this.notifications.queue(manager, {
        userId: completed.applicantId,
        kind: NotificationKind.CertificateReady,
        applicationId: completed.id,
        params: { activityCode: activity.code, activityTitle: activity.title, certificateCode: completed.certificateCode ?? undefined },
      });
      return { view: completed, notificationId };
    });
    await this.notifications.dispatch([notificationId]);
    return view;
  }

  /** The activity of an application the caller may reach, when `action` may be recorded for it now. */
  private async activityOf(manager: EntityManager, id: string, user: AuthUser, action: ParticipationAction): Promise<ActivityFacts> {
    const application = await applicationFor(manager, id, user);
    return this.recordableActivity(manager, application.activityId, action);
  }

  /** The activity, refused unless its status records participation and its dates allow `action` now. */
  private async recordableActivity(manager: EntityManager, activityId: string, action: ParticipationAction): Promise<ActivityFacts> {
    const [activity] = await queryRows(manager, ACTIVITY_FACT_FIELDS, `SELECT ${selectList(ACTIVITY_FACT_FIELDS)} FROM activities WHERE id = $1`, [activityId]);
    if (!activity) throw new DomainException(ApplicationRefusals.ACTIVITY_NOT_FOUND, `Activity ${activityId} not found`, { activityId });
    if (!isRecordableActivity(activity.status)) {
      throw new DomainException(
        R.ACTIVITY_NOT_RECORDABLE,
        `activity ${activity.code} is ${activity.status}; attendance is recorded only for activities ${RECORDABLE_ACTIVITY_STATUSES.join(', ')}`,
        { activityCode: activity.code, status: activity.status, recordableStatuses: [...RECORDABLE_ACTIVITY_STATUSES] },
      );
    }
    const timing = participationTimingRefusal(action, activity);
    if (timing?.code === 'ACTIVITY_NOT_STARTED') {
      throw new DomainException(
        R.ACTIVITY_NOT_STARTED,
        `activity ${activity.code} starts on ${activity.startDate ?? '(no date)'}: ${action} is recorded only once it has started`,
        { ...timing.params, activityCode: activity.code },
      );
    }
    if (timing?.code === 'ACTIVITY_NOT_ENDED') {
      throw new DomainException(
        R.ACTIVITY_NOT_ENDED,
        `activity ${activity.code} ends on ${activity.endDate ?? '(no date)'}: completion and certificates only once it has ended (self-paced e-learning excepted)`,
        { ...timing.params, activityCode: activity.code },
      );
    }
    return activity;
  }

  /** The batch's applications of this activity, locked for the batch's transaction. */
  private async lockBatch(manager: EntityManager, activityId: string, ids: string[]): Promise<Map<string, BatchRow>> {
    const rows = (await manager.query(`SELECT id, status FROM applications WHERE activity_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`, [
      activityId,
      ids,
    ])) as BatchRow[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The problem of one record of a batch, or undefined when it can be recorded. */
  private checkRecord(row: BatchRow | undefined, id: string, action: ParticipationAction): BulkProblem | undefined {
    if (!row) {
      return {
        applicationId: id,
        problem: `application ${id} is not an application to this activity`,
        code: ApplicationRefusals.APPLICATION_NOT_IN_ACTIVITY.code,
        params: { applicationId: id },
      };
    }
    const transition = PARTICIPATION_TRANSITIONS[action];
    if ((transition.from as readonly string[]).includes(row.status)) return undefined;
    return {
      applicationId: id,
      problem: `application ${id} is ${row.status}; ${action} needs it to be ${transition.from.join(' or ')}`,
      code: R.ATTENDANCE_TRANSITION_NOT_ALLOWED.code,
      params: { action, status: row.status, allowedFrom: [...transition.from] },
    };
  }

  private async refuseProblems(manager: EntityManager, problems: BulkProblem[], total: number, what: string): Promise<void> {
    if (problems.length === 0) return;
    await this.decisions.nameApplicants(manager, problems);
    throw new DomainException(
      R.PARTICIPATION_RECORDS_REFUSED,
      `${problems.length} of ${total} ${what} records cannot be applied; nothing was changed`,
      { failed: problems.length, total },
      { errors: problems },
    );
  }

  /** The conditional UPDATE; when no row moved, a 409 naming the status the application is in and the ones the action needs. */
  private async move(
    manager: EntityManager,
    id: string,
    action: ParticipationAction,
    recorded: { attendedDays?: number; certificateCode?: string },
  ): Promise<ParticipationView> {
    const transition = PARTICIPATION_TRANSITIONS[action];
    const moved = await this.decisions.recordParticipation(manager, id, transition, recorded);
    if (moved) return moved;
    const [current] = (await manager.query('SELECT status FROM applications WHERE id = $1', [id])) as { status: string }[];
    if (!current) throw new DomainException(ApplicationRefusals.APPLICATION_NOT_FOUND, `Application ${id} not found`, { applicationId: id });
    throw new DomainException(
      R.ATTENDANCE_TRANSITION_NOT_ALLOWED,
      `application ${id} is ${current.status}; ${action} needs it to be ${transition.from.join(' or ')}`,
      { action, status: current.status, allowedFrom: [...transition.from] },
      { currentStatus: current.status, allowedStatuses: transition.from },
    );
  }
}

function daysExceedLength(activity: ActivityFacts, attendedDays: number): DomainException {
  return new DomainException(
    R.ATTENDED_DAYS_EXCEED_LENGTH,
    `attendedDays ${attendedDays} is more than the ${activity.lengthDays} days activity ${activity.code} lasts`,
    { attendedDays, lengthDays: activity.lengthDays, activityCode: activity.code },
  );
}

/** A clash of two random 50-bit codes is all but impossible; if it happens, the unique index says so and new codes are drawn. */
async function withFreshCodes<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt < 3 && pgError(error)?.constraint === 'applications_certificate_code_key') continue;
      throw error;
    }
  }
}
