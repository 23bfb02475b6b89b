import type { FieldMap } from '@trta/database';
import type { MaterialView, SheetView } from './sheets.dto';

/** A sheet as stored: SheetView without its materials and the activity's publication time. */
export type SheetRow = Omit<SheetView, 'materials' | 'publishedAt'>;

/** The one spelling of activity_sheets' columns, for `SELECT ... FROM activity_sheets s`. */
export const SHEET_FIELDS: FieldMap<SheetRow> = {
  activityId: 'activity_id',
  objectives: 'objectives',
  targetAudience: 'target_audience',
  applicationRequirements: 'application_requirements',
  programme: 'programme',
  requiredDocuments: 'required_documents',
  updatedAt: 'updated_at',
  updatedBy: 'updated_by',
};

/**
 * The one spelling of sheet_materials' columns, over `sheet_materials m LEFT JOIN stored_files f
 * ON f.id = m.file_id` (the expressions qualify their own columns: select them without an alias).
 */
export const MATERIAL_FIELDS: FieldMap<MaterialView> = {
  id: 'm.id',
  title: 'm.title',
  kind: 'm.kind',
  language: 'm.language',
  url: 'm.url',
  position: 'm.position',
  createdAt: 'm.created_at',
  file: `CASE WHEN f.id IS NULL THEN NULL
       ELSE json_build_object('id', f.id, 'filename', f.filename, 'mediaType', f.media_type, 'sizeBytes', f.size_bytes) END`,
};
