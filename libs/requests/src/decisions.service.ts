import type { FieldMap } from '@trta/database';
import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActivitiesService, ActivityView, checkActivity, DELIVERED_STATUSES, draftOf, lockPlan, productOfPlan, statusIn, type CreateActivityDto } from '@trta/activities';
import { DomainException, type AuthUser } from '@trta/http';
import { NotificationKind, NotificationsService } from '@trta/notifications';
import {
  findRequest,
  lockRequest,
  nationalActivityCount,
  planCovering,
  recordRequestHistory,
  REQUEST_FROM,
  REQUEST_SUMMARY_FIELDS,
  selectRows,
} from './request-queries';
import { assertTransition, REQUEST_TRANSITIONS, type RequestStatus, type RequestViewer } from './request.policy';
import { RequestRefusals } from './requests.refusals';
import {
  ApproveRequestDto,
  RejectRequestDto,
  ReviewActivityView,
  ReviewContext,
  ReviewCountryView,
  ReviewEarlierRequestView,
  RequestView,
  ScheduleRequestDto,
} from './requests.dto';

/** The division a national activity is led by unless staff say otherwise: the institute itself. */
const DEFAULT_LEAD_DIVISION = 'ITTC';

/** The fields of an earlier request the committee sees beside the one it reviews. */
const EARLIER_REQUEST_FIELDS = [
  'id',
  'status',
  'preferredQuarter',
  'topics',
  'decisionReason',
  'activityId',
  'activityCode',
  'createdAt',
] as const satisfies readonly (keyof ReviewEarlierRequestView)[];

const COUNTRY_FIELDS: FieldMap<ReviewCountryView> = { code: 'c.code::text', name: 'c.name', region: 'c.region', ldc: 'c.ldc' };

const DELIVERED_ACTIVITY_FIELDS: FieldMap<ReviewActivityView> = {
  id: 'a.id',
  code: 'a.code',
  title: 'a.title',
  type: 'a.type',
  startDate: 'a.start_date::text',
  endDate: 'a.end_date::text',
};

/** The committee sees every country's requests. */
function committee(user: AuthUser): RequestViewer {
  return { role: user.role, country: null };
}

/** A scheduled request with the national activity it became. */
export class ScheduledRequest {
  @ApiProperty({ type: RequestView })
  request!: RequestView;

  @ApiProperty({ type: ActivityView })
  activity!: ActivityView;
}

/**
 * The Technical Assistance Management Committee's side: review, approve (within the plan's
 * ceiling per country, or past it with a recorded reason), reject, and schedule the activity.
 * Every step locks the request row, so two decisions on one request run one after the other.
 */
