import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@trta/config';
import { DomainException } from '@trta/http';
import { hashClaimToken, issueClaimToken } from '../claim/claim-tokens';
import { IdentityRefusals } from '../identity.refusals';

export type LinkPurpose = 'verify_email' | 'reset_password';

/** A one-time link to send to the person (and to no one else): never stored, only its hash is. */
export interface AccountLink {
  link: string;
  /** When it stops working, as `YYYY-MM-DD HH:MM UTC`. */
  expiresAt: string;
}

const PAGES: Record<LinkPurpose, string> = { verify_email: '/verify-email', reset_password: '/reset-password' };

/**
 * The one-time links of accounts: email verification, password reset (also the takeover of an
 * unverified account), and the claim of an account staff created. Each token is 32 random bytes,
 * stored as its SHA-256, and travels in the link's fragment (`#token=`) so it reaches no server log.
 */
@Injectable()
export class AccountLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** A fresh link of the purpose for the user, in the caller's transaction; earlier unused ones of the same purpose stop working. */
  async issue(manager: EntityManager, userId: string, purpose: LinkPurpose): Promise<AccountLink> {
    const token = randomBytes(32).toString('base64url');
    const minutes = purpose === 'verify_email' ? this.config.EMAIL_VERIFICATION_TTL_HOURS * 60 : this.config.PASSWORD_RESET_TTL_MINUTES;
    await manager.query(`DELETE FROM account_tokens WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [userId, purpose]);
    const [row] = (await manager.query(
      `INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))
       RETURNING to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') AS "expiresAt"`,
      [hashClaimToken(token), userId, purpose, minutes],
    )) as { expiresAt: string }[];
    return { link: `${this.base()}${PAGES[purpose]}#token=${token}`, expiresAt: row.expiresAt };
  }

  /**
   * Uses a link once, in the caller's transaction: its user, or ACCOUNT_LINK_INVALID (unknown,
   * used, expired, or of another purpose, all alike but for `params.reason`).
   */
  async consume(manager: EntityManager, token: string, purpose: LinkPurpose): Promise<string> {
    const [row] = (await manager.query(
      `SELECT user_id AS "userId", used_at IS NOT NULL AS used, expires_at <= now() AS expired
       FROM account_tokens WHERE token_hash = $1 AND purpose = $2 FOR UPDATE`,
      [hashClaimToken(token), purpose],
    )) as { userId: string; used: boolean; expired: boolean }[];
    const reason = !row ? 'unknown' : row.used ? 'used' : row.expired ? 'expired' : null;
    if (reason || !row) {
      throw new DomainException(IdentityRefusals.ACCOUNT_LINK_INVALID, `This link does not work (${reason}); ask for a new one`, { reason });
    }
    await manager.query(`UPDATE account_tokens SET used_at = now() WHERE token_hash = $1`, [hashClaimToken(token)]);
    return row.userId;
  }

  /** The claim link of an account staff created (no password yet), in the caller's transaction. */
  async claimLink(manager: EntityManager, userId: string, email: string, createdBy: string | null): Promise<AccountLink & { expiresOn: string }> {
    const { token, expiresAt } = await issueClaimToken(manager, userId, createdBy);
    return { link: `${this.base()}/claim?email=${encodeURIComponent(email)}#token=${token}`, expiresAt, expiresOn: expiresAt };
  }

  /**
   * Staff registered a participant whose email belongs to an account never confirmed: someone
   * may have signed up with another's address. The owner of the address gets a reset link, which
   * takes the account over (new password, every other session ended). Null for a confirmed account.
   */
  async takeoverLink(manager: EntityManager, userId: string): Promise<AccountLink | null> {
    const [user] = (await manager.query(
      `SELECT email_verified_at IS NOT NULL AS verified, password_hash IS NOT NULL AS "hasPassword" FROM users WHERE id = $1 AND deleted_at IS NULL`,
      [userId],
    )) as { verified: boolean; hasPassword: boolean }[];
    if (!user || user.verified || !user.hasPassword) return null;
    return this.issue(manager, userId, 'reset_password');
  }

  /** Removes used and expired tokens older than a day (housekeeping). */
  async prune(): Promise<void> {
    await this.dataSource.query(`DELETE FROM account_tokens WHERE expires_at < now() - interval '1 day'`);
  }

  private base(): string {
    return this.config.PUBLIC_URL.replace(/\/+$/, '');
  }
}
