import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '@trta/database';
import { DomainException, type AuthUser } from '@trta/http';
import { ActivityRefusals } from '../activities.refusals';
import { canTransition, TRANSITIONS, transitionRefused, withAllowedActions, type LifecycleAction } from '../activity.policy';
import { ActivitiesService, staleVersion } from '../activities/activities.service';
import type { ActivityRecord, ActivityView } from '../activities/activities.dto';
import { ACTIVITY_COLUMNS, ACTIVITY_FIELDS } from '../activities/activity-fields';
import { recordHistory } from '../activities/activity-history';
import { lockPlan, scheduleProblems } from '../activities/activity-rules';
import type { SchedulingConflict } from '../scheduling/scheduling.dto';
import { SchedulingService } from '../scheduling/scheduling.service';

export interface TransitionOptions {
  reason?: string;
  acknowledgeConflicts?: boolean;
}

@Injectable()
export class LifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivitiesService,
    private readonly scheduling: SchedulingService,
  ) {}

  /**
   * Moves an activity along its lifecycle. The preconditions are checked on what was read; the
   * UPDATE then only applies when status and version are still those, so of two concurrent
   * transitions exactly one succeeds and nothing checked can change in between.
   */
  async transition(id: string, action: LifecycleAction, user: AuthUser, options: TransitionOptions = {}): Promise<ActivityView> {
    return this.dataSource.transaction(async (manager) => {
      // Confirmations are checked for conflicts one at a time, so two overlapping ones cannot both pass unseen.
      if (action === 'confirm') await manager.query("SELECT pg_advisory_xact_lock(hashtext('trta:activities:confirm'))");
      const activity = await this.activities.findView(id, manager);
      const { from, to } = TRANSITIONS[action];
      if (!canTransition(action, activity.status)) throw transitionRefused(action, activity.status);
      const changes: Record<string, unknown> = { status: { from: activity.status, to } };
      if (options.reason) changes.reason = options.reason;

      await this.assertPreconditions(manager, action, activity);
      if (action === 'confirm') {
        const conflicts = await this.scheduling.findConflicts(manager, activity);
        if (conflicts.length > 0 && !options.acknowledgeConflicts) throw conflictsFound(conflicts);
        if (conflicts.length > 0) changes.acknowledgedConflicts = conflicts;
      }

      const [updated] = await queryRows(
        manager,
        ACTIVITY_FIELDS,
        `UPDATE activities a SET status = $4, status_reason = $5, version = a.version + 1, updated_at = now()
         WHERE a.id = $1 AND a.status = ANY($2::text[]) AND a.version = $3
         RETURNING ${ACTIVITY_COLUMNS}`,
        [id, from, activity.version, to, options.reason ?? null],
      );
      if (!updated) {
        const now = await this.activities.findView(id, manager);
        if (!canTransition(action, now.status)) throw transitionRefused(action, now.status);
        throw staleVersion(now.version, '; try again');
      }
      await recordHistory(manager, id, user.id, action, changes);
      return withAllowedActions(updated, user);
    });
  }

  /** Closes every open call whose deadline has passed; each closure goes into the history as the system's. */
  async closePastDeadline(): Promise<{ closed: number }> {
    const [{ closed }] = (await this.dataSource.query(
      `WITH closed AS (
         UPDATE activities SET status = 'closed', version = version + 1, updated_at = now()
         WHERE status = 'open' AND application_deadline < current_date
         RETURNING id, application_deadline
       ), history AS (
         INSERT INTO activity_history (activity_id, user_id, action, changes)
         SELECT id, NULL, 'auto-close', jsonb_build_object(
           'status', jsonb_build_object('from', 'open', 'to', 'closed'),
           'applicationDeadline', application_deadline::text)
         FROM closed
       )
       SELECT count(*)::int AS closed FROM closed`,
    )) as { closed: number }[];
    return { closed };
  }

  private async assertPreconditions(manager: EntityManager, action: LifecycleAction, activity: ActivityRecord): Promise<void> {
    const problems: string[] = [];
    if (action === 'confirm') {
      problems.push(...scheduleProblems(await lockPlan(manager, activity.planId), activity));
    } else if (action === 'open') {
      const today = await this.today(manager);
      if (!activity.sheetPublishedAt) problems.push('the activity sheet must be published before opening');
      if (!activity.applicationDeadline) problems.push('applicationDeadline is required to open the call for applications');
      else if (activity.applicationDeadline <= today) {
        problems.push(`applicationDeadline ${activity.applicationDeadline} must be in the future to open the call for applications`);
      }
    } else if (action === 'deliver') {
      const today = await this.today(manager);
      if (!activity.endDate || activity.endDate >= today) {
        problems.push(`an activity can be delivered only after its end date has passed (endDate ${activity.endDate ?? 'not set'})`);
      }
    }
    if (problems.length > 0) throw new DomainException(ActivityRefusals.ACTIVITY_NOT_READY, problems.join('; '), { action, problems });
  }

  /** Today as the database sees it, the same clock the auto-close job uses. */
  private async today(manager: EntityManager): Promise<string> {
    const [{ today }] = (await manager.query('SELECT current_date::text AS today')) as { today: string }[];
    return today;
  }
}

function conflictsFound(conflicts: SchedulingConflict[]): DomainException {
  const count = conflicts.length === 1 ? '1 scheduled activity' : `${conflicts.length} scheduled activities`;
  return new DomainException(
    ActivityRefusals.SCHEDULING_CONFLICT,
    `the activity overlaps ${count} (${conflicts.map((conflict) => conflict.code).join(', ')}); confirm with acknowledgeConflicts: true to proceed anyway`,
    { conflictCodes: conflicts.map((conflict) => conflict.code) },
    { conflicts },
  );
}
