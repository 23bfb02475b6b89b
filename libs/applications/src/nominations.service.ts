import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, DomainException, invalidCursor, toPage, type AuthUser, type Page } from '@trta/http';
import { NotificationKind, NotificationsService } from '@trta/notifications';
import { APPLICATION_COLUMNS, APPLICATION_FROM, applicationRows, applicationView, constraintConflict } from './application-queries';
import { DECIDING_ACTIVITY_STATUSES, isDecidingActivity, mayNominate, NOMINATION_FROM, type ApplicationStatus } from './application.policy';
import { ApplicationRefusals as R } from './applications.refusals';
import type { ApplicationView } from './applications.dto';
import {
  EndorseManyDto,
  type EndorsedManyView,
  ListNominationActivitiesQueryDto,
  type NominationActivityView,
  RankCandidatesDto,
  type RankedCandidatesView,
} from './nominations.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a focal point decides with: the activities waiting for their country's nominations with
 * the quota used and left, their ranking of the country's candidates (staff see it), and
 * endorsing several candidates at once. The quota itself is the database trigger's (migration 0008).
 */
@Injectable()
export class NominationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  private country(user: AuthUser): string {
    if (user.role !== 'focal_point' || !user.country) {
      throw new DomainException(R.NOT_FOCAL_POINT_OF_COUNTRY, 'only a focal point of a country nominates its candidates', { country: null, action: 'nominate' });
    }
    return user.country;
  }

  /** Activities requiring a nomination with candidates from the focal point's country, soonest first, with the quota. */
  async activities(user: AuthUser, query: ListNominationActivitiesQueryDto): Promise<Page<NominationActivityView>> {
    const country = this.country(user);
    const params: unknown[] = [country, [...DECIDING_ACTIVITY_STATUSES]];
    const where = ['a.requires_nomination', 'EXISTS (SELECT 1 FROM applications x WHERE x.activity_id = a.id AND x.country = $1)'];
    const sortKey = `coalesce(a.start_date, 'infinity'::date)`;
    if (query.cursor) {
      const [key, id] = decodeCursor(query.cursor, 2);
      if (typeof key !== 'string' || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
      where.push(`(${sortKey}, a.id) > ($${params.push(key)}::date, $${params.push(id)}::uuid)`);
    }
    const rows = (await this.dataSource.query(
      `SELECT a.id AS "activityId", a.code AS "activityCode", a.title AS "activityTitle", a.start_date::text AS "startDate",
         a.application_deadline::text AS "applicationDeadline", $1::text AS country, a.nomination_quota AS quota,
         coalesce(n.endorsed, 0) AS endorsed, a.nomination_quota - coalesce(n.endorsed, 0) AS "left",
         (SELECT count(*)::int FROM applications x WHERE x.activity_id = a.id AND x.country = $1 AND x.status <> 'withdrawn') AS candidates,
         (SELECT count(*)::int FROM applications x WHERE x.activity_id = a.id AND x.country = $1 AND x.status = 'submitted') AS waiting,
         a.status = ANY($2::text[]) AS deciding, ${sortKey}::text AS "sortKey"
       FROM activities a LEFT JOIN nomination_counts n ON n.activity_id = a.id AND n.country = $1
       WHERE ${where.join(' AND ')}
       ORDER BY ${sortKey}, a.id LIMIT ${query.limit + 1}`,
      params,
    )) as (NominationActivityView & { sortKey: string })[];
    const page = toPage(rows, query.limit, (row) => [row.sortKey, row.activityId]);
    return { ...page, items: page.items.map(({ sortKey: _sortKey, ...row }) => row) };
  }

  /** The country's candidates to an activity: ranked first in rank order, then the others first come first. */
  async candidates(activityId: string, user: AuthUser): Promise<RankedCandidatesView> {
    const country = this.country(user);
    const rows = await applicationRows(
      this.dataSource.manager,
      `SELECT ${APPLICATION_COLUMNS} ${APPLICATION_FROM}
       WHERE ap.activity_id = $1 AND ap.country = $2 AND ap.status <> 'withdrawn'
       ORDER BY ap.nomination_rank NULLS LAST, ap.submitted_at, ap.id`,
      [activityId, country],
    );
    return { items: rows.map((row) => applicationView(row, user)) };
  }

  /**
   * Ranks the country's candidates to the activity, first preferred first; every candidate not
   * named loses their rank. Each id must be one of the country's applications to the activity.
   */
  async rank(activityId: string, dto: RankCandidatesDto, user: AuthUser): Promise<RankedCandidatesView> {
    const country = this.country(user);
    const ids = dto.applicationIds;
    const repeated = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
    if (repeated.length > 0) {
      throw new DomainException(R.DECISION_REPEATED, 'applicationIds: each candidate once', { applicationIds: repeated });
    }
    await this.dataSource.transaction(async (manager) => {
      const [activity] = (await manager.query('SELECT code FROM activities WHERE id = $1 FOR UPDATE', [activityId])) as { code: string }[];
      if (!activity) throw new DomainException(R.ACTIVITY_NOT_FOUND, `Activity ${activityId} not found`, { activityId });
      const ours = (await manager.query(
        `SELECT id FROM applications WHERE id = ANY($1::uuid[]) AND activity_id = $2 AND country = $3 AND status <> 'withdrawn'`,
        [ids, activityId, country],
      )) as { id: string }[];
      const foreign = ids.filter((id) => !ours.some((row) => row.id === id));
      if (foreign.length > 0) {
        throw new DomainException(R.APPLICATION_NOT_IN_ACTIVITY, `applications ${foreign.join(', ')} are not candidates of ${country} to activity ${activity.code}`, {
          applicationId: foreign[0],
        });
      }
      await manager.query('UPDATE applications SET nomination_rank = NULL WHERE activity_id = $1 AND country = $2 AND nomination_rank IS NOT NULL', [
        activityId,
        country,
      ]);
      await manager.query(
        `UPDATE applications ap SET nomination_rank = ranked.rank FROM unnest($1::uuid[]) WITH ORDINALITY AS ranked(id, rank) WHERE ap.id = ranked.id`,
        [ids],
      );
    });
    return this.candidates(activityId, user);
  }

  /** Endorses several of the country's candidates in one transaction: all, or none with the first refusal met. */
  async endorseMany(dto: EndorseManyDto, user: AuthUser): Promise<EndorsedManyView> {
    const country = this.country(user);
    const ids = [...new Set(dto.applicationIds)];
    let activityForError: { code: string; capacity: number; nominationQuota: number } | undefined;
    const notificationIds = await this.dataSource
      .transaction(async (manager) => {
        const rows = (await manager.query(
          `SELECT ap.id, ap.status, ap.country, ap.applicant_id AS "applicantId", a.id AS "activityId", a.code, a.title, a.start_date AS "startDate",
             a.status AS "activityStatus", a.requires_nomination AS "requiresNomination", a.capacity, a.nomination_quota AS "nominationQuota"
           FROM applications ap JOIN activities a ON a.id = ap.activity_id
           WHERE ap.id = ANY($1::uuid[]) ORDER BY ap.submitted_at, ap.id FOR UPDATE OF ap`,
          [ids],
        )) as {
          id: string;
          status: ApplicationStatus;
          country: string;
          applicantId: string;
          activityId: string;
          code: string;
          title: string;
          startDate: string | null;
          activityStatus: string;
          requiresNomination: boolean;
          capacity: number;
          nominationQuota: number;
        }[];
        const missing = ids.filter((id) => !rows.some((row) => row.id === id && row.country === country));
        if (missing.length > 0) throw new DomainException(R.APPLICATION_NOT_FOUND, `Application ${missing[0]} not found`, { applicationId: missing[0] });
        const queued: string[] = [];

        for (const row of rows) {
          activityForError = row;
          if (!row.requiresNomination) {
            throw new DomainException(R.NOMINATION_NOT_REQUIRED, `activity ${row.code} does not require a nomination: there is nothing to endorse`, {
              activityCode: row.code,
              action: 'endorse',
            });
          }
          if (!isDecidingActivity(row.activityStatus)) {
            throw new DomainException(
              R.ACTIVITY_NOT_DECIDING,
              `activity ${row.code} is ${row.activityStatus}: applications are decided while it is ${DECIDING_ACTIVITY_STATUSES.join(', ')}`,
              { activityCode: row.code, status: row.activityStatus, decidingStatuses: [...DECIDING_ACTIVITY_STATUSES] },
            );
          }
          if (!mayNominate(row.status)) {
            throw new DomainException(
              R.APPLICATION_TRANSITION_NOT_ALLOWED,
              `application ${row.id} is ${row.status}; endorse is allowed only from: ${NOMINATION_FROM.join(', ')}`,
              { action: 'endorse', status: row.status, allowedFrom: [...NOMINATION_FROM] },
            );
          }
          await manager.query(
            `UPDATE applications SET status = 'endorsed', endorsed_at = now(), endorsed_by = $2, nomination_reason = $3,
               version = version + 1, updated_at = now() WHERE id = $1`,
            [row.id, user.id, dto.reason ?? null],
          );
          const notificationId = await this.notifications.queue(manager, {
              userId: row.applicantId,
              kind: NotificationKind.ApplicationEndorsed,
              applicationId: row.id,
              params: { activityCode: row.code, activityTitle: row.title, startDate: row.startDate, reason: dto.reason ?? null },
          });
          if (notificationId) queued.push(notificationId);
        }
        return queued;
      })
      .catch((error: unknown) => {
        throw (activityForError && constraintConflict(error, activityForError, country)) ?? error;
      });
    await this.notifications.dispatch(notificationIds);
    const rows = await applicationRows(this.dataSource.manager, `SELECT ${APPLICATION_COLUMNS} ${APPLICATION_FROM} WHERE ap.id = ANY($1::uuid[]) ORDER BY ap.submitted_at, ap.id`, [ids]);
    const items: ApplicationView[] = rows.map((row) => applicationView(row, user));
    return { endorsed: items.length, items };
  }
}
