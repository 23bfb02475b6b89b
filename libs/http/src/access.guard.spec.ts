import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessGuard, RequestAuthenticator } from './access.guard';
import { ALLOWED_ROLES, AuthUser, IS_PUBLIC } from './auth.decorators';

/** The guard's decision for the user the authenticator found (tokens themselves are covered end to end). */
function decide(metadata: Record<string, unknown>, user: AuthUser | null): Promise<boolean> {
  const reflector = { getAllAndOverride: (key: string) => metadata[key] } as unknown as Reflector;
  const authenticator: RequestAuthenticator = { authenticate: () => Promise.resolve(user) };
  const guard = new AccessGuard(reflector, authenticator);
  const context = {
    getHandler: () => undefined,
    getClass: () => undefined,
    switchToHttp: () => ({ getRequest: () => ({}) }),
  } as unknown as ExecutionContext;
  return guard.canActivate(context);
}

const user = (role: AuthUser['role']): AuthUser => ({ id: 'u', email: 'u@x.org', role, country: null });

describe('AccessGuard', () => {
  it('opens public routes to anyone', async () => {
    await expect(decide({ [IS_PUBLIC]: true }, user('applicant'))).resolves.toBe(true);
  });

  it('lets the listed roles and admins through, and refuses the others', async () => {
    await expect(decide({ [ALLOWED_ROLES]: ['staff'] }, user('staff'))).resolves.toBe(true);
    await expect(decide({ [ALLOWED_ROLES]: ['staff'] }, user('admin'))).resolves.toBe(true);
    await expect(decide({ [ALLOWED_ROLES]: ['staff'] }, user('auditor'))).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('refuses a request without a user with 401, before any role is read', async () => {
    await expect(decide({ [ALLOWED_ROLES]: ['staff'] }, null)).rejects.toMatchObject({ status: 401 });
    await expect(decide({ [IS_PUBLIC]: true }, null)).resolves.toBe(true);
  });

  it('closes a route that names no roles, even to admins', async () => {
    await expect(decide({}, user('admin'))).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });
});
