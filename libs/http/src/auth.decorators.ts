import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export type Role = 'admin' | 'staff' | 'auditor' | 'focal_point' | 'applicant';
export const ROLES: readonly Role[] = ['admin', 'staff', 'auditor', 'focal_point', 'applicant'];

/** The signed-in user as the JWT carries it. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  /** The country a focal point acts for, or an applicant works in. */
  country: string | null;
  /** Whether the person confirmed their email address; unverified accounts cannot apply. */
  emailVerified?: boolean;
  /** The session the request came with (ended by sign-out). */
  sessionId?: string;
}

export const IS_PUBLIC = 'trta:public';
export const ALLOWED_ROLES = 'trta:roles';
export const ANY_SIGNED_IN = 'any';

/** Anyone may call this route, signed in or not. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles (and admins, who may do everything) may call this route. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Any signed-in user may call this route. */
export const SignedIn = () => SetMetadata(ALLOWED_ROLES, [ANY_SIGNED_IN]);

export const VERIFIED_EMAIL = 'trta:verified-email';

/** The route also needs a confirmed email address (EMAIL_NOT_VERIFIED otherwise). */
export const RequireVerifiedEmail = () => SetMetadata(VERIFIED_EMAIL, true);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
