import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { DomainException, type AuthUser } from '@trta/http';
import { IdentityRefusals } from '../identity.refusals';
import { UsersService } from '../users/users.service';
import { LoginThrottleService } from './login-throttle.service';


@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  // Verified when the email is unknown, so that a wrong email costs the same time as a wrong password.
  private readonly dummyHash = UsersService.hashPassword(randomBytes(16).toString('hex'));

  constructor(
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: FastifyRequest, email: string, password: string): Promise<AuthUser> {
    await this.throttle.assertAllowed(email, request.ip);
    const credentials = await this.users.findCredentials(email);
    const valid = await argon2.verify(credentials?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!credentials?.passwordHash || !valid) {
      await this.throttle.recordFailure(email, request.ip);
      throw new DomainException(IdentityRefusals.WRONG_CREDENTIALS, 'Wrong email or password');
    }
    // Said only to whoever knows the password.
    if (credentials.disabled) throw new DomainException(IdentityRefusals.ACCOUNT_DISABLED, 'This account is disabled; ask the secretariat');
    await this.throttle.reset(email, request.ip);
    return { id: credentials.id, email: credentials.email, role: credentials.role, country: credentials.country };
  }
}
