import { EntityManager } from 'typeorm';

/** Appends one row to an activity's history: who (null for the system), what action, which changes. */
export async function recordHistory(
  manager: EntityManager,
  activityId: string,
  userId: string | null,
  action: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await manager.query('INSERT INTO activity_history (activity_id, user_id, action, changes) VALUES ($1, $2, $3, $4::jsonb)', [
    activityId,
    userId,
    action,
    JSON.stringify(changes),
  ]);
}

/** The fields that differ between two versions of an activity, as { field: { from, to } }. */
export function diff<T extends object>(before: T, after: T, fields: readonly (keyof T)[]): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes[String(field)] = { from: before[field] ?? null, to: after[field] ?? null };
    }
  }
  return changes;
}
