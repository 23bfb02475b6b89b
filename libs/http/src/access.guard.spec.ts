import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { ALLOWED_ROLES, AuthUser, IS_PUBLIC } from './auth.decorators';

/** The guard's decision once passport has accepted the token (that part is covered end to end). */
function decide(metadata: Record<string, unknown>, user: AuthUser): Promise<boolean> {
  const reflector = { getAllAndOverride: (key: string) => metadata[key] } as unknown as Reflector;
  const guard = new AccessGuard(reflector);
  const context = {
    getHandler: () => undefined,
    getClass: () => undefined,
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
  jest.spyOn(Object.getPrototypeOf(AccessGuard.prototype), 'canActivate').mockResolvedValue(true);
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

  it('closes a route that names no roles, even to admins', async () => {
    await expect(decide({}, user('admin'))).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });
});
