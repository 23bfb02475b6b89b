import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource, EntityManager } from 'typeorm';
import { FilesService, MEDIA_TYPES } from '@trta/files';
import { DomainException, type AuthUser } from '@trta/http';
import { ApplicationRefusals as R } from './applications.refusals';
import { APPLICANT_PROFILE_COLUMNS, APPLICANT_PROFILE_ROW_FIELDS, ApplicantProfileDto, USER_FIELDS, UsersService } from '@trta/identity';
import { type FieldMap, queryRows, selectList } from '@trta/database';
import { NotificationsService } from '@trta/notifications';
import { ApplicantErasureSteps } from './applicant-erasure-steps';
import { DraftsService } from './drafts.service';
import { APPLICATION_COLUMNS, APPLICATION_FROM, applicationRows, applicationView } from './application-queries';
import { ApplicantProfileView, PersonalAccountView, PersonalDataView, UploadedFileView } from './profile.dto';

/** What an applicant may attach to a participation form, detected from the content. */
export const DOCUMENT_MEDIA_TYPES = [MEDIA_TYPES.pdf, MEDIA_TYPES.png, MEDIA_TYPES.jpeg, MEDIA_TYPES.docx] as const;

/** The account as the personal-data copy shows it: the user and when it last changed. */
const ACCOUNT_FIELDS: FieldMap<PersonalAccountView> = { ...USER_FIELDS, updatedAt: 'updated_at' };

/**
 * The applicant's own data: their profile, their uploads, a copy of everything kept about them,
 * and the erasure of their account. Erasure keeps what the audit report counts (gender,
 * country, institution type, the statuses of applications and evaluation scores) and nothing
 * that names or reaches the person.
 */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly files: FilesService,
    private readonly notifications: NotificationsService,
    private readonly erasureSteps: ApplicantErasureSteps,
    private readonly drafts: DraftsService,
  ) {}

  async get(user: AuthUser): Promise<ApplicantProfileView> {
    await this.assertActive(this.dataSource.manager, user.id);
    const [profile] = await queryRows(this.dataSource.manager, APPLICANT_PROFILE_ROW_FIELDS, `SELECT ${APPLICANT_PROFILE_COLUMNS} FROM applicant_profiles p WHERE p.user_id = $1`, [
      user.id,
    ]);
    if (!profile) throw new DomainException(R.PROFILE_NOT_FOUND, `Applicant profile of user ${user.id} not found`);
    return profile;
  }

  async put(user: AuthUser, dto: ApplicantProfileDto): Promise<ApplicantProfileView> {
    await this.assertActive(this.dataSource.manager, user.id);
    await this.users.assertCountriesExist({ nationality: dto.nationality, country: dto.country });
    const updated = await this.users.updateProfile(user.id, dto);
    if (!updated) throw new DomainException(R.PROFILE_NOT_FOUND, `Applicant profile of user ${user.id} not found`);
    return updated;
  }

  /** A document for a later participation form; `uploaded_by` makes it the applicant's own. */
  async upload(user: AuthUser, request: FastifyRequest): Promise<UploadedFileView> {
    await this.assertActive(this.dataSource.manager, user.id);
    const { id, filename, mediaType, sizeBytes } = await this.files.storeUpload(request, { allowed: DOCUMENT_MEDIA_TYPES, uploadedBy: user.id });
    return { id, filename, mediaType, sizeBytes };
  }

  /** Everything kept about the person, as one JSON document. */
  async export(user: AuthUser): Promise<PersonalDataView> {
    const manager = this.dataSource.manager;
    await this.assertActive(manager, user.id);
    const [account] = await queryRows(manager, ACCOUNT_FIELDS, `SELECT ${selectList(ACCOUNT_FIELDS)} FROM users WHERE id = $1`, [user.id]);
    const [profile] = await queryRows(manager, APPLICANT_PROFILE_ROW_FIELDS, `SELECT ${APPLICANT_PROFILE_COLUMNS} FROM applicant_profiles p WHERE p.user_id = $1`, [
      user.id,
    ]);
    const applications = (
      await applicationRows(manager, `SELECT ${APPLICATION_COLUMNS} ${APPLICATION_FROM} WHERE ap.applicant_id = $1 ORDER BY ap.submitted_at, ap.id`, [user.id])
    ).map((row) => applicationView(row, user));
    const evaluations = await manager.query(
      `SELECT e.application_id AS "applicationId", e.satisfaction, e.relevance, e.pre_test_score AS "preTestScore",
         e.post_test_score AS "postTestScore", e.comments, e.applied_in_work AS "appliedInWork",
         e.follow_up_comments AS "followUpComments", e.follow_up_at AS "followUpAt", e.submitted_at AS "submittedAt"
       FROM evaluations e JOIN applications ap ON ap.id = e.application_id WHERE ap.applicant_id = $1 ORDER BY e.submitted_at`,
      [user.id],
    );
    const notifications = await manager.query(
      `SELECT id, application_id AS "applicationId", kind, locale, to_email AS "toEmail", subject, body, status,
         created_at AS "createdAt", processed_at AS "processedAt"
       FROM notifications WHERE user_id = $1 ORDER BY created_at, id`,
      [user.id],
    );
    const files = await manager.query(
      `SELECT id, filename, media_type AS "mediaType", size_bytes AS "sizeBytes", created_at AS "createdAt"
       FROM stored_files WHERE uploaded_by = $1 ORDER BY created_at, id`,
      [user.id],
    );
    return { exportedAt: new Date().toISOString(), user: account, profile: profile ?? null, applications, evaluations, notifications, files };
  }

  /** Deletes the account: personal data erased or anonymised in one transaction, the audit counts kept. */
  async erase(user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [account] = (await manager.query('SELECT role, deleted_at AS "deletedAt" FROM users WHERE id = $1 FOR UPDATE', [user.id])) as {
        role: string;
        deletedAt: Date | null;
      }[];
      if (!account || account.deletedAt) throw new DomainException(R.ACCOUNT_DELETED, 'this account was deleted');
      if (account.role !== 'applicant') {
        throw new DomainException(R.STAFF_ACCOUNT_NOT_SELF_DELETABLE, 'only an applicant deletes their own account; staff accounts are managed by an admin');
      }
      const own = '(SELECT id FROM applications WHERE applicant_id = $1)';
      const files = (await manager.query(
        `SELECT d.file_id AS id FROM application_documents d WHERE d.application_id IN ${own}
         UNION SELECT id FROM stored_files WHERE uploaded_by = $1`,
        [user.id],
      )) as { id: string }[];
      await manager.query(`DELETE FROM application_documents WHERE application_id IN ${own}`, [user.id]);
      await this.drafts.eraseFor(manager, user.id);
      await this.files.removeUnused(manager, files.map((file) => file.id));
      const anonymousEmail = `deleted-${user.id}@deleted.invalid`;
      await this.users.eraseAccount(manager, user.id, anonymousEmail);
      await manager.query(`UPDATE applications SET motivation = '', updated_at = now() WHERE applicant_id = $1`, [user.id]);
      await this.erasureSteps.run(manager, user.id);
      await this.notifications.eraseFor(manager, user.id, anonymousEmail);
    });
  }

  private async assertActive(manager: EntityManager, userId: string): Promise<void> {
    const [row] = (await manager.query('SELECT deleted_at AS "deletedAt" FROM users WHERE id = $1', [userId])) as { deletedAt: Date | null }[];
    if (!row || row.deletedAt) throw new DomainException(R.ACCOUNT_DELETED, 'this account was deleted');
  }
}
