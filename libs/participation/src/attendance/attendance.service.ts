import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationRefusals, DecisionsService, isRecordableActivity, RECORDABLE_ACTIVITY_STATUSES } from '@trta/applications';
import { ACTIVITY_FIELDS } from '@trta/activities';
import { pgError, selectList } from '@trta/database';
import { DomainException, type AuthUser } from '@trta/http';
import { NotificationKind, NotificationsService } from '@trta/notifications';
import { newCertificateCode } from '../certificates/certificate-code';
import { ParticipationRefusals as R } from '../participation.refusals';
import { applicationFor } from '../shared/application-access';
import { PARTICIPATION_TRANSITIONS, ParticipationAction, ParticipationView } from './attendance.dto';


interface ActivityFacts {
  code: string;
  title: string;
  status: string;
  lengthDays: number | null;
}

/**
 * Attendance, completion and no-shows. Each is one conditional UPDATE on the status it starts
 * from, so two staff members acting at once cannot both succeed: the second finds the row
 * already moved and gets a 409 naming where it is.
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
      const activity = await this.activityOf(manager, id, user);
      if (activity.lengthDays !== null && attendedDays > activity.lengthDays) {
        throw new DomainException(
          R.ATTENDED_DAYS_EXCEED_LENGTH,
          `attendedDays ${attendedDays} is more than the ${activity.lengthDays} days activity ${activity.code} lasts`,
          { attendedDays, lengthDays: activity.lengthDays, activityCode: activity.code },
        );
      }
      return this.move(manager, id, 'attend', { attendedDays });
    });
  }

  async noShow(id: string, user: AuthUser): Promise<ParticipationView> {
    return this.dataSource.transaction(async (manager) => {
      await this.activityOf(manager, id, user);
      return this.move(manager, id, 'no-show', {});
    });
  }

  /** attended → completed, with a new certificate code; the participant is told their certificate is ready. */
  async complete(id: string, user: AuthUser): Promise<ParticipationView> {
    // A clash of two random 50-bit codes is all but impossible; if it happens, the unique index says so and a new code is drawn.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.completeOnce(id, user);
      } catch (error) {
        if (attempt < 3 && pgError(error)?.constraint === 'applications_certificate_code_key') continue;
        throw error;
      }
    }
  }

  private async completeOnce(id: string, user: AuthUser): Promise<ParticipationView> {
    const { view, notificationId } = await this.dataSource.transaction(async (manager) => {
      const activity = await this.activityOf(manager, id, user);
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

  private async activityOf(manager: EntityManager, id: string, user: AuthUser): Promise<ActivityFacts> {
    const application = await applicationFor(manager, id, user);
    const [activity] = (await manager.query(
      `SELECT ${selectList(ACTIVITY_FIELDS, null, ['code', 'title', 'status'])}, (end_date - start_date + 1) AS "lengthDays" FROM activities WHERE id = $1`,
      [application.activityId],
    )) as ActivityFacts[];
    if (!isRecordableActivity(activity.status)) {
      throw new DomainException(
        R.ACTIVITY_NOT_RECORDABLE,
        `activity ${activity.code} is ${activity.status}; attendance is recorded only for activities ${RECORDABLE_ACTIVITY_STATUSES.join(', ')}`,
        { activityCode: activity.code, status: activity.status, recordableStatuses: [...RECORDABLE_ACTIVITY_STATUSES] },
      );
    }
    return activity;
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
