import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** How long a participant has to claim the account staff created for them. */
export const CLAIM_TOKEN_TTL_DAYS = 30;

export function hashClaimToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Gives an unclaimed account a fresh claim token, in the caller's transaction (replacing any
 * earlier one); returns the token, to be sent to the person and never stored.
 */
export async function issueClaimToken(
  manager: EntityManager,
  userId: string,
  createdBy: string | null,
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const [row] = (await manager.query(
    `INSERT INTO account_claims (user_id, token_hash, expires_at, created_by)
     VALUES ($1, $2, now() + make_interval(days => $3), $4)
     ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at,
       created_by = EXCLUDED.created_by, created_at = now()
     RETURNING to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "expiresAt"`,
    [userId, hashClaimToken(token), CLAIM_TOKEN_TTL_DAYS, createdBy],
  )) as { expiresAt: string }[];
  return { token, expiresAt: row.expiresAt };
}
