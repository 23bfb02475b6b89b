import { ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ALLOWED_ROLES, ANY_SIGNED_IN, AuthUser, IS_PUBLIC, VERIFIED_EMAIL } from './auth.decorators';
import { DomainException } from './domain.exception';
import { HttpRefusals } from './refusal';

/**
 * Who sent a request: the user of its token's open session, or null (401). It may refuse with a
 * domain exception of its own (the CSRF check). Provided by the identity library.
 */
export abstract class RequestAuthenticator {
  abstract authenticate(request: FastifyRequest): Promise<AuthUser | null>;
}

/**
 * The one global guard, closed by default: a route is open only when marked `@Public()`;
 * otherwise the caller needs a valid JWT and a role the route allows. A route that names no
 * roles is open to nobody, so a forgotten decorator fails loudly instead of leaking.
 */
@Injectable()
export class AccessGuard {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const user = await this.authenticator.authenticate(request);
    // The answer passport's AuthGuard gave to a missing, bad or ended token.
    if (!user) throw new UnauthorizedException();
    request.user = user;
    const allowed = this.reflector.getAllAndOverride<string[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    if (allowed.includes(ANY_SIGNED_IN) || allowed.includes(user.role) || (allowed.length > 0 && user.role === 'admin')) {
      if (this.reflector.getAllAndOverride<boolean>(VERIFIED_EMAIL, targets) && user.emailVerified === false) {
        throw new DomainException(HttpRefusals.EMAIL_NOT_VERIFIED, 'Confirm your email address first: follow the link we sent you');
      }
      return true;
    }
    throw new DomainException(HttpRefusals.FORBIDDEN, `This action is not allowed for the role ${user.role}`, { role: user.role });
  }
}
