import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows, selectList } from '@trta/database';
import { type AuthUser, DomainException, type Refusal } from '@trta/http';
import { SheetRefusals } from '../sheets.refusals';
import { ActivitiesService, SHEET_PUBLISHABLE_STATUSES, statusIs } from '@trta/activities';
import type { LocalizedText } from './activity-sheet.entity';
import { assertSheetWritable, materialsOf, sheetActivity, type SheetActivity } from './sheet-queries';
import { SHEET_FIELDS, type SheetRow } from './sheet-fields';
import { PutSheetDto, SHEET_TEXT_FIELDS, type SheetTextField, type SheetView } from './sheets.dto';

const SHEET_COLUMNS = selectList(SHEET_FIELDS, 's');

@Injectable()
export class SheetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivitiesService,
  ) {}

  async get(activityId: string, manager: EntityManager = this.dataSource.manager): Promise<SheetView> {
    const activity = await sheetActivity(manager, activityId);
    const sheet = await this.sheetRow(manager, activityId);
    if (!sheet) throw noSheet(activity);
    return { ...sheet, publishedAt: activity.sheetPublishedAt, materials: await materialsOf(manager, activityId) };
  }

  /**
   * Replaces the sheet (creating it the first time). Every text must be given in the activity's
   * first language, and in none but the activity's languages. A published sheet stays published.
   */
  async put(activityId: string, dto: PutSheetDto, user: AuthUser): Promise<SheetView> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await sheetActivity(manager, activityId, true);
      assertSheetWritable(activity);
      const texts = {} as Record<SheetTextField, LocalizedText>;
      for (const field of SHEET_TEXT_FIELDS) texts[field] = withoutBlanks(dto[field]);
      const problems = SHEET_TEXT_FIELDS.flatMap((field) => textProblems(activity, field, texts[field]));
      if (problems.length > 0) throw new DomainException(SheetRefusals.SHEET_TEXTS_INVALID, problems.join('; '), { problems });
      const requiredDocuments = dto.requiredDocuments ?? [];

      const before = await this.sheetRow(manager, activityId);
      await manager.query(
        `INSERT INTO activity_sheets (activity_id, objectives, target_audience, application_requirements, programme, required_documents, updated_by)
         VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5::jsonb, $6::text[], $7)
         ON CONFLICT (activity_id) DO UPDATE SET objectives = EXCLUDED.objectives, target_audience = EXCLUDED.target_audience,
           application_requirements = EXCLUDED.application_requirements, programme = EXCLUDED.programme,
           required_documents = EXCLUDED.required_documents, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [
          activityId,
          JSON.stringify(texts.objectives),
          JSON.stringify(texts.targetAudience),
          JSON.stringify(texts.applicationRequirements),
          JSON.stringify(texts.programme),
          requiredDocuments,
          user.id,
        ],
      );
      const after = { ...texts, requiredDocuments };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of [...SHEET_TEXT_FIELDS, 'requiredDocuments'] as const) {
        const from = before ? before[field] : null;
        if (JSON.stringify(from) !== JSON.stringify(after[field])) changes[field] = { from, to: after[field] };
      }
      if (!before || Object.keys(changes).length > 0) await this.activities.recordHistory(manager, activityId, user.id, 'sheet-update', changes);
      return this.get(activityId, manager);
    });
  }

  /**
   * Publishes the sheet, which opening the call for applications requires. The activity row is
   * held FOR UPDATE, so the sheet checked is the sheet published.
   */
  async publish(activityId: string, user: AuthUser): Promise<SheetView> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await sheetActivity(manager, activityId, true);
      if (!statusIs(activity.status, SHEET_PUBLISHABLE_STATUSES)) {
        throw new DomainException(
          SheetRefusals.SHEET_NOT_PUBLISHABLE,
          `cannot publish the sheet of an activity that is ${activity.status}; publishing is allowed when ${SHEET_PUBLISHABLE_STATUSES.join(', ')}`,
          { status: activity.status, allowedFrom: [...SHEET_PUBLISHABLE_STATUSES] },
        );
      }
      const sheet = await this.sheetRow(manager, activityId);
      if (!sheet) throw noSheet(activity, SheetRefusals.SHEET_INCOMPLETE);
      const problems = SHEET_TEXT_FIELDS.flatMap((field) => textProblems(activity, field, sheet[field]));
      if (problems.length > 0) {
        throw new DomainException(SheetRefusals.SHEET_INCOMPLETE, `the sheet is not complete: ${problems.join('; ')}`, { problems });
      }
      await this.activities.publishSheet(manager, activityId, user.id, activity.sheetPublishedAt);
      return this.get(activityId, manager);
    });
  }

  /** The clone's part of cloning: the original's sheet texts, unpublished (publication is the activity's). */
  async copyToClone(manager: EntityManager, sourceId: string, cloneId: string, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO activity_sheets (activity_id, objectives, target_audience, application_requirements, programme, required_documents, updated_by)
       SELECT $2, objectives, target_audience, application_requirements, programme, required_documents, $3
       FROM activity_sheets WHERE activity_id = $1`,
      [sourceId, cloneId, userId],
    );
  }

  private async sheetRow(manager: EntityManager, activityId: string): Promise<SheetRow | undefined> {
    const [sheet] = await queryRows(manager, SHEET_FIELDS, `SELECT ${SHEET_COLUMNS} FROM activity_sheets s WHERE s.activity_id = $1`, [activityId]);
    return sheet;
  }
}

/** The texts actually written: blank ones count as absent. */
function withoutBlanks(text: LocalizedText | undefined): LocalizedText {
  const kept: LocalizedText = {};
  for (const language of ['en', 'fr', 'es'] as const) {
    const value = text?.[language];
    if (typeof value === 'string' && value.length > 0) kept[language] = value;
  }
  return kept;
}

function textProblems(activity: SheetActivity, field: SheetTextField, text: LocalizedText): string[] {
  const problems: string[] = [];
  const first = activity.languages[0];
  if (!text[first]) problems.push(`${field} is required in ${first}, the activity's first language`);
  const foreign = Object.keys(text).filter((language) => !(activity.languages as string[]).includes(language));
  if (foreign.length > 0) {
    problems.push(`${field} has text in ${foreign.join(', ')}, which is not a language of the activity (${activity.languages.join(', ')})`);
  }
  return problems;
}

function noSheet(activity: SheetActivity, refusal: Refusal = SheetRefusals.SHEET_NOT_FOUND): DomainException {
  const message = `activity ${activity.code} has no sheet yet; write it with PUT /api/activities/${activity.id}/sheet`;
  return new DomainException(refusal, message, refusal === SheetRefusals.SHEET_INCOMPLETE ? { activityCode: activity.code, problems: [message] } : { activityCode: activity.code });
}
