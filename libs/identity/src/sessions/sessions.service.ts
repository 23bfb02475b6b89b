import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@trta/config';
import { returnedRows } from '@trta/database';
import type { AuthUser, Role } from '@trta/http';
import { SessionCache } from './session-cache';

/** Why a session ended (sessions.ended_reason). */
export type SessionEndReason =
  | 'sign_out'
  | 'password_changed'
  | 'password_reset'
  | 'disabled'
  | 'role_changed'
  | 'country_changed'
  | 'erased'
  | 'taken_over';

/** The channel the database notifies (with a user id) when a session ends or what it trusts changes. */
export const SESSIONS_CHANNEL = 'trta_sessions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SessionRow {
  id: string;
  email: string;
  role: Role;
  country: string | null;
  emailVerified: boolean;
  expiresAt: number;
}

/**
 * Sessions that can be ended. A token names its session (`sid`); each request's session is
 * checked against the `sessions` table (open, not expired, its user neither disabled nor erased),
 * and the user's role and country come from the database, never from the token. A checked
 * session is remembered for SESSION_CACHE_SECONDS; every change that ends sessions drops them
 * from this process at once and, through LISTEN/NOTIFY, from every other process. While the
 * listener is down nothing is remembered, so the database stays the truth.
 */
@Injectable()
export class SessionsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Sessions');
  private readonly cache: SessionCache;
  private listener: Client | undefined;
  private listening = false;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.cache = new SessionCache(config.SESSION_CACHE_SECONDS * 1000);
  }

  async onModuleInit(): Promise<void> {
    await this.listen().catch((error: Error) => {
      this.logger.warn(`session listener not started: ${error.message}; retrying`);
      this.scheduleReconnect();
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await this.listener?.end().catch(() => undefined);
  }

  /** Opens a session for the user; returns its id and when it expires. */
  async open(userId: string, manager: EntityManager = this.dataSource.manager): Promise<{ id: string; expiresAt: Date }> {
    const [row] = (await manager.query(
      `INSERT INTO sessions (user_id, expires_at) VALUES ($1, now() + make_interval(secs => $2)) RETURNING id, expires_at AS "expiresAt"`,
      [userId, this.config.JWT_TTL_SECONDS],
    )) as { id: string; expiresAt: Date }[];
    return row;
  }

  /** The signed-in user of an open session, as the database knows them now; null when it is not open. */
  async check(sessionId: string, userId: string): Promise<AuthUser | null> {
    if (!UUID.test(sessionId) || !UUID.test(userId)) return null;
    const cached = this.listening ? this.cache.get(sessionId) : undefined;
    if (cached) return cached.id === userId ? cached : null;
    const stamp = this.cache.stamp(userId);
    const [row] = (await this.dataSource.query(
      `SELECT u.id, u.email, u.role, u.country, u.email_verified_at IS NOT NULL AS "emailVerified",
              (extract(epoch FROM s.expires_at) * 1000)::float8 AS "expiresAt"
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND s.expires_at > now()
         AND u.disabled_at IS NULL AND u.deleted_at IS NULL`,
      [sessionId, userId],
    )) as SessionRow[];
    if (!row) return null;
    const user: AuthUser = { id: row.id, email: row.email, role: row.role, country: row.country, emailVerified: row.emailVerified };
    if (this.listening) this.cache.set(sessionId, user, row.expiresAt, stamp);
    return user;
  }

  /** Ends one session (sign-out); true when it was open. */
  async end(sessionId: string, reason: SessionEndReason): Promise<boolean> {
    const rows = returnedRows<{ userId: string }>(
      await this.dataSource.query(
        `UPDATE sessions SET ended_at = now(), ended_reason = $2 WHERE id = $1 AND ended_at IS NULL RETURNING user_id AS "userId"`,
        [sessionId, reason],
      ),
    );
    if (rows[0]) this.cache.dropUser(rows[0].userId);
    return rows.length > 0;
  }

  /**
   * Ends every open session of the user but `keep` (the caller's own, on a password change), in
   * the caller's transaction; this process forgets them at once, the others when it commits.
   */
  async endAll(manager: EntityManager, userId: string, reason: SessionEndReason, keep?: string): Promise<number> {
    const rows = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE sessions SET ended_at = now(), ended_reason = $2
         WHERE user_id = $1 AND ended_at IS NULL AND ($3::uuid IS NULL OR id <> $3) RETURNING id`,
        [userId, reason, keep ?? null],
      ),
    );
    this.forget(userId);
    return rows.length;
  }

  /** Drops what this process remembers of the user's sessions (after a change to what they trust). */
  forget(userId: string): void {
    this.cache.dropUser(userId);
  }

  /** Whether checked sessions are remembered (the listener is up); for tests and health. */
  get caching(): boolean {
    return this.listening;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url, application_name: 'trta-sessions-listener' });
    client.on('notification', (message) => {
      if (message.channel === SESSIONS_CHANNEL && message.payload) this.cache.dropUser(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSIONS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.listener = client;
    // Anything remembered while no one listened may be stale.
    this.cache.clear();
    this.listening = true;
  }

  private lost(client: Client, error?: Error): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    this.listening = false;
    this.cache.clear();
    if (this.closed) return;
    if (error) this.logger.warn(`session listener lost: ${error.message}; retrying`);
    void client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    this.reconnectTimer = setTimeout(() => {
      this.listen().catch(() => this.scheduleReconnect());
    }, 1000);
    this.reconnectTimer.unref();
  }
}
