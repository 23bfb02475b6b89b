import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-jwt';
import { DomainException, HttpRefusals, type AuthUser } from '@trta/http';
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
 * must also pass the CSRF check on unsafe methods), then that the session is still open.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    secret: JWT_SECRET,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: (request: FastifyRequest) => requestToken(request)?.token ?? null,
      // The key object made once (issue 16): no key derivation per request.
      secretOrKey: secret.verificationKey,
      algorithms: ['HS256'],
      passReqToCallback: true,
    });
  }

  async validate(request: FastifyRequest, payload: JwtPayload): Promise<AuthUser | false> {
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return false;
    if (requestToken(request)?.via === 'cookie' && !csrfSatisfied(request)) {
      throw new DomainException(HttpRefusals.CSRF_TOKEN_INVALID, 'This request needs the X-CSRF-Token header of the session');
    }
    const user = await this.sessions.check(payload.sid, payload.sub);
    return user ? { ...user, sessionId: payload.sid } : false;
  }
}
