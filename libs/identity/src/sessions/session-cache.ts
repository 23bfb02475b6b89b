import type { AuthUser } from '@trta/http';

interface Entry {
  user: AuthUser;
  /** When this process must ask the database again (ms since epoch). */
  freshUntil: number;
  /** When the session itself expires (ms since epoch). */
  expiresAt: number;
}

/**
 * What this process remembers of checked sessions, for a short time. Entries of a user are
 * dropped the moment any of their sessions ends (in-process at once, from other processes via
 * PostgreSQL NOTIFY); a per-user generation keeps a lookup that started before a drop from
 * storing what it read.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  private readonly generations = new Map<string, number>();
  private globalGeneration = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  get(sessionId: string, now = Date.now()): AuthUser | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.freshUntil <= now || entry.expiresAt <= now) {
      this.delete(sessionId, entry.user.id);
      return undefined;
    }
    return entry.user;
  }

  /** A token to hand back to `set`, taken before the database is read. */
  stamp(userId: string | undefined): string {
    return `${this.globalGeneration}:${userId ? (this.generations.get(userId) ?? 0) : 0}`;
  }

  set(sessionId: string, user: AuthUser, expiresAt: number, stamp: string, now = Date.now()): void {
    if (this.ttlMs <= 0 || stamp !== this.stamp(user.id)) return;
    if (this.entries.size >= this.maxEntries) this.clear();
    this.entries.set(sessionId, { user, expiresAt, freshUntil: now + this.ttlMs });
    let sessions = this.byUser.get(user.id);
    if (!sessions) this.byUser.set(user.id, (sessions = new Set()));
    sessions.add(sessionId);
  }

  dropUser(userId: string): void {
    this.generations.set(userId, (this.generations.get(userId) ?? 0) + 1);
    for (const sessionId of this.byUser.get(userId) ?? []) this.entries.delete(sessionId);
    this.byUser.delete(userId);
  }

  clear(): void {
    this.globalGeneration++;
    this.entries.clear();
    this.byUser.clear();
    this.generations.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(sessionId: string, userId: string): void {
    this.entries.delete(sessionId);
    const sessions = this.byUser.get(userId);
    sessions?.delete(sessionId);
    if (sessions?.size === 0) this.byUser.delete(userId);
  }
}
