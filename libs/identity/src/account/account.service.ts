import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '@trta/database';
import { DomainException, type AuthUser } from '@trta/http';
import { NotificationKind, NotificationsService } from '@trta/notifications';
import { assertStrongPassword } from '../auth/password-policy';
import { IdentityRefusals } from '../identity.refusals';
import { AccountLinksService } from '../links/account-links.service';
import { SessionsService } from '../sessions/sessions.service';
import { recordUserChange } from '../users/user-history';
import { UsersService } from '../users/users.service';

/**
 * What a person does with their own account: confirm the email, reset a forgotten password
 * (also how the owner of an address takes over an account someone else opened with it), change
 * the password. Every link goes to the account's email only, through the outbox.
 */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: AccountLinksService,
    private readonly sessions: SessionsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Sends (again) the link that confirms the email; nothing when it is confirmed already. */
  async sendVerification(userId: string): Promise<boolean> {
    const ids = await this.dataSource.transaction(async (manager) => {
      const [user] = (await manager.query(
        `SELECT email, email_verified_at IS NOT NULL AS verified FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
        [userId],
      )) as { email: string; verified: boolean }[];
      if (!user || user.verified) return [];
      const { link, expiresAt } = await this.links.issue(manager, userId, 'verify_email');
      return [
        await this.notifications.queue(manager, {
          userId,
          kind: NotificationKind.EmailVerification,
          params: { email: user.email, link, linkExpiresAt: expiresAt },
          dedupKey: `${NotificationKind.EmailVerification}:${userId}:${Date.now()}`,
        }),
      ];
    });
    await this.notifications.dispatch(ids);
    return ids.length > 0;
  }

  /** Confirms the email of the link's account; the link works once. */
  async verifyEmail(token: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.links.consume(manager, token, 'verify_email');
      await this.markVerified(manager, userId, userId);
    });
  }

  /**
   * Sends a reset link to the email's account, if there is one that may sign in. The caller
   * answers the same either way; this also costs about the same (one transaction) either way.
   */
  async requestReset(email: string, by: string | null = null): Promise<void> {
    const ids = await this.dataSource.transaction(async (manager) => {
      const [user] = (await manager.query(
        `SELECT id, email FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL AND disabled_at IS NULL AND password_hash IS NOT NULL`,
        [email.trim()],
      )) as { id: string; email: string }[];
      if (!user) return [];
      return [await this.queueReset(manager, user.id, user.email, by)];
    });
    await this.notifications.dispatch(ids);
  }

  /** An admin sends a reset link to a person (the link goes to the person, never to the admin). */
  async sendResetByAdmin(manager: EntityManager, userId: string, email: string, adminId: string): Promise<string | null> {
    return this.queueReset(manager, userId, email, adminId);
  }

  /**
   * Sets a new password with a reset link: the link works once, every session of the account
   * ends (also the one of whoever opened the account with someone else's address), and the email
   * counts as confirmed, since the link reached it.
   */
  async resetPassword(token: string, password: string): Promise<string> {
    const passwordHash = await UsersService.hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const userId = await this.links.consume(manager, token, 'reset_password');
      const [user] = (await manager.query(`SELECT email FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [userId])) as { email: string }[];
      if (!user) throw new DomainException(IdentityRefusals.ACCOUNT_LINK_INVALID, 'This link does not work (unknown); ask for a new one', { reason: 'unknown' });
      assertStrongPassword(password, [user.email]);
      await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, passwordHash]);
      await manager.query(`DELETE FROM account_tokens WHERE user_id = $1 AND purpose = 'reset_password' AND used_at IS NULL`, [userId]);
      await this.sessions.endAll(manager, userId, 'password_reset');
      await recordUserChange(manager, userId, userId, 'password_reset');
      await this.markVerified(manager, userId, userId);
      return userId;
    });
  }

  /** Changes the password with the current one; every other session of the person ends. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const [row] = (await this.dataSource.query(`SELECT email, password_hash AS "passwordHash" FROM users WHERE id = $1`, [user.id])) as {
      email: string;
      passwordHash: string | null;
    }[];
    const valid = row?.passwordHash ? await argon2.verify(row.passwordHash, currentPassword).catch(() => false) : false;
    if (!valid) throw new DomainException(IdentityRefusals.CURRENT_PASSWORD_WRONG, 'The current password is not right', { field: 'currentPassword' });
    assertStrongPassword(newPassword, [row.email]);
    const passwordHash = await UsersService.hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [user.id, passwordHash]);
      await this.sessions.endAll(manager, user.id, 'password_changed', user.sessionId);
      await recordUserChange(manager, user.id, user.id, 'password_changed');
    });
  }

  private async queueReset(manager: EntityManager, userId: string, email: string, by: string | null): Promise<string | null> {
    const { link, expiresAt } = await this.links.issue(manager, userId, 'reset_password');
    if (by && by !== userId) await recordUserChange(manager, userId, by, 'reset_sent');
    return this.notifications.queue(manager, {
      userId,
      kind: NotificationKind.PasswordReset,
      params: { email, link, linkExpiresAt: expiresAt },
      dedupKey: `${NotificationKind.PasswordReset}:${userId}:${Date.now()}:${Math.random().toString(36).slice(2)}`,
    });
  }

  private async markVerified(manager: EntityManager, userId: string, by: string | null): Promise<void> {
    const rows = returnedRows<{ id: string }>(
      await manager.query(`UPDATE users SET email_verified_at = now(), updated_at = now() WHERE id = $1 AND email_verified_at IS NULL RETURNING id`, [
        userId,
      ]),
    );
    this.sessions.forget(userId);
    if (rows.length > 0) await recordUserChange(manager, userId, by, 'email_verified');
  }
}
