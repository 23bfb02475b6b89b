import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows, selectList, type FieldMap } from '@trta/database';
import { decodeCursor, DomainException, toPage, type AuthUser, type Page } from '@trta/http';
import { ApplicationRefusals as R } from './applications.refusals';
import { type ApplicationDraftView, ListDraftsQueryDto, SaveDraftDto } from './drafts.dto';

/** The draft's fields over `application_drafts d JOIN activities a`. */
const DRAFT_FIELDS: FieldMap<ApplicationDraftView> = {
  activityId: 'd.activity_id',
  activityCode: 'a.code',
  activityTitle: 'a.title',
  applicationDeadline: 'a.application_deadline::text',
  motivation: 'd.motivation',
  documents: `coalesce((SELECT json_agg(json_build_object('kind', doc ->> 'kind', 'fileId', f.id, 'filename', f.filename) ORDER BY doc ->> 'kind')
    FROM jsonb_array_elements(d.documents) doc JOIN stored_files f ON f.id = (doc ->> 'fileId')::uuid), '[]'::json)`,
  updatedAt: `to_char(d.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};
const PAGE_FIELDS: FieldMap<ApplicationDraftView & { sortKey: string }> = { ...DRAFT_FIELDS, sortKey: 'd.updated_at::text' };
const FROM = 'FROM application_drafts d JOIN activities a ON a.id = d.activity_id';

/**
 * Participation forms kept on the server while they are written: the applicant saves what they
 * have (nothing is required yet), comes back on any device and submits; submission deletes it.
 */
@Injectable()
export class DraftsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(manager: EntityManager, activityId: string, applicantId: string): Promise<ApplicationDraftView | null> {
    const [draft] = await queryRows(manager, DRAFT_FIELDS, `SELECT ${selectList(DRAFT_FIELDS)} ${FROM} WHERE d.activity_id = $1 AND d.applicant_id = $2`, [
      activityId,
      applicantId,
    ]);
    return draft ?? null;
  }

  /** Saves the form as it is, while the activity is open and the applicant has not applied yet. */
  async save(activityId: string, dto: SaveDraftDto, user: AuthUser): Promise<ApplicationDraftView> {
    const kinds = dto.documents.map((document) => document.kind);
    const repeated = [...new Set(kinds.filter((kind, index) => kinds.indexOf(kind) !== index))];
    if (repeated.length > 0) {
      throw new DomainException(R.DOCUMENT_KIND_REPEATED, `documents: give one file per kind; repeated: ${repeated.join(', ')}`, { kinds: repeated });
    }
    return this.dataSource.transaction(async (manager) => {
      const [activity] = (await manager.query('SELECT code, status FROM activities WHERE id = $1', [activityId])) as { code: string; status: string }[];
      if (!activity) throw new DomainException(R.ACTIVITY_NOT_FOUND, `Activity ${activityId} not found`, { activityId });
      if (activity.status !== 'open') {
        throw new DomainException(R.NOT_OPEN_FOR_APPLICATIONS, `activity ${activity.code} is not open for applications (status ${activity.status})`, {
          activityCode: activity.code,
          status: activity.status,
        });
      }
      const [applied] = (await manager.query('SELECT id FROM applications WHERE activity_id = $1 AND applicant_id = $2', [activityId, user.id])) as {
        id: string;
      }[];
      if (applied) {
        throw new DomainException(R.ALREADY_APPLIED, `you have already applied to activity ${activity.code}: one application per person per activity`, {
          activityCode: activity.code,
          applicationId: applied.id,
        });
      }
      const fileIds = [...new Set(dto.documents.map((document) => document.fileId))];
      if (fileIds.length > 0) {
        const owned = (await manager.query('SELECT id FROM stored_files WHERE id = ANY($1::uuid[]) AND uploaded_by = $2', [fileIds, user.id])) as { id: string }[];
        const foreign = fileIds.filter((fileId) => !owned.some((row) => row.id === fileId));
        if (foreign.length > 0) {
          throw new DomainException(R.DOCUMENTS_NOT_YOURS, `documents: attach files you uploaded yourself (POST /api/me/files); not yours or unknown: ${foreign.join(', ')}`, {
            fileIds: foreign,
          });
        }
      }
      await manager.query(
        `INSERT INTO application_drafts (activity_id, applicant_id, motivation, documents) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (applicant_id, activity_id) DO UPDATE SET motivation = EXCLUDED.motivation, documents = EXCLUDED.documents, updated_at = now()`,
        [activityId, user.id, dto.motivation, JSON.stringify(dto.documents.map(({ kind, fileId }) => ({ kind, fileId })))],
      );
      return (await this.find(manager, activityId, user.id))!;
    });
  }

  /** Forgets a draft; nothing to do when there is none. In the caller's transaction when given. */
  async remove(manager: EntityManager, activityId: string, applicantId: string): Promise<void> {
    await manager.query('DELETE FROM application_drafts WHERE activity_id = $1 AND applicant_id = $2', [activityId, applicantId]);
  }

  async discard(activityId: string, user: AuthUser): Promise<void> {
    await this.remove(this.dataSource.manager, activityId, user.id);
  }

  /** The applicant's drafts, last saved first. */
  async listMine(user: AuthUser, query: ListDraftsQueryDto): Promise<Page<ApplicationDraftView>> {
    const params: unknown[] = [user.id];
    const where = ['d.applicant_id = $1'];
    if (query.cursor) {
      const [updatedAt, activityId] = decodeCursor(query.cursor, 2);
      where.push(`(d.updated_at, d.activity_id) < ($${params.push(updatedAt)}::timestamptz, $${params.push(activityId)}::uuid)`);
    }
    const rows = await queryRows(
      this.dataSource.manager,
      PAGE_FIELDS,
      `SELECT ${selectList(PAGE_FIELDS)} ${FROM} WHERE ${where.join(' AND ')} ORDER BY d.updated_at DESC, d.activity_id DESC LIMIT ${query.limit + 1}`,
      params,
    );
    const page = toPage(rows, query.limit, (row) => [row.sortKey, row.activityId]);
    return { ...page, items: page.items.map(({ sortKey: _sortKey, ...draft }) => draft) };
  }

  /** An applicant's erasure: their drafts go. In the caller's transaction. */
  async eraseFor(manager: EntityManager, applicantId: string): Promise<void> {
    await manager.query('DELETE FROM application_drafts WHERE applicant_id = $1', [applicantId]);
  }
}
