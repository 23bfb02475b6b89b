import type { Role } from '@trta/http';
import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';

type Method = 'get' | 'post';

/** Every route so far, with the roles allowed ('anyone' = public, 'signed-in' = any role). */
const ROUTES: Array<{ method: Method; path: string; allowed: Role[] | 'anyone' | 'signed-in' }> = [
  { method: 'get', path: '/api/health', allowed: 'anyone' },
  { method: 'get', path: '/api/reference/countries', allowed: 'anyone' },
  { method: 'get', path: '/api/reference/regions', allowed: 'anyone' },
  { method: 'get', path: '/api/reference/divisions', allowed: 'anyone' },
  { method: 'get', path: '/api/reference/topics', allowed: 'anyone' },
  { method: 'get', path: '/api/auth/me', allowed: 'signed-in' },
  { method: 'get', path: '/api/users', allowed: ['admin'] },
  { method: 'post', path: '/api/users', allowed: ['admin'] },
  { method: 'post', path: '/api/system/ping', allowed: ['admin'] },
];
const ROLES: Role[] = ['admin', 'staff', 'auditor', 'focal_point', 'applicant'];

describe('access to every route by role', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) tokens[role] = (await signedIn(t, role)).token;
  });
  afterAll(() => t.close());

  it('lets through exactly the allowed roles and refuses the others with 403 (401 without a token)', async () => {
    for (const route of ROUTES) {
      const anonymous = await t.http[route.method](route.path).send({});
      if (route.allowed === 'anyone') expect([route.path, anonymous.status]).not.toEqual([route.path, 401]);
      else expect([route.path, anonymous.status, anonymous.body.code]).toEqual([route.path, 401, 'UNAUTHORIZED']);

      for (const role of ROLES) {
        const response = await t.http[route.method](route.path).auth(tokens[role], { type: 'bearer' }).send({});
        const allowed = route.allowed === 'anyone' || route.allowed === 'signed-in' || route.allowed.includes(role);
        if (allowed) expect([route.path, role, response.status]).not.toEqual([route.path, role, 403]);
        else {
          expect([route.path, role, response.status, response.body.code]).toEqual([route.path, role, 403, 'FORBIDDEN']);
          expect(response.body.message).toBe(`This action is not allowed for the role ${role}`);
        }
      }
    }
  });
});
