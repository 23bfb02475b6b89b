import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { selectList } from '@trta/database';
import { type AuthUser } from '@trta/http';
import { planClosed, withAllowedActions } from '../activity.policy';
import { ActivityView, type ActivityRecord } from '../activities/activities.dto';
import { ActivitiesService, activityNotFound } from '../activities/activities.service';
import { nextActivityCode } from '../activities/activity-code';
import { ACTIVITY_FIELDS, activityColumn } from '../activities/activity-fields';
import { recordHistory } from '../activities/activity-history';
import { ActivityCloneParts } from './activity-clone-parts';
import { CloneActivityDto } from './clone.dto';

const COPY_SUFFIX = ' (copy)';
const TITLE_MAX = 300;

/**
 * The fields a clone takes over as they are. Left out, so they start afresh: code, status and
 * its reason, version, the sheet's publication, dates, deadline and actual budget (plannedQuarter stays).
 */
const COPIED_FIELDS = [
  'planId',
  'productId',
  'type',
  'deliveryMode',
  'plsLevel',
  'languages',
  'topics',
  'leadDivision',
  'beneficiaryCountries',
  'region',
  'plannedQuarter',
  'venueCity',
  'venueCountry',
  'capacity',
  'requiresNomination',
  'nominationQuota',
  'prerequisiteLevel',
  'keyResults',
  'budgetPlanned',
  'fundingSource',
  'partners',
] as const satisfies readonly (keyof ActivityRecord)[];
const COPIED_COLUMNS = COPIED_FIELDS.map(activityColumn).join(', ');

/** The original as the clone needs it, with its plan. */
type CloneSourceRow = Pick<ActivityRecord, 'code' | 'title'> & { planCode: string; planStatus: string; planYear: number };

@Injectable()
export class CloneService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivitiesService,
    private readonly parts: ActivityCloneParts,
  ) {}

  /**
   * A new planned activity like the original, in the same plan and product, with its sheet
   * (unpublished) and materials, which their owners copy through ActivityCloneParts.
   */
  async clone(id: string, dto: CloneActivityDto, user: AuthUser): Promise<ActivityView> {
    return this.dataSource.transaction(async (manager) => {
      const [source] = (await manager.query(
        `SELECT ${selectList(ACTIVITY_FIELDS, 'a', ['code', 'title'])},
                p.code AS "planCode", p.status AS "planStatus", extract(year FROM p.period_start)::int AS "planYear"
         FROM activities a JOIN ta_plans p ON p.id = a.plan_id WHERE a.id = $1 FOR SHARE OF p`,
        [id],
      )) as CloneSourceRow[];
      if (!source) throw activityNotFound(id);
      if (source.planStatus === 'closed') {
        throw planClosed(source.planCode, 'takes no new activities');
      }
      const title = dto.title ?? source.title.slice(0, TITLE_MAX - COPY_SUFFIX.length) + COPY_SUFFIX;
      const code = await nextActivityCode(manager, source.planYear);
      const [{ id: cloneId }] = (await manager.query(
        `INSERT INTO activities (code, title, created_by, ${COPIED_COLUMNS})
         SELECT $2, $3, $4, ${COPIED_COLUMNS} FROM activities WHERE id = $1 RETURNING id`,
        [id, code, title, user.id],
      )) as { id: string }[];
      await this.parts.copy(manager, id, cloneId, user.id);
      await recordHistory(manager, cloneId, user.id, 'clone', { clonedFrom: source.code, code, title });
      return withAllowedActions(await this.activities.findView(cloneId, manager), user);
    });
  }
}
