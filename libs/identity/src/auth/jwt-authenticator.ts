import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { JwtService } from '@nestjs/jwt';
import { DomainException, HttpRefusals, RequestAuthenticator, type AuthUser } from '@trta/http';
import { SessionsService } from '../sessions/sessions.service';
import { JWT_SECRET } from './jwt-secret';
import { csrfSatisfied, requestToken } from './session-token';

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
    let payload: JwtPayload;
    try {
      // The key object made once: no key derivation per request. Expiry and not-before are checked here.
      payload = this.jwt.verify<JwtPayload>(found.token, { secret: this.secret.verificationKey, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
    if (found.via === 'cookie' && !csrfSatisfied(request)) {
      throw new DomainException(HttpRefusals.CSRF_TOKEN_INVALID, 'This request needs the X-CSRF-Token header of the session');
    }
    const user = await this.sessions.check(payload.sid, payload.sub);
    return user ? { ...user, sessionId: payload.sid } : null;
  }
}
