import { Injectable, type Type } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource, EntityManager } from 'typeorm';
import { ActivitiesService, SCHEDULED_STATUSES } from '@trta/activities';
import { FilesService, type OpenedFile } from '@trta/files';
import { type AuthUser, createValidationPipe, DomainException, HttpRefusals } from '@trta/http';
import { SheetRefusals } from '../sheets.refusals';
import { type FieldMap, queryRows, selectList } from '@trta/database';
import { MATERIAL_FIELDS } from '../sheets/sheet-fields';
import { assertSheetWritable, hasSheet, MATERIAL_COLUMNS, sheetActivity } from '../sheets/sheet-queries';
import type { MaterialView } from '../sheets/sheets.dto';
import { LinkMaterialDto, MATERIAL_MEDIA_TYPES, MaterialFieldsDto } from './materials.dto';

/** What the history keeps of a removed material: its stored file rather than the file's description. */
const REMOVED_FIELDS: FieldMap<Pick<MaterialView, 'id' | 'title' | 'url'> & { fileId: string | null }> = {
  id: MATERIAL_FIELDS.id,
  title: MATERIAL_FIELDS.title,
  url: MATERIAL_FIELDS.url,
  fileId: 'm.file_id',
};

/** The same validation as the global pipe, for bodies this endpoint has to read itself. */
const validation = createValidationPipe();
function validated<T>(metatype: Type<T>, value: unknown): Promise<T> {
  return validation.transform(value ?? {}, { type: 'body', metatype }) as Promise<T>;
}

@Injectable()
export class MaterialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FilesService,
    private readonly activities: ActivitiesService,
  ) {}

  /** A link (JSON body) or an uploaded file (multipart: the file, title, kind and language). */
  async add(activityId: string, request: FastifyRequest, body: unknown, user: AuthUser): Promise<MaterialView> {
    // Checked before reading an upload, so a wrong id costs no upload; checked again under lock below.
    await this.writableSheet(this.dataSource.manager, activityId);
    if (!request.isMultipart()) {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new DomainException(HttpRefusals.UNSUPPORTED_MEDIA_TYPE, 'send a link as a JSON object, or a file as multipart/form-data');
      }
      const dto = await validated(LinkMaterialDto, body);
      return this.insert(activityId, dto, user, null);
    }
    const upload = await this.files.readUpload(request, MATERIAL_MEDIA_TYPES);
    const fields = await validated(MaterialFieldsDto, upload.fields);
    return this.insert(activityId, fields, user, (manager) => this.files.save(upload, user.id, manager));
  }

  async remove(activityId: string, materialId: string, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.writableSheet(manager, activityId, true);
      const [removed] = await queryRows(
        manager,
        REMOVED_FIELDS,
        `DELETE FROM sheet_materials m WHERE m.id = $1 AND m.activity_id = $2 RETURNING ${selectList(REMOVED_FIELDS)}`,
        [materialId, activityId],
      );
      if (!removed) throw new DomainException(SheetRefusals.MATERIAL_NOT_FOUND, `Material ${materialId} not found`, { materialId });
      // A clone's materials share the file; it goes once nothing refers to it any more.
      if (removed.fileId) await this.files.removeUnused(manager, [removed.fileId]);
      await this.activities.recordHistory(manager, activityId, user.id, 'sheet-material-remove', { material: removed });
    });
  }

  /** For staff and auditors, whether published or not. */
  async openFile(activityId: string, materialId: string): Promise<OpenedFile> {
    return this.fileOf(activityId, materialId, false);
  }

  /** For anyone: only while the sheet is published and the activity in the catalogue's statuses; 404 otherwise. */
  async openPublicFile(activityId: string, materialId: string): Promise<OpenedFile> {
    return this.fileOf(activityId, materialId, true);
  }

  /** The clone's part of cloning: the same materials, a file material sharing the original's stored file (files never change). */
  async copyToClone(manager: EntityManager, sourceId: string, cloneId: string): Promise<void> {
    await manager.query(
      `INSERT INTO sheet_materials (activity_id, title, kind, language, url, file_id, position)
       SELECT $2, title, kind, language, url, file_id, position FROM sheet_materials WHERE activity_id = $1`,
      [sourceId, cloneId],
    );
  }

  private async fileOf(activityId: string, materialId: string, publicOnly: boolean): Promise<OpenedFile> {
    const visible = publicOnly ? 'AND a.sheet_published_at IS NOT NULL AND a.status = ANY($3::text[])' : '';
    const params: unknown[] = [materialId, activityId];
    if (publicOnly) params.push(SCHEDULED_STATUSES);
    const [row] = (await this.dataSource.query(
      `SELECT m.file_id AS "fileId" FROM sheet_materials m JOIN activities a ON a.id = m.activity_id
       WHERE m.id = $1 AND m.activity_id = $2 AND m.file_id IS NOT NULL ${visible}`,
      params,
    )) as { fileId: string }[];
    if (!row) throw new DomainException(SheetRefusals.MATERIAL_FILE_NOT_FOUND, `Material ${materialId} has no file to download here`, { materialId });
    return this.files.open(row.fileId);
  }

  private async insert(
    activityId: string,
    dto: MaterialFieldsDto & { url?: string },
    user: AuthUser,
    storeFile: ((manager: EntityManager) => Promise<{ id: string }>) | null,
  ): Promise<MaterialView> {
    return this.dataSource.transaction(async (manager) => {
      await this.writableSheet(manager, activityId, true);
      const file = storeFile ? await storeFile(manager) : null;
      const [{ id }] = (await manager.query(
        `INSERT INTO sheet_materials (activity_id, title, kind, language, url, file_id, position)
         VALUES ($1, $2, $3, $4, $5, $6, (SELECT coalesce(max(position), -1) + 1 FROM sheet_materials WHERE activity_id = $1))
         RETURNING id`,
        [activityId, dto.title, dto.kind, dto.language ?? null, dto.url ?? null, file?.id ?? null],
      )) as { id: string }[];
      const [material] = await queryRows(
        manager,
        MATERIAL_FIELDS,
        `SELECT ${MATERIAL_COLUMNS} FROM sheet_materials m LEFT JOIN stored_files f ON f.id = m.file_id WHERE m.id = $1`,
        [id],
      );
      await this.activities.recordHistory(manager, activityId, user.id, 'sheet-material-add', {
        material: { id, title: material.title, kind: material.kind, language: material.language, url: material.url, file: material.file },
      });
      return material;
    });
  }

  private async writableSheet(manager: EntityManager, activityId: string, lock = false): Promise<void> {
    const activity = await sheetActivity(manager, activityId, lock);
    assertSheetWritable(activity);
    if (!(await hasSheet(manager, activityId))) {
      throw new DomainException(
        SheetRefusals.SHEET_REQUIRED,
        `activity ${activity.code} has no sheet yet; write it with PUT /api/activities/${activityId}/sheet before adding materials`,
      );
    }
  }
}
