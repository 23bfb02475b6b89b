import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ACTIVITY_FIELDS, type ActivityRecord } from '@trta/activities';
import { queryRows, selectList, type FieldMap } from '@trta/database';
import { type OpenedFile } from '@trta/files';
import { decodeCursor, DomainException, toPage, type AuthUser, type Page } from '@trta/http';
import { NotificationKind, NotificationsService } from '@trta/notifications';
import {
  APPLICATION_COLUMNS,
  APPLICATION_FROM,
  applicationRows,
  APPLICATION_ROW_FIELDS,
  applicationView,
  constraintConflict,
  visibility,
  type ApplicationRow,
} from './application-queries';
import type { ApplicationStatus } from './application.policy';
import { ApplicationRefusals as R } from './applications.refusals';
import { DraftsService } from './drafts.service';
import type { ApplyCheckView } from './drafts.dto';
import type { RequiredDocument } from '@trta/sheets';
import {
  ListMyApplicationsQueryDto,
  ListNominationsQueryDto,
  type ApplicationView,
  SubmitApplicationDto,
} from './applications.dto';

/** What the activity's form needs of the activity, from its field map. */
const FORM_ACTIVITY_FIELDS = [
  'id',
  'code',
  'title',
  'type',
  'status',
  'applicationDeadline',
  'requiresNomination',
  'prerequisiteLevel',
  'startDate',
] as const satisfies (keyof ActivityRecord)[];

type ActivityForForm = Pick<ActivityRecord, (typeof FORM_ACTIVITY_FIELDS)[number]> & {
  deadlinePassed: boolean;
  beneficiaries: string;
  countryEligible: boolean;
  requiredDocuments: string[];
};

/** A page's row: the application and its keyset position. */
const PAGE_FIELDS: FieldMap<ApplicationRow & { sortKey: string }> = { ...APPLICATION_ROW_FIELDS, sortKey: 'ap.submitted_at::text' };

