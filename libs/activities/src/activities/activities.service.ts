import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '@trta/database';
import { DomainException, historyPage, HttpRefusals, Page, PageQueryDto, type AuthUser } from '@trta/http';
import { ActivityRefusals } from '../activities.refusals';
import { lockActivityPlan, statusIs, withAllowedActions, FROZEN_STATUSES } from '../activity.policy';
import { ActivityFieldName, ActivityHistoryView, ActivityRecord, ActivityView, CreateActivityDto, UpdateActivityDto } from './activities.dto';
import { ACTIVITY_COLUMNS, ACTIVITY_FIELDS, EDITABLE_FIELDS, FIELD_COLUMNS } from './activity-fields';
import { diff, recordHistory } from './activity-history';
import { nextActivityCode } from './activity-code';
import { checkActivity, productOfPlan, type ActivityDraft, type PlanPeriod } from './activity-rules';

type EditableValues = Pick<ActivityRecord, ActivityFieldName>;

@Injectable()
export class ActivitiesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(dto: CreateActivityDto, user: AuthUser): Promise<ActivityView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.lockWritablePlan(manager, dto.planId);
      const product = await productOfPlan(manager, plan, dto.productId);
      const settled = await checkActivity(manager, plan, draftOf(dto, plan), dto.region !== undefined);
      return withAllowedActions(await this.insert(manager, plan, dto, product, settled.region, user), user);
    });
  }

  /**
   * Writes a planned activity whose rules were checked, with its code and its history entry.
   * The CSV import calls it too, inside its all-or-nothing transaction.
   */
  async insert(
    manager: EntityManager,
    plan: PlanPeriod,
    dto: CreateActivityDto,
    product: { fundingSource: string },
    region: string | null,
    user: AuthUser,
  ): Promise<ActivityRecord> {
    const values: EditableValues = {
      productId: dto.productId,
      title: dto.title,
      type: dto.type,
      deliveryMode: dto.deliveryMode,
      plsLevel: dto.plsLevel ?? null,
      languages: dto.languages,
      topics: dto.topics,
      leadDivision: dto.leadDivision,
      beneficiaryCountries: dto.beneficiaryCountries ?? [],
      region,
      plannedQuarter: dto.plannedQuarter ?? null,
      startDate: dto.startDate ?? null,
      endDate: dto.endDate ?? null,
      venueCity: dto.venueCity ?? null,
      venueCountry: dto.venueCountry ?? null,
      capacity: dto.capacity,
      applicationDeadline: dto.applicationDeadline ?? null,
      requiresNomination: dto.requiresNomination ?? false,
      nominationQuota: dto.nominationQuota ?? 2,
      prerequisiteLevel: dto.prerequisiteLevel ?? null,
      keyResults: dto.keyResults ?? [],
      budgetPlanned: dto.budgetPlanned,
      budgetActual: dto.budgetActual ?? null,
      fundingSource: dto.fundingSource ?? (product.fundingSource as EditableValues['fundingSource']),
      partners: dto.partners ?? [],
    };
    const code = await nextActivityCode(manager, Number(plan.periodStart.slice(0, 4)));
    const columns = EDITABLE_FIELDS.map((field) => FIELD_COLUMNS[field]);
    const params: unknown[] = [code, plan.id, user.id, ...EDITABLE_FIELDS.map((field) => values[field])];
    const [activity] = await queryRows(
      manager,
      ACTIVITY_FIELDS,
      `INSERT INTO activities AS a (code, plan_id, created_by, ${columns.join(', ')})
       VALUES (${params.map((_value, index) => `$${index + 1}`).join(', ')}) RETURNING ${ACTIVITY_COLUMNS}`,
      params,
    );
    const { id: _id, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...created } = activity;
    await recordHistory(manager, activity.id, user.id, 'create', created);
    return activity;
  }

  /**
   * The activity a national request is scheduled as: inserted as any other (rules already
   * checked by the caller) and linked to the request, in the caller's transaction.
   */
  async createFromRequest(
    manager: EntityManager,
    requestId: string,
    plan: PlanPeriod,
    dto: CreateActivityDto,
    product: { fundingSource: string },
    region: string | null,
    user: AuthUser,
  ): Promise<ActivityView> {
    const created = await this.insert(manager, plan, dto, product, region, user);
    await manager.query('UPDATE activities SET national_request_id = $1 WHERE id = $2', [requestId, created.id]);
    return withAllowedActions(created, user);
  }

  /**
   * Marks the activity's sheet published, for the sheets library once it has checked the sheet
   * under the activity's row lock; in the caller's transaction, with the history entry.
   */
  async publishSheet(manager: EntityManager, activityId: string, userId: string, publishedBefore: Date | null): Promise<Date> {
    const [[updated]] = (await manager.query(
      `UPDATE activities SET sheet_published_at = now(), version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING sheet_published_at AS "sheetPublishedAt"`,
      [activityId],
    )) as [{ sheetPublishedAt: Date }[], number];
    await recordHistory(manager, activityId, userId, 'sheet-publish', {
      sheetPublishedAt: { from: publishedBefore, to: updated.sheetPublishedAt },
    });
    return updated.sheetPublishedAt;
  }

  /** Appends to the activity's history what another library changed of it (its sheet, its materials), in the caller's transaction. */
  async recordHistory(manager: EntityManager, activityId: string, userId: string | null, action: string, changes: Record<string, unknown>): Promise<void> {
    await recordHistory(manager, activityId, userId, action, changes);
  }

  async findView(id: string, manager: EntityManager = this.dataSource.manager): Promise<ActivityRecord> {
    const [activity] = await queryRows(manager, ACTIVITY_FIELDS, `SELECT ${ACTIVITY_COLUMNS} FROM activities a WHERE a.id = $1`, [id]);
    if (!activity) throw activityNotFound(id);
    return activity;
  }

  /**
   * Applies a PATCH based on the version the client read. The conditional UPDATE is the guard:
   * when someone else changed the activity in between, nothing is overwritten and the answer is a 409.
   */
  async update(id: string, dto: UpdateActivityDto, user: AuthUser): Promise<ActivityView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findView(id, manager);
      if (current.version !== dto.version) throw staleVersion(current.version);
      if (statusIs(current.status, FROZEN_STATUSES)) {
        throw new DomainException(ActivityRefusals.ACTIVITY_CANCELLED, 'a cancelled activity can no longer be changed', { activityCode: current.code });
      }
      const given = EDITABLE_FIELDS.filter((field) => dto[field] !== undefined);
      const merged = { ...current };
      for (const field of given) (merged as unknown as Record<string, unknown>)[field] = dto[field];

      const plan = await this.lockWritablePlan(manager, current.planId);
      if (dto.productId !== undefined && dto.productId !== current.productId) await productOfPlan(manager, plan, dto.productId);
      const draft: ActivityDraft = merged;
      const settled = await checkActivity(manager, plan, draft, dto.region !== undefined);
      merged.region = settled.region;

      const changes = diff(current as EditableValues, merged as EditableValues, EDITABLE_FIELDS);
      const changed = Object.keys(changes) as ActivityFieldName[];
      if (changed.length === 0) return withAllowedActions(current, user);

      const params: unknown[] = [id, dto.version, ...changed.map((field) => merged[field])];
      const assignments = changed.map((field, index) => `${FIELD_COLUMNS[field]} = $${index + 3}`);
      const [updated] = await queryRows(
        manager,
        ACTIVITY_FIELDS,
        `UPDATE activities a SET ${assignments.join(', ')}, version = a.version + 1, updated_at = now()
         WHERE a.id = $1 AND a.version = $2 RETURNING ${ACTIVITY_COLUMNS}`,
        params,
      );
      if (!updated) throw staleVersion(await this.currentVersion(manager, id));
      await recordHistory(manager, id, user.id, 'update', changes);
      return withAllowedActions(updated, user);
    });
  }

  async history(id: string, query: PageQueryDto): Promise<Page<ActivityHistoryView>> {
    await this.findView(id);
    return historyPage<ActivityHistoryView>(this.dataSource.manager, {
      table: 'activity_history',
      keyColumn: 'activity_id',
      id,
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  /** A closed plan takes no new or changed activities; the plan lock keeps it from closing meanwhile. */
  private lockWritablePlan(manager: EntityManager, planId: string): Promise<PlanPeriod> {
    return lockActivityPlan(manager, planId);
  }

  private async currentVersion(manager: EntityManager, id: string): Promise<number> {
    const [row] = (await manager.query('SELECT version FROM activities WHERE id = $1', [id])) as { version: number }[];
    if (!row) throw activityNotFound(id);
    return row.version;
  }
}

export function activityNotFound(id: string): DomainException {
  return new DomainException(ActivityRefusals.ACTIVITY_NOT_FOUND, `Activity ${id} not found`, { activityId: id });
}

export function staleVersion(current: number, hint = ''): DomainException {
  return new DomainException(HttpRefusals.STALE_VERSION, `activity was changed by someone else (current version ${current})${hint}`, { currentVersion: current }, {
    currentVersion: current,
  });
}

/** The rule checker's view of a new activity. */
export function draftOf(dto: CreateActivityDto, plan: PlanPeriod): ActivityDraft {
  return {
    planId: plan.id,
    productId: dto.productId,
    type: dto.type,
    deliveryMode: dto.deliveryMode,
    topics: dto.topics,
    leadDivision: dto.leadDivision,
    beneficiaryCountries: dto.beneficiaryCountries ?? [],
    region: dto.region ?? null,
    plannedQuarter: dto.plannedQuarter ?? null,
    startDate: dto.startDate ?? null,
    endDate: dto.endDate ?? null,
    venueCity: dto.venueCity ?? null,
    venueCountry: dto.venueCountry ?? null,
    applicationDeadline: dto.applicationDeadline ?? null,
    keyResults: dto.keyResults ?? [],
    status: 'planned',
  };
}
