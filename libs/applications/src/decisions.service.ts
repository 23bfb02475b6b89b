import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows, returnedRows } from '@trta/database';
import { DomainException, type AuthUser } from '@trta/http';
import { ApplicationRefusals as R } from './applications.refusals';
import { NotificationKind, NotificationsService, type NotificationParams } from '@trta/notifications';
import { constraintConflict, LOCKED_ACTIVITY_COLUMNS, LOCKED_ACTIVITY_FIELDS, type LockedActivity } from './application-queries';
import {
  DECIDING_ACTIVITY_STATUSES,
  DECISION_TARGET,
  decisionAllowedFrom,
  isDecidingActivity,
  mayDecide,
  mayNominate,
  mayWithdraw,
  NOMINATION_FROM,
  WITHDRAWABLE,
  type ApplicationStatus,
  type DecisionAction,
  type NominationAction,
} from './application.policy';
import { BulkDecisionsDto, type ApplicationView, type BulkDecisionItemView, type BulkDecisionsView, type BulkProblem, type Seats } from './applications.dto';
import { ApplicationsService } from './applications.service';

interface LockedApplication {
  id: string;
  activityId: string;
  applicantId: string;
  country: string;
  status: ApplicationStatus;
  waitlistPosition: number | null;
}

const NOTIFY_ON: Readonly<Record<DecisionAction, NotificationKind>> = {
  select: NotificationKind.ApplicationSelected,
  waitlist: NotificationKind.ApplicationWaitlisted,
  reject: NotificationKind.ApplicationRejected,
};

// Bulk decisions run the freeing ones first, so one batch can reject a selected applicant and select another.
const BULK_ORDER: Readonly<Record<DecisionAction, number>> = { reject: 0, select: 1, waitlist: 2 };

const WAITLIST_SHIFT = 1_000_000;

const PARTICIPATION_COLUMNS = `id, activity_id AS "activityId", applicant_id AS "applicantId", status, attended_days AS "attendedDays",
  completed_at AS "completedAt", certificate_code AS "certificateCode", version, updated_at AS "updatedAt"`;

/** An application as participation shows it after attendance, completion or a no-show. */
export interface ParticipationRow {
  id: string;
  activityId: string;
  applicantId: string;
  status: 'attended' | 'completed' | 'no_show';
  attendedDays: number | null;
  completedAt: string | null;
  certificateCode: string | null;
  version: number;
  updatedAt: string;
}


