import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ALLOWED_ROLES, ANY_SIGNED_IN, AuthUser, IS_PUBLIC, VERIFIED_EMAIL } from './auth.decorators';
import { DomainException } from './domain.exception';
import { HttpRefusals } from './refusal';

/**
 * The one global guard, closed by default: a route is open only when marked `@Public()`;
 * otherwise the caller needs a valid JWT and a role the route allows. A route that names no
 * roles is open to nobody, so a forgotten decorator fails loudly instead of leaking.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
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