@Injectable()
export class RequestDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivitiesService,
    private readonly notifications: NotificationsService,
  ) {}

  async review(id: string, user: AuthUser): Promise<RequestView> {
    return this.decide(id, 'review', user, async (manager) => {
      await manager.query(`UPDATE national_requests SET status = 'under_review', version = version + 1, updated_at = now() WHERE id = $1`, [id]);
      return { kind: NotificationKind.RequestUnderReview, details: {} };
    });
  }

  async approve(id: string, dto: ApproveRequestDto, user: AuthUser): Promise<RequestView> {
    return this.decide(id, 'approve', user, async (manager, request) => {
      let overrideReason: string | null = null;
      let ceilingDetails: Record<string, unknown> = {};
      const plan = await planCovering(manager, request.preferredQuarter);
      if (plan?.ceilingPerCountry) {
        const count = await nationalActivityCount(manager, plan.id, request.country);
        if (count >= plan.ceilingPerCountry) {
          if (!dto.overrideCeiling) {
            throw new DomainException(
              RequestRefusals.COUNTRY_CEILING_REACHED,
              `${request.country} already has ${count} national activities in plan ${plan.code}, whose ceiling per country is ${plan.ceilingPerCountry}: ` +
                'approve with overrideCeiling true and an overrideReason to go past it',
              { country: request.country, count, ceiling: plan.ceilingPerCountry, planCode: plan.code },
              { count, ceiling: plan.ceilingPerCountry, planId: plan.id },
            );
          }
          overrideReason = dto.overrideReason!;
          ceilingDetails = { ceilingOverride: { planId: plan.id, planCode: plan.code, count, ceiling: plan.ceilingPerCountry, reason: overrideReason } };
        }
      }
      await manager.query(
        `UPDATE national_requests SET status = 'approved', decision_reason = $2, ceiling_override_reason = $3, decided_by = $4,
           decided_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [id, dto.reason ?? null, overrideReason, user.id],
      );
      return { kind: NotificationKind.RequestApproved, reason: dto.reason ?? null, details: { reason: dto.reason ?? null, ...ceilingDetails } };
    });
  }

  async reject(id: string, dto: RejectRequestDto, user: AuthUser): Promise<RequestView> {
    return this.decide(id, 'reject', user, async (manager) => {
      await manager.query(
        `UPDATE national_requests SET status = 'rejected', decision_reason = $2, decided_by = $3, decided_at = now(),
           version = version + 1, updated_at = now() WHERE id = $1`,
        [id, dto.reason, user.id],
      );
      return { kind: NotificationKind.RequestRejected, reason: dto.reason, details: { reason: dto.reason } };
    });
  }

  /**
   * Creates the planned national activity in the plan covering the preferred quarter and links
   * both ways, in one transaction. The request row is locked first, so of two calls at once the
   * second sees the first's activity and gets a 409 naming it.
   */
  async schedule(id: string, dto: ScheduleRequestDto, user: AuthUser): Promise<ScheduledRequest> {
    const { result, notificationId } = await this.dataSource.transaction(async (manager) => {
      const viewer = committee(user);
      const locked = await lockRequest(manager, id, viewer);
      if (locked.activityId) {
        throw new DomainException(
          RequestRefusals.REQUEST_ALREADY_SCHEDULED,
          `request is already scheduled as activity ${locked.activityCode}`,
          { activityCode: locked.activityCode },
          { activityId: locked.activityId, activityCode: locked.activityCode },
        );
      }
      assertTransition('schedule', locked.status);
      const request = await findRequest(manager, id, viewer);
      const quarter = request.preferredQuarter;
      const covering = await planCovering(manager, quarter);
      if (!covering) {
        throw new DomainException(RequestRefusals.NO_PLAN_COVERS_QUARTER, `no TA plan covers the preferred quarter ${quarter}`, { quarter });
      }
      const plan = await lockPlan(manager, covering.id);
      if (plan.status === 'closed') {
        throw new DomainException(RequestRefusals.COVERING_PLAN_CLOSED, `plan ${plan.code}, which covers ${quarter}, is closed`, {
          planCode: plan.code,
          quarter,
        });
      }
      const product = await productOfPlan(manager, plan, dto.productId);
      const activityDto = {
        planId: plan.id,
        productId: dto.productId,
        title: dto.title ?? (await this.defaultTitle(manager, request)),
        type: 'national',
        deliveryMode: 'face_to_face',
        languages: [request.language],
        topics: request.topics,
        leadDivision: dto.leadDivision ?? DEFAULT_LEAD_DIVISION,
        beneficiaryCountries: [request.country],
        plannedQuarter: request.preferredQuarter,
        capacity: dto.capacity ?? request.expectedParticipants,
        budgetPlanned: dto.budgetPlanned ?? '0.00',
      } as CreateActivityDto;
      const settled = await checkActivity(manager, plan, draftOf(activityDto, plan), false);
      const created = await this.activities.createFromRequest(manager, id, plan, activityDto, product, settled.region, user);
      await manager.query('UPDATE national_requests SET activity_id = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, created.id]);
      await recordRequestHistory(manager, id, user.id, 'schedule', locked.status, locked.status, {
        activityId: created.id,
        activityCode: created.code,
        planCode: plan.code,
      });
      const notificationId = await this.notify(manager, request, NotificationKind.RequestScheduled, {
        activityCode: created.code,
        activityTitle: created.title,
      });
      return { result: { request: await findRequest(manager, id, viewer), activity: created }, notificationId };
    });
    await this.notifications.dispatch([notificationId]);
    return result;
  }

  /** What the committee looks at: the country's history, LDC status and its place under the plan's ceiling. */
  async context(id: string, user: AuthUser): Promise<ReviewContext> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const request = await findRequest(manager, id, committee(user));
      const [country] = await selectRows(manager, COUNTRY_FIELDS, null, (select) => `SELECT ${select} FROM countries c WHERE c.code = $1`, [
        request.country,
      ]);
      const earlierRequests: ReviewEarlierRequestView[] = await selectRows(
        manager,
        REQUEST_SUMMARY_FIELDS,
        EARLIER_REQUEST_FIELDS,
        (select) => `SELECT ${select}
         FROM ${REQUEST_FROM} WHERE r.country = $1 AND r.id <> $2 AND r.created_at <= (SELECT created_at FROM national_requests WHERE id = $2)
         ORDER BY r.created_at DESC, r.id DESC LIMIT 100`,
        [request.country, id],
      );
      const deliveredActivities = await selectRows(
        manager,
        DELIVERED_ACTIVITY_FIELDS,
        null,
        (select) => `SELECT ${select}
         FROM activities a
         WHERE ${statusIn('a.status', DELIVERED_STATUSES)} AND $1::char(3) = ANY(a.beneficiary_countries)
           AND a.end_date >= (current_date - interval '3 years')::date
         ORDER BY a.end_date DESC, a.code`,
        [request.country],
      );
      const covering = await planCovering(manager, request.preferredQuarter);
      const count = covering ? await nationalActivityCount(manager, covering.id, request.country) : 0;
      return {
        request,
        country,
        earlierRequests,
        deliveredActivities,
        plan: covering && {
          id: covering.id,
          code: covering.code,
          title: covering.title,
          periodStart: covering.periodStart,
          periodEnd: covering.periodEnd,
          ceilingPerCountry: covering.ceilingPerCountry,
        },
        nationalActivitiesInPlan: count,
        ceilingReached: covering?.ceilingPerCountry != null && count >= covering.ceilingPerCountry,
      };
    });
  }

  /** Locks the request, checks the transition, applies it, records it and notifies the requester after commit. */
  private async decide(
    id: string,
    action: 'review' | 'approve' | 'reject',
    user: AuthUser,
    apply: (
      manager: EntityManager,
      request: RequestView,
    ) => Promise<{ kind: NotificationKind; reason?: string | null; details: Record<string, unknown> }>,
  ): Promise<RequestView> {
    const { view, notificationId } = await this.dataSource.transaction(async (manager) => {
      const viewer = committee(user);
      const locked = await lockRequest(manager, id, viewer);
      assertTransition(action, locked.status);
      const request = await findRequest(manager, id, viewer);
      const to: RequestStatus = REQUEST_TRANSITIONS[action].to;
      const outcome = await apply(manager, request);
      await recordRequestHistory(manager, id, user.id, action, locked.status, to, outcome.details);
      const notificationId = await this.notify(manager, request, outcome.kind, { reason: outcome.reason ?? null });
      return { view: await findRequest(manager, id, viewer), notificationId };
    });
    await this.notifications.dispatch([notificationId]);
    return view;
  }

  private notify(
    manager: EntityManager,
    request: RequestView,
    kind: NotificationKind,
    params: { reason?: string | null; activityCode?: string; activityTitle?: string },
  ): Promise<string | null> {
    if (!request.requestedBy) return Promise.resolve(null);
    return this.notifications.queue(manager, {
      userId: request.requestedBy,
      kind,
      params: { ...params, countryName: request.countryName, preferredQuarter: request.preferredQuarter },
      dedupKey: `${kind}:request-${request.id}:${request.requestedBy}`,
    });
  }

  private async defaultTitle(manager: EntityManager, request: RequestView): Promise<string> {
    const topics = (await manager.query('SELECT name FROM topics WHERE code = ANY($1::text[]) ORDER BY array_position($1::text[], code)', [
      request.topics,
    ])) as { name: string }[];
    return `National activity for ${request.countryName}: ${topics.map((topic) => topic.name).join(', ')}`.slice(0, 300);
  }
}
