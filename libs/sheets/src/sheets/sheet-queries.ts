import { EntityManager } from 'typeorm';
import { DomainException } from '@trta/http';

import { ActivityRefusals, FROZEN_STATUSES, statusIs, type ActivityLanguage, type ActivityStatus } from '@trta/activities';
import { queryRows, selectList } from '@trta/database';
import { MATERIAL_FIELDS } from './sheet-fields';
import type { MaterialView } from './sheets.dto';

/** What the sheet's rules need to know of its activity. */
export interface SheetActivity {
  id: string;
  code: string;
  languages: ActivityLanguage[];
  status: ActivityStatus;
  sheetPublishedAt: Date | null;
  version: number;
}

/**
 * Reads the activity; with `lock`, holds it FOR UPDATE, so that sheet writes and publication of
 * one activity happen one at a time and against the languages and status they checked.
 */
export async function sheetActivity(manager: EntityManager, id: string, lock = false): Promise<SheetActivity> {
  const [activity] = (await manager.query(
    `SELECT id, code, languages, status, sheet_published_at AS "sheetPublishedAt", version
     FROM activities WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  )) as SheetActivity[];
  if (!activity) throw new DomainException(ActivityRefusals.ACTIVITY_NOT_FOUND, `Activity ${id} not found`, { activityId: id });
  return activity;
}

/** A cancelled activity is no longer changed, its sheet included (as PATCH refuses it). */
export function assertSheetWritable(activity: SheetActivity): void {
  if (statusIs(activity.status, FROZEN_STATUSES)) {
    throw new DomainException(ActivityRefusals.ACTIVITY_CANCELLED, `activity ${activity.code} is cancelled; its sheet can no longer be changed`, {
      activityCode: activity.code,
    });
  }
}

export async function hasSheet(manager: EntityManager, activityId: string): Promise<boolean> {
  const rows = (await manager.query('SELECT 1 FROM activity_sheets WHERE activity_id = $1', [activityId])) as unknown[];
  return rows.length > 0;
}

/** A material as MaterialView shows it, over `sheet_materials m LEFT JOIN stored_files f ON f.id = m.file_id`. */
export const MATERIAL_COLUMNS = selectList(MATERIAL_FIELDS);

export async function materialsOf(manager: EntityManager, activityId: string): Promise<MaterialView[]> {
  return queryRows(
    manager,
    MATERIAL_FIELDS,
    `SELECT ${MATERIAL_COLUMNS} FROM sheet_materials m LEFT JOIN stored_files f ON f.id = m.file_id
     WHERE m.activity_id = $1 ORDER BY m.position, m.created_at, m.id`,
    [activityId],
  );
}