/**
 * Every change of an application's status after submission: the applicant's withdrawal, the
 * focal point's nomination and staff's selection. Capacity and nomination quota are enforced by
 * the trigger of migration 0008 (a CHECK on counters it keeps), never by counting here; the
 * activity row lock only serialises waitlist positions. Notifications are written in the same
 * transaction and handed to the worker after it commits.
 */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The applicant withdraws before the start; a freed seat goes to the first of the waitlist. */
  async withdraw(id: string, user: AuthUser): Promise<ApplicationView> {
    const notificationIds = await this.dataSource.transaction(async (manager) => {
      const [owned] = (await manager.query('SELECT activity_id AS "activityId" FROM applications WHERE id = $1 AND applicant_id = $2', [
        id,
        user.id,
      ])) as { activityId: string }[];
      if (!owned) throw new DomainException(R.APPLICATION_NOT_FOUND, `Application ${id} not found`, { applicationId: id });
      const activity = await this.lockActivity(manager, owned.activityId);
      const application = await this.lockApplication(manager, id, activity.id);
      if (!mayWithdraw(application.status)) {
        throw this.illegal(application, 'withdraw', WITHDRAWABLE);
      }
      if (activity.started) {
        throw new DomainException(
          R.ACTIVITY_STARTED,
          `activity ${activity.code} started on ${activity.startDate}: an application can only be withdrawn before the start`,
          { activityCode: activity.code, startDate: activity.startDate },
        );
      }
      await manager.query(
        `UPDATE applications SET status = 'withdrawn', withdrawn_at = now(), waitlist_position = NULL,
           version = version + 1, updated_at = now() WHERE id = $1`,
        [id],
      );
      if (application.waitlistPosition !== null) await this.closeWaitlistGap(manager, activity.id, application.waitlistPosition);
      if (application.status === 'selected') {
        const promoted = await this.promoteFirstWaitlisted(manager, activity);
        if (promoted) return [promoted];
      }
      return [];
    });
    await this.notifications.dispatch(notificationIds);
    return this.applications.view(id, user);
  }

  /** The focal point of the application's country endorses or declines it; the quota is the trigger's. */
  async nominate(id: string, action: NominationAction, reason: string | undefined, user: AuthUser): Promise<ApplicationView> {
    const visible = await this.applications.findVisible(id, user);
    if (user.role !== 'focal_point' || user.country !== visible.country) {
      throw new DomainException(R.NOT_FOCAL_POINT_OF_COUNTRY, `only a focal point of ${visible.country} may ${action} this application`, {
        country: visible.country,
        action,
      });
    }
    const activity = await this.activity(this.dataSource.manager, visible.activityId);
    const notificationIds = await this.dataSource
      .transaction(async (manager) => {
        const application = await this.lockApplication(manager, id, activity.id);
        if (!activity.requiresNomination) {
          throw new DomainException(R.NOMINATION_NOT_REQUIRED, `activity ${activity.code} does not require a nomination: there is nothing to ${action}`, {
            activityCode: activity.code,
            action,
          });
        }
        this.assertActivityDeciding(activity);
        if (!mayNominate(application.status)) throw this.illegal(application, action, NOMINATION_FROM);
        if (action === 'endorse') {
          await manager.query(
            `UPDATE applications SET status = 'endorsed', endorsed_at = now(), endorsed_by = $2, nomination_reason = $3,
               version = version + 1, updated_at = now() WHERE id = $1`,
            [id, user.id, reason ?? null],
          );
        } else {
          await manager.query(
            `UPDATE applications SET status = 'declined', endorsed_by = $2, nomination_reason = $3,
               version = version + 1, updated_at = now() WHERE id = $1`,
            [id, user.id, reason ?? null],
          );
        }
        return [
          await this.notifications.queue(manager, {
            userId: application.applicantId,
            kind: action === 'endorse' ? NotificationKind.ApplicationEndorsed : NotificationKind.ApplicationDeclined,
            applicationId: id,
            params: { ...this.params(activity), reason: reason ?? null },
          }),
        ];
      })
      .catch((error: unknown) => {
        throw constraintConflict(error, activity, visible.country) ?? error;
      });
    await this.notifications.dispatch(notificationIds);
    return this.applications.view(id, user);
  }

  /** One staff decision: select, waitlist or reject. */
  async decide(id: string, action: DecisionAction, reason: string | undefined, user: AuthUser): Promise<ApplicationView> {
    const [found] = (await this.dataSource.query('SELECT activity_id AS "activityId", country FROM applications WHERE id = $1', [id])) as {
      activityId: string;
      country: string;
    }[];
    if (!found) throw new DomainException(R.APPLICATION_NOT_FOUND, `Application ${id} not found`, { applicationId: id });
    let activity: LockedActivity | undefined;
    const notificationIds = await this.dataSource
      .transaction(async (manager) => {
        activity = await this.lockActivity(manager, found.activityId);
        this.assertActivityDeciding(activity);
        return [await this.apply(manager, activity, id, action, reason, user)];
      })
      .catch((error: unknown) => {
        throw (activity && constraintConflict(error, activity, found.country)) ?? error;
      });
    await this.notifications.dispatch(notificationIds);
    return this.applications.view(id, user);
  }

  /**
   * Many decisions on one activity in one transaction, all or nothing. Each runs in a savepoint so
   * that every failing one can be reported; if any failed, the whole transaction is rolled back.
   */
  async decideMany(
    activityId: string,
    dto: BulkDecisionsDto,
    user: AuthUser,
  ): Promise<BulkDecisionsView> {
    const problems: BulkProblem[] = [];
    const seen = new Set<string>();
    for (const decision of dto.decisions) {
      if (seen.has(decision.applicationId)) problems.push({ applicationId: decision.applicationId, problem: 'appears more than once in this batch' });
      seen.add(decision.applicationId);
    }
    if (problems.length > 0) {
      await this.nameApplicants(this.dataSource.manager, problems);
      throw new DomainException(R.DECISION_REPEATED, 'decisions: one decision per application', { applicationIds: problems.map((p) => p.applicationId) }, { errors: problems });
    }
    const ordered = [...dto.decisions].sort((a, b) => BULK_ORDER[a.action] - BULK_ORDER[b.action]);
    let conflict = false;
    const notificationIds = await this.dataSource.transaction(async (manager) => {
      const activity = await this.lockActivity(manager, activityId);
      this.assertActivityDeciding(activity);
      const ids: (string | null)[] = [];
      for (const decision of ordered) {
        await manager.query('SAVEPOINT decision');
        try {
          ids.push(await this.apply(manager, activity, decision.applicationId, decision.action, decision.reason, user));
          await manager.query('RELEASE SAVEPOINT decision');
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT decision');
          const described = constraintConflict(error, activity) ?? error;
          if (!(described instanceof DomainException)) throw error;
          if (described.status === 409) conflict = true;
          problems.push({ applicationId: decision.applicationId, problem: described.message, code: described.code, params: described.params });
        }
      }
      if (problems.length > 0) {
        await this.nameApplicants(manager, problems);
        throw new DomainException(
          conflict ? R.DECISIONS_CONFLICT : R.DECISIONS_REFUSED,
          `${problems.length} of ${dto.decisions.length} decisions cannot be applied; nothing was changed`,
          { failed: problems.length, total: dto.decisions.length },
          { errors: problems },
        );
      }
      return ids;
    });
    await this.notifications.dispatch(notificationIds);
    const items = (await this.dataSource.query(
      `SELECT id AS "applicationId", status, waitlist_position AS "waitlistPosition" FROM applications WHERE id = ANY($1::uuid[])`,
      [dto.decisions.map((decision) => decision.applicationId)],
    )) as BulkDecisionItemView[];
    const byId = new Map(items.map((item) => [item.applicationId, item]));
    const [seats] = (await this.dataSource.query(
      'SELECT capacity, seats_taken AS taken, capacity - seats_taken AS "left" FROM activities WHERE id = $1',
      [activityId],
    )) as Seats[];
    return { applied: dto.decisions.length, seats, items: dto.decisions.map((decision) => byId.get(decision.applicationId)!) };
  }

  /** Applies one decision inside a transaction that holds the activity's row lock; returns the notification id. */
  /**
   * Attendance, completion or a no-show that participation records, as one conditional UPDATE
   * from the statuses given; undefined when the application is not in one of them (any more).
   * In the caller's transaction.
   */
  async recordParticipation(
    manager: EntityManager,
    id: string,
    transition: { readonly from: readonly string[]; readonly to: string },
    recorded: { attendedDays?: number; certificateCode?: string },
  ): Promise<ParticipationRow | undefined> {
    let set = '';
    const extra: unknown[] = [];
    if (recorded.attendedDays !== undefined) {
      set = ', attended_days = $3';
      extra.push(recorded.attendedDays);
    } else if (recorded.certificateCode !== undefined) {
      set = ', completed_at = now(), certificate_code = $3';
      extra.push(recorded.certificateCode);
    }
    const [moved] = returnedRows<ParticipationRow>(
      await manager.query(
        `UPDATE applications SET status = '${transition.to}', version = version + 1, updated_at = now()${set}
         WHERE id = $1 AND status = ANY($2) RETURNING ${PARTICIPATION_COLUMNS}`,
        [id, transition.from, ...extra],
      ),
    );
    return moved;
  }

  private async apply(
    manager: EntityManager,
    activity: LockedActivity,
    id: string,
    action: DecisionAction,
    reason: string | undefined,
    user: AuthUser,
  ): Promise<string | null> {
    const application = await this.lockApplication(manager, id, activity.id);
    const allowed = decisionAllowedFrom(action, activity.requiresNomination);
    if (!mayDecide(action, application.status, activity.requiresNomination)) {
      throw this.illegal(application, action, allowed, activity.requiresNomination ? ` (activity ${activity.code} requires a nomination)` : '');
    }
    let position: number | null = null;
    if (action === 'waitlist') {
      const [{ next }] = (await manager.query(
        `SELECT coalesce(max(waitlist_position), 0) + 1 AS next FROM applications WHERE activity_id = $1`,
        [activity.id],
      )) as { next: number }[];
      position = next;
    }
    await manager.query(
      `UPDATE applications SET status = $2, waitlist_position = $3, decided_at = now(), decided_by = $4, decision_reason = $5,
         version = version + 1, updated_at = now() WHERE id = $1`,
      [id, DECISION_TARGET[action], position, user.id, reason ?? null],
    );
    if (application.waitlistPosition !== null) await this.closeWaitlistGap(manager, activity.id, application.waitlistPosition);
    return this.notifications.queue(manager, {
      userId: application.applicantId,
      kind: NOTIFY_ON[action],
      applicationId: id,
      params: { ...this.params(activity), reason: reason ?? null, waitlistPosition: position ?? undefined },
    });
  }

  /** The first of the waitlist takes the seat a selected applicant left. */
  private async promoteFirstWaitlisted(manager: EntityManager, activity: LockedActivity): Promise<string | null> {
    const [first] = returnedRows<{ id: string; applicantId: string; position: number }>(
      await manager.query(
        `UPDATE applications ap SET status = 'selected', waitlist_position = NULL, decided_at = now(), decided_by = NULL,
           decision_reason = 'promoted from the waitlist', version = ap.version + 1, updated_at = now()
         FROM (SELECT id, waitlist_position FROM applications WHERE activity_id = $1 AND status = 'waitlisted'
               ORDER BY waitlist_position LIMIT 1 FOR UPDATE) first
         WHERE ap.id = first.id
         RETURNING ap.id, ap.applicant_id AS "applicantId", first.waitlist_position AS position`,
        [activity.id],
      ),
    );
    if (!first) return null;
    await this.closeWaitlistGap(manager, activity.id, first.position);
    return this.notifications.queue(manager, {
      userId: first.applicantId,
      kind: NotificationKind.ApplicationPromoted,
      applicationId: first.id,
      params: this.params(activity),
    });
  }

  /**
   * Moves everyone behind a position that left the waitlist one place up. The unique index on
   * (activity, position) is checked row by row, so the rows first jump out of the way.
   */
  private async closeWaitlistGap(manager: EntityManager, activityId: string, leftPosition: number): Promise<void> {
    await manager.query(
      `UPDATE applications SET waitlist_position = waitlist_position + ${WAITLIST_SHIFT}
       WHERE activity_id = $1 AND status = 'waitlisted' AND waitlist_position > $2`,
      [activityId, leftPosition],
    );
    await manager.query(
      `UPDATE applications SET waitlist_position = waitlist_position - ${WAITLIST_SHIFT + 1}
       WHERE activity_id = $1 AND status = 'waitlisted' AND waitlist_position > ${WAITLIST_SHIFT}`,
      [activityId],
    );
  }

  private async lockActivity(manager: EntityManager, activityId: string): Promise<LockedActivity> {
    return this.activity(manager, activityId, true);
  }

  private async activity(manager: EntityManager, activityId: string, lock = false): Promise<LockedActivity> {
    const [activity] = await queryRows(
      manager,
      LOCKED_ACTIVITY_FIELDS,
      `SELECT ${LOCKED_ACTIVITY_COLUMNS} FROM activities WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [activityId],
    );
    if (!activity) throw new DomainException(R.ACTIVITY_NOT_FOUND, `Activity ${activityId} not found`, { activityId });
    return activity;
  }

  private async lockApplication(manager: EntityManager, id: string, activityId: string): Promise<LockedApplication> {
    const [application] = (await manager.query(
      `SELECT id, activity_id AS "activityId", applicant_id AS "applicantId", country, status, waitlist_position AS "waitlistPosition"
       FROM applications WHERE id = $1 AND activity_id = $2 FOR UPDATE`,
      [id, activityId],
    )) as LockedApplication[];
    if (!application) throw new DomainException(R.APPLICATION_NOT_IN_ACTIVITY, `application ${id} is not an application to this activity`, { applicationId: id });
    return application;
  }

  private assertActivityDeciding(activity: LockedActivity): void {
    if (!isDecidingActivity(activity.status)) {
      throw new DomainException(
        R.ACTIVITY_NOT_DECIDING,
        `activity ${activity.code} is ${activity.status}: applications are decided while it is ${DECIDING_ACTIVITY_STATUSES.join(', ')}`,
        { activityCode: activity.code, status: activity.status, decidingStatuses: [...DECIDING_ACTIVITY_STATUSES] },
      );
    }
  }

  private illegal(application: LockedApplication, action: string, allowed: readonly string[], note = ''): DomainException {
    return new DomainException(
      R.APPLICATION_TRANSITION_NOT_ALLOWED,
      `application ${application.id} is ${application.status}; ${action} is allowed only from: ${allowed.join(', ')}${note}`,
      { action, status: application.status, allowedFrom: [...allowed] },
      { currentStatus: application.status, allowedFrom: allowed },
    );
  }

  private params(activity: LockedActivity): NotificationParams {
    return { activityCode: activity.code, activityTitle: activity.title, startDate: activity.startDate };
  }

  /**
   * Attendance or completion of many applications of one activity in the caller's transaction:
   * each moves by `transition` from its statuses, with its attended days or its new certificate
   * code, in one UPDATE. Returns the rows moved; one no longer in `transition.from` is left out
   * (the caller compares and refuses).
   */
  async recordParticipationMany(
    manager: EntityManager,
    activityId: string,
    transition: { readonly from: readonly string[]; readonly to: string },
    records: { id: string; attendedDays?: number; certificateCode?: string }[],
  ): Promise<ParticipationRow[]> {
    if (records.length === 0) return [];
    const ids = records.map((record) => record.id);
    const days = records.map((record) => record.attendedDays ?? null);
    const codes = records.map((record) => record.certificateCode ?? null);
    return returnedRows<ParticipationRow>(
      await manager.query(
        `UPDATE applications ap SET status = '${transition.to}', version = ap.version + 1, updated_at = now(),
           attended_days = coalesce(r.days, ap.attended_days),
           completed_at = CASE WHEN r.code IS NOT NULL THEN now() ELSE ap.completed_at END,
           certificate_code = coalesce(r.code, ap.certificate_code)
         FROM unnest($2::uuid[], $3::int[], $4::text[]) AS r(id, days, code)
         WHERE ap.id = r.id AND ap.activity_id = $1 AND ap.status = ANY($5)
         RETURNING ap.id, ap.activity_id AS "activityId", ap.applicant_id AS "applicantId", ap.status, ap.attended_days AS "attendedDays",
           ap.completed_at AS "completedAt", ap.certificate_code AS "certificateCode", ap.version, ap.updated_at AS "updatedAt"`,
        [activityId, ids, days, codes, transition.from],
      ),
    );
  }

  /** Puts each problem's applicant's name on it, so that a refused batch can be read person by person. */
  async nameApplicants(manager: Pick<EntityManager, 'query'>, problems: BulkProblem[]): Promise<void> {
    const names = (await manager.query(
      `SELECT ap.id, p.full_name AS "fullName" FROM applications ap LEFT JOIN applicant_profiles p ON p.user_id = ap.applicant_id
       WHERE ap.id = ANY($1::uuid[])`,
      [[...new Set(problems.map((problem) => problem.applicationId))]],
    )) as { id: string; fullName: string | null }[];
    const byId = new Map(names.map((row) => [row.id, row.fullName]));
    for (const problem of problems) if (byId.has(problem.applicationId)) problem.applicantName = byId.get(problem.applicationId) ?? null;
  }
}