/** Participation forms: submission with its eligibility rules, and every read of an application. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly drafts: DraftsService,
  ) {}

  /**
   * An application staff register directly, in any status up to completed (participants
   * registered by participation); in the caller's transaction.
   */
  async registerByStaff(
    manager: EntityManager,
    values: {
      activityId: string;
      applicantId: string;
      country: string;
      status: string;
      staffId: string;
      attendedDays: number | null;
      certificateCode: string | null;
    },
  ): Promise<{ id: string }> {
    const [application] = (await manager.query(
      `INSERT INTO applications (activity_id, applicant_id, country, status, decided_at, decided_by, attended_days, completed_at,
         certificate_code, registered_by)
       VALUES ($1, $2, $3, $4, CASE WHEN $4 <> 'submitted' THEN now() END, CASE WHEN $4 <> 'submitted' THEN $5::uuid END, $6,
         CASE WHEN $4 = 'completed' THEN now() END, $7, $5)
       RETURNING id`,
      [values.activityId, values.applicantId, values.country, values.status, values.staffId, values.attendedDays, values.certificateCode],
    )) as { id: string }[];
    return application;
  }

  async submit(activityId: string, dto: SubmitApplicationDto, user: AuthUser): Promise<ApplicationView> {
    const kinds = dto.documents.map((document) => document.kind);
    const repeated = kinds.filter((kind, index) => kinds.indexOf(kind) !== index);
    if (repeated.length > 0) {
      throw new DomainException(R.DOCUMENT_KIND_REPEATED, `documents: give one file per kind; repeated: ${[...new Set(repeated)].join(', ')}`, {
        kinds: [...new Set(repeated)],
      });
    }
    let activityCode = activityId;
    const { id, notificationIds } = await this.dataSource
      .transaction(async (manager) => {
        const applicant = await this.activeApplicant(manager, user.id);
        const activity = await this.activityForForm(manager, activityId, applicant.country);
        activityCode = activity.code;
        this.assertEligible(activity, applicant.country);
        await this.assertPrerequisite(manager, activity, user.id);
        await this.assertDocuments(manager, activity, dto, user.id);

        const [{ id }] = (await manager.query(
          `INSERT INTO applications (activity_id, applicant_id, country, motivation) VALUES ($1, $2, $3, $4) RETURNING id`,
          [activity.id, user.id, applicant.country, dto.motivation],
        )) as { id: string }[];
        for (const document of dto.documents) {
          await manager.query('INSERT INTO application_documents (application_id, kind, file_id) VALUES ($1, $2, $3)', [
            id,
            document.kind,
            document.fileId,
          ]);
        }
        // The draft it was written from is done with.
        await this.drafts.remove(manager, activity.id, user.id);
        const params = { activityCode: activity.code, activityTitle: activity.title, startDate: activity.startDate };
        const notificationIds = [
          await this.notifications.queue(manager, { userId: user.id, kind: NotificationKind.ApplicationSubmitted, applicationId: id, params }),
        ];
        if (activity.requiresNomination) {
          const focalPoints = (await manager.query(
            `SELECT id FROM users WHERE role = 'focal_point' AND country = $1 AND deleted_at IS NULL ORDER BY created_at`,
            [applicant.country],
          )) as { id: string }[];
          for (const focalPoint of focalPoints) {
            notificationIds.push(
              await this.notifications.queue(manager, {
                userId: focalPoint.id,
                kind: NotificationKind.NominationNeeded,
                applicationId: id,
                params: { ...params, applicantName: applicant.fullName },
              }),
            );
          }
        }
        return { id, notificationIds };
      })
      .catch((error: unknown) => {
        throw constraintConflict(error, { code: activityCode, capacity: 0, nominationQuota: 0 }) ?? error;
      });
    await this.notifications.dispatch(notificationIds);
    return this.view(id, user);
  }

  /**
   * Whether the signed-in applicant's participation form to an activity can succeed now, and if
   * not every reason why (the refusals submitting would meet, by code and params), checked by the
   * same rules as submission; their application when they applied already; their saved draft.
   */
  async applyCheck(activityId: string, user: AuthUser): Promise<ApplyCheckView> {
    const manager = this.dataSource.manager;
    const [profile] = (await manager.query('SELECT country FROM applicant_profiles WHERE user_id = $1', [user.id])) as { country: string | null }[];
    const country = profile?.country ?? null;
    const activity = await this.readActivityForForm(manager, activityId, country);
    const refusals: DomainException[] = [];
    const collect = async (check: () => unknown) => {
      try {
        await check();
      } catch (error) {
        if (!(error instanceof DomainException) || error.status === 401) throw error;
        refusals.push(error);
      }
    };
    const [existing] = (await manager.query('SELECT id, status FROM applications WHERE activity_id = $1 AND applicant_id = $2', [activityId, user.id])) as {
      id: string;
      status: ApplicationStatus;
    }[];
    if (existing) {
      refusals.push(
        new DomainException(R.ALREADY_APPLIED, `you have already applied to activity ${activity.code}: one application per person per activity`, {
          activityCode: activity.code,
          applicationId: existing.id,
        }),
      );
    }
    await collect(() => this.assertOpen(activity));
    await collect(() => this.activeApplicant(manager, user.id));
    if (country) await collect(() => this.assertEligible(activity, country));
    await collect(() => this.assertPrerequisite(manager, activity, user.id));
    return {
      activityId,
      country,
      countryEligible: country === null ? null : activity.countryEligible,
      requiresNomination: activity.requiresNomination,
      requiredDocuments: activity.requiredDocuments as RequiredDocument[],
      refusals: refusals.map((refusal) => ({ code: refusal.code, params: refusal.params, message: refusal.message })),
      applicationId: existing?.id ?? null,
      applicationStatus: existing?.status ?? null,
      draft: await this.drafts.find(manager, activityId, user.id),
      allowedActions: refusals.length === 0 ? ['apply'] : [],
    };
  }

  /** One application as `user` may see it; a 404 for anyone who may not. */
  async findVisible(id: string, user: AuthUser, manager: EntityManager = this.dataSource.manager): Promise<ApplicationView> {
    const { condition, params } = visibility(user);
    const [row] = await applicationRows(manager, `SELECT ${APPLICATION_COLUMNS} ${APPLICATION_FROM} WHERE ap.id = $1 AND ${condition}`, [id, ...params]);
    if (!row) throw new DomainException(R.APPLICATION_NOT_FOUND, `Application ${id} not found`, { applicationId: id });
    return applicationView(row, user);
  }

  /** The application after `user` changed it, with what they may do next. */
  async view(id: string, user: AuthUser, manager: EntityManager = this.dataSource.manager): Promise<ApplicationView> {
    const [row] = await applicationRows(manager, `SELECT ${APPLICATION_COLUMNS} ${APPLICATION_FROM} WHERE ap.id = $1`, [id]);
    if (!row) throw new DomainException(R.APPLICATION_NOT_FOUND, `Application ${id} not found`, { applicationId: id });
    return applicationView(row, user);
  }

  /** A document of an application the user may see, for download. */
  async openDocument(id: string, kind: string, user: AuthUser): Promise<OpenedFile> {
    const { condition, params } = visibility(user);
    const [file] = (await this.dataSource.query(
      `SELECT f.id, f.filename, f.media_type AS "mediaType", f.size_bytes AS "sizeBytes", f.content
       FROM applications ap JOIN application_documents d ON d.application_id = ap.id JOIN stored_files f ON f.id = d.file_id
       WHERE ap.id = $1 AND ${condition} AND d.kind = $4`,
      [id, ...params, kind],
    )) as OpenedFile[];
    if (!file) throw new DomainException(R.DOCUMENT_NOT_FOUND, `Document ${kind} of application ${id} not found`, { applicationId: id, kind });
    return file;
  }

  /** The applicant's own applications, newest first. */
  async listMine(user: AuthUser, query: ListMyApplicationsQueryDto): Promise<Page<ApplicationView>> {
    const where = ['ap.applicant_id = $1'];
    const params: unknown[] = [user.id];
    if (query.status) where.push(`ap.status = $${params.push(query.status)}`);
    if (query.cursor) {
      const [submittedAt, id] = decodeCursor(query.cursor, 2);
      where.push(`(ap.submitted_at, ap.id) < ($${params.push(submittedAt)}::timestamptz, $${params.push(id)}::uuid)`);
    }
    return this.page(where, params, 'DESC', query.limit, user);
  }

  /** A focal point's queue: their country's applications to activities that require a nomination. */
  async listNominations(user: AuthUser, query: ListNominationsQueryDto): Promise<Page<ApplicationView>> {
    const where = ['a.requires_nomination'];
    const params: unknown[] = [];
    // An admin, who has no country, sees every country's.
    if (user.role !== 'admin' || user.country) where.push(`ap.country = $${params.push(user.country)}`);
    if (query.status) where.push(`ap.status = $${params.push(query.status)}`);
    if (query.activityId) where.push(`ap.activity_id = $${params.push(query.activityId)}`);
    if (query.cursor) {
      const [submittedAt, id] = decodeCursor(query.cursor, 2);
      where.push(`(ap.submitted_at, ap.id) > ($${params.push(submittedAt)}::timestamptz, $${params.push(id)}::uuid)`);
    }
    return this.page(where, params, 'ASC', query.limit, user);
  }

  private async page(where: string[], params: unknown[], direction: 'ASC' | 'DESC', limit: number, user: AuthUser): Promise<Page<ApplicationView>> {
    // The cursor keeps submitted_at as PostgreSQL prints it: microseconds, which a JS Date would lose.
    const rows = await queryRows(
      this.dataSource.manager,
      PAGE_FIELDS,
      `SELECT ${selectList(PAGE_FIELDS)} ${APPLICATION_FROM}
       WHERE ${where.join(' AND ')} ORDER BY ap.submitted_at ${direction}, ap.id ${direction} LIMIT ${limit + 1}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.sortKey, row.id]);
    return { ...page, items: page.items.map(({ sortKey: _sortKey, ...row }) => applicationView(row, user)) };
  }

  /** The signed-in applicant's profile; an account deleted since the token was issued is signed out. */
  private async activeApplicant(manager: EntityManager, userId: string): Promise<{ country: string; fullName: string }> {
    const [row] = (await manager.query(
      `SELECT u.deleted_at AS "deletedAt", p.country, p.full_name AS "fullName"
       FROM users u LEFT JOIN applicant_profiles p ON p.user_id = u.id WHERE u.id = $1`,
      [userId],
    )) as { deletedAt: Date | null; country: string | null; fullName: string | null }[];
    if (!row || row.deletedAt) throw new DomainException(R.ACCOUNT_DELETED, 'this account was deleted');
    if (!row.country || row.fullName === null) {
      throw new DomainException(R.PROFILE_INCOMPLETE, 'profile: complete your applicant profile (PUT /api/me/profile) before applying');
    }
    return { country: row.country, fullName: row.fullName };
  }

  private async activityForForm(manager: EntityManager, activityId: string, country: string): Promise<ActivityForForm> {
    const activity = await this.readActivityForForm(manager, activityId, country);
    this.assertOpen(activity);
    return activity;
  }

  private async readActivityForForm(manager: EntityManager, activityId: string, country: string | null): Promise<ActivityForForm> {
    const [activity] = (await manager.query(
      `SELECT ${selectList(ACTIVITY_FIELDS, 'a', FORM_ACTIVITY_FIELDS)},
         coalesce(current_date > a.application_deadline, false) AS "deadlinePassed",
         array_to_string(a.beneficiary_countries, ', ') AS beneficiaries,
         (a.type = 'global' OR $2::bpchar = ANY(a.beneficiary_countries)) AS "countryEligible",
         coalesce(s.required_documents, '{}')::text[] AS "requiredDocuments"
       FROM activities a LEFT JOIN activity_sheets s ON s.activity_id = a.id WHERE a.id = $1`,
      [activityId, country],
    )) as ActivityForForm[];
    if (!activity) throw new DomainException(R.ACTIVITY_NOT_FOUND, `Activity ${activityId} not found`, { activityId });
    return activity;
  }

  private assertOpen(activity: ActivityForForm): void {
    if (activity.status !== 'open') {
      throw new DomainException(R.NOT_OPEN_FOR_APPLICATIONS, `activity ${activity.code} is not open for applications (status ${activity.status})`, {
        activityCode: activity.code,
        status: activity.status,
      });
    }
    if (activity.deadlinePassed) {
      throw new DomainException(
        R.DEADLINE_PASSED,
        `deadline: the application deadline of activity ${activity.code} was ${activity.applicationDeadline}`,
        { activityCode: activity.code, deadline: activity.applicationDeadline },
      );
    }
  }

  private assertEligible(activity: ActivityForForm, country: string): void {
    if (!activity.countryEligible) {
      throw new DomainException(
        R.NOT_ELIGIBLE_COUNTRY,
        `beneficiary country: activity ${activity.code} is a ${activity.type} activity for ${activity.beneficiaries}; your profile country ${country} is not among its beneficiaries`,
        { activityCode: activity.code, country, beneficiaries: activity.beneficiaries },
      );
    }
  }

  private async assertPrerequisite(manager: EntityManager, activity: ActivityForForm, applicantId: string): Promise<void> {
    if (activity.prerequisiteLevel === null) return;
    const [{ met }] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM applications ap JOIN activities a ON a.id = ap.activity_id
         WHERE ap.applicant_id = $1 AND ap.status = 'completed' AND a.pls_level >= $2) AS met`,
      [applicantId, activity.prerequisiteLevel],
    )) as { met: boolean }[];
    if (!met) {
      throw new DomainException(
        R.PREREQUISITE_NOT_MET,
        `prerequisite level: activity ${activity.code} requires a completed activity of PLS level ${activity.prerequisiteLevel} or above`,
        { activityCode: activity.code, level: activity.prerequisiteLevel },
      );
    }
  }

  private async assertDocuments(manager: EntityManager, activity: ActivityForForm, dto: SubmitApplicationDto, applicantId: string): Promise<void> {
    const given = new Set<string>(dto.documents.map((document) => document.kind));
    const missing = activity.requiredDocuments.filter((kind) => !given.has(kind));
    if (missing.length > 0) {
      throw new DomainException(
        R.DOCUMENTS_MISSING,
        `documents: activity ${activity.code} requires ${activity.requiredDocuments.join(', ')}; missing: ${missing.join(', ')}`,
        { activityCode: activity.code, missing },
        { missingDocuments: missing },
      );
    }
    const fileIds = [...new Set(dto.documents.map((document) => document.fileId))];
    if (fileIds.length === 0) return;
    const owned = (await manager.query('SELECT id FROM stored_files WHERE id = ANY($1::uuid[]) AND uploaded_by = $2', [fileIds, applicantId])) as {
      id: string;
    }[];
    const ownedIds = new Set(owned.map((row) => row.id));
    const foreign = fileIds.filter((fileId) => !ownedIds.has(fileId));
    if (foreign.length > 0) {
      throw new DomainException(
        R.DOCUMENTS_NOT_YOURS,
        `documents: attach files you uploaded yourself (POST /api/me/files); not yours or unknown: ${foreign.join(', ')}`,
        { fileIds: foreign },
      );
    }
  }
}
