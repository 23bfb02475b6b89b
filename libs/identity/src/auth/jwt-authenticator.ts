import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { JwtService } from '@nestjs/jwt';
import { DomainException, HttpRefusals, RequestAuthenticator, type AuthUser } from '@trta/http';
import { SessionsService } from '../sessions/sessions.service';
import { JWT_SECRET } from './jwt-secret';
import { csrfSatisfied, requestToken } from './session-token';

/** How many verified tokens are remembered at most (about 1 KB each): the oldest goes first. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** What a token carries: whose it is and which session; role and country are read from the database. */
export interface JwtPayload {
  sub: string;
  sid?: string;
}

/**
 * Checks the signature (bearer header for API clients, session cookie for the browser app, which
 * must also pass the CSRF check on unsafe methods), then that the session is still open. The
 * same checks passport-jwt made, without passport's per-request strategy objects and callbacks
 * (issue 16); signing in with a password still goes through passport (LocalStrategy).
 */
@Injectable()
export class JwtAuthenticator extends RequestAuthenticator {
  /** Tokens already verified, oldest first, each with when it expires (ms). */
  private readonly verifiedTokens = new Map<string, { payload: JwtPayload & { sid: string }; until: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly secret: JWT_SECRET,
    private readonly sessions: SessionsService,
  ) {
    super();
  }

  async authenticate(request: FastifyRequest): Promise<AuthUser | null> {
    const found = requestToken(request);
    if (!found) return null;
    const payload = this.verified(found.token);
    if (!payload) return null;
    if (found.via === 'cookie' && !csrfSatisfied(request)) {
      throw new DomainException(HttpRefusals.CSRF_TOKEN_INVALID, 'This request needs the X-CSRF-Token header of the session');
    }
    return this.sessionUser(payload);
  }

  /** The user of a token (from wherever it came: the queue dashboard's cookie, a sign-out) whose session is still open; null otherwise. */
  async userOf(token: string): Promise<AuthUser | null> {
    const payload = this.verified(token);
    return payload ? this.sessionUser(payload) : null;
  }

  private async sessionUser(payload: JwtPayload & { sid: string }): Promise<AuthUser | null> {
    const user = await this.sessions.check(payload.sid, payload.sub);
    return user ? { ...user, sessionId: payload.sid } : null;
  }

  /**
   * The payload of a token whose signature, algorithm and dates hold, or null. A token already
   * verified is remembered (by its whole text, signature included, so no other text can match it)
   * until it expires: a browser sends the same token with every request, and checking its HMAC and
   * parsing it again each time was a twentieth of a list's CPU (issue 16). Whether its session is
   * still open is asked on every request all the same.
   */
  private verified(token: string): (JwtPayload & { sid: string }) | null {
    const now = Date.now();
    const known = this.verifiedTokens.get(token);
    if (known) {
      if (known.until > now) return known.payload;
      this.verifiedTokens.delete(token);
    }
    let payload: JwtPayload & { exp?: number };
    try {
      // The key object made once: no key derivation per request. Expiry and not-before are checked here.
      payload = this.jwt.verify<JwtPayload & { exp?: number }>(token, { secret: this.secret.verificationKey, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
    const checked = { sub: payload.sub, sid: payload.sid };
    if (typeof payload.exp === 'number') {
      if (this.verifiedTokens.size >= VERIFIED_TOKENS_KEPT) this.verifiedTokens.delete(this.verifiedTokens.keys().next().value!);
      this.verifiedTokens.set(token, { payload: checked, until: payload.exp * 1000 });
    }
    return checked;
  }
}
