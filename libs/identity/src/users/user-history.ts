import type { EntityManager } from 'typeorm';

export type UserChangeAction =
  | 'created'
  | 'disabled'
  | 'enabled'
  | 'role_changed'
  | 'country_changed'
  | 'reset_sent'
  | 'password_changed'
  | 'password_reset'
  | 'email_verified';

/** One entry of an account's history (who, what, when), in the caller's transaction. */
export async function recordUserChange(
  manager: EntityManager,
  accountId: string,
  by: string | null,
  action: UserChangeAction,
  changes: Record<string, unknown> = {},
): Promise<void> {
  await manager.query(`INSERT INTO user_history (account_id, user_id, action, changes) VALUES ($1, $2, $3, $4)`, [
    accountId,
    by,
    action,
    JSON.stringify(changes),
  ]);
}
