import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUser } from '@trta/http';
import { SessionsService } from '../sessions/sessions.service';
import type { AccessToken } from './auth.dto';
import { JwtAuthenticator, type JwtPayload } from './jwt-authenticator';

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
    private readonly authenticator: JwtAuthenticator,
  ) {}

  /** Opens a session for the user and signs a token naming it (and nothing the database should decide). */
  async issue(userId: string): Promise<AccessToken & { sessionId: string }> {
    const session = await this.sessions.open(userId);
    const payload: JwtPayload = { sub: userId, sid: session.id };
    const accessToken = await this.jwt.signAsync(payload);
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresIn: exp - iat, sessionId: session.id };
  }

  /** The user of a token whose session is still open; null otherwise, also when that cannot be told (the queue dashboard, sign-out). */
  async verify(token: string): Promise<AuthUser | null> {
    try {
      return await this.authenticator.userOf(token);
    } catch {
      return null;
    }
  }
}
