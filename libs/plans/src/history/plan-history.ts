import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { EntityManager } from 'typeorm';
import { HistoryEntryView } from '@trta/http';

export const PLAN_HISTORY_ACTIONS = [
  'create',
  'update',
  'adopt',
  'close',
  'create-product',
  'update-product',
  'create-key-result',
  'add-indicator',
  'set-actual',
] as const;
export type PlanHistoryAction = (typeof PLAN_HISTORY_ACTIONS)[number];

export type Changes = Record<string, { from: unknown; to: unknown }>;

/** `Changes` in the OpenAPI document: each changed field with its value before and after. */
export const CHANGES_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'object', properties: { from: {}, to: {} }, required: ['from', 'to'] },
  example: { title: { from: 'Old title', to: 'New title' } },
};

export interface PlanHistoryEntry {
  planId: string;
  userId: string | null;
  action: PlanHistoryAction;
  changes: Changes;
  productId?: string;
  keyResultId?: string;
}

/** Appends one row to a plan's history, inside the caller's transaction so it stands or falls with the change. */
export async function recordPlanHistory(manager: EntityManager, entry: PlanHistoryEntry): Promise<void> {
  await manager.query(
    'INSERT INTO plan_history (plan_id, product_id, key_result_id, user_id, action, changes) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
    [entry.planId, entry.productId ?? null, entry.keyResultId ?? null, entry.userId, entry.action, JSON.stringify(entry.changes)],
  );
}

/** What a newly created row holds, as changes from nothing. */
export function created<T extends object>(row: T, fields: readonly (keyof T)[]): Changes {
  const changes: Changes = {};
  for (const field of fields) changes[String(field)] = { from: null, to: row[field] ?? null };
  return changes;
}

/** The fields that differ between two versions of a row, as { field: { from, to } }. */
export function changed<T extends object>(before: T, after: T, fields: readonly (keyof T)[]): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)) {
      changes[String(field)] = { from: before[field] ?? null, to: after[field] ?? null };
    }
  }
  return changes;
}

export class PlanHistoryView extends HistoryEntryView {
  @ApiProperty({ enum: PLAN_HISTORY_ACTIONS, enumName: 'PlanHistoryAction' })
  action!: PlanHistoryAction;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  productId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  keyResultId!: string | null;

  @ApiProperty(CHANGES_SCHEMA)
  changes!: Changes;
}
