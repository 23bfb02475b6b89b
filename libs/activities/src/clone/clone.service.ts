import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuthUser } from '@trta/http';
import { planClosed, withAllowedActions } from '../activity.policy';
import { ActivityView } from '../activities/activities.dto';
import { ActivitiesService, activityNotFound } from '../activities/activities.service';
import { nextActivityCode } from '../activities/activity-code';
import { recordHistory } from '../activities/activity-history';
import { ActivityCloneParts } from './activity-clone-parts';
import { CloneActivityDto } from './clone.dto';

const COPY_SUFFIX = ' (copy)';
const TITLE_MAX = 300;

/**
 * The columns a clone takes over as they are. Left out, so they start afresh: code, status and
 * its reason, version, the sheet's publication, dates, deadline and actual budget (plannedQuarter stays).
 */
const COPIED_COLUMNS = [
  'plan_id',
  'product_id',
  'type',
  'delivery_mode',
  'pls_level',
  'languages',
  'topics',
  'lead_division',
  'beneficiary_countries',
  'region',
  'planned_quarter',
  'venue_city',
  'venue_country',
  'capacity',
  'requires_nomination',
  'nomination_quota',
  'prerequisite_level',
  'key_results',
  'budget_planned',
  'funding_source',
  'partners',
].join(', ');

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
        `SELECT a.code, a.title, p.code AS "planCode", p.status AS "planStatus", extract(year FROM p.period_start)::int AS "planYear"
         FROM activities a JOIN ta_plans p ON p.id = a.plan_id WHERE a.id = $1 FOR SHARE OF p`,
        [id],
      )) as { code: string; title: string; planCode: string; planStatus: string; planYear: number }[];
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
