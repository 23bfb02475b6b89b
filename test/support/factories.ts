import { randomBytes } from 'node:crypto';
import TestAgent from 'supertest/lib/agent';
import type { Role } from '@trta/http';
import { AdminBootstrapService, UsersService } from '@trta/identity';
import type { TestApp } from './test-app';

export const PASSWORD = 'correct-horse-battery';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.org`;
}

/** A valid sign-up body; `overrides` replaces top-level fields, `profile` fields of the profile. */
export function registration(overrides: Record<string, unknown> = {}, profile: Record<string, unknown> = {}) {
  return {
    email: uniqueEmail('applicant'),
    password: PASSWORD,
    locale: 'en',
    profile: {
      fullName: 'Amina Diallo',
      gender: 'female',
      nationality: 'SEN',
      country: 'SEN',
      institutionType: 'government',
      institution: 'Ministry of Trade',
      position: 'Trade officer',
      languages: ['fr', 'en'],
      ...profile,
    },
    ...overrides,
  };
}

export async function login(http: TestAgent, email: string, password = PASSWORD): Promise<string> {
  const response = await http.post('/api/auth/login').send({ email, password });
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { accessToken: string }).accessToken;
}

/** Creates a user of any role directly and returns a token for them. */
export async function signedIn(testApp: TestApp, role: Role, country: string | null = null): Promise<{ id: string; email: string; token: string }> {
  if (role === 'applicant') {
    const body = registration();
    const response = await testApp.http.post('/api/auth/register').send(body);
    await confirmEmail(testApp, body.email);
    return { id: response.body.user.id, email: body.email, token: response.body.accessToken };
  }
  if (role === 'admin') await testApp.app.get(AdminBootstrapService).ensureAdmin();
  const email = role === 'admin' ? testApp.config.ADMIN_EMAIL! : uniqueEmail(role);
  const password = role === 'admin' ? testApp.config.ADMIN_PASSWORD! : PASSWORD;
  if (role !== 'admin') {
    await testApp.app.get(UsersService).create({ email, password, role, country: country ?? (role === 'focal_point' ? 'KEN' : undefined) });
  }
  const token = await login(testApp.http, email, password);
  const me = await testApp.http.get('/api/auth/me').auth(token, { type: 'bearer' });
  return { id: me.body.id, email, token };
}

/** The token of the newest one-time link the outbox holds for the email (of `kind`), as the person would follow it. */
export async function linkTokenFor(testApp: Pick<TestApp, 'dataSource'>, email: string, kind: string): Promise<string> {
  const [row] = (await testApp.dataSource.query(
    `SELECT body FROM notifications WHERE lower(to_email) = lower($1) AND kind = $2 ORDER BY created_at DESC, id DESC LIMIT 1`,
    [email, kind],
  )) as { body: string }[];
  const token = row ? /[#&?]token=([A-Za-z0-9_-]+)/.exec(row.body)?.[1] : undefined;
  if (!token) throw new Error(`no ${kind} link in the outbox for ${email}`);
  return token;
}

/** Confirms a signed-up applicant's email through the link of the verification message, as the person does. */
export async function confirmEmail(testApp: Pick<TestApp, 'dataSource' | 'http'>, email: string): Promise<void> {
  const token = await linkTokenFor(testApp, email, 'account.verify_email');
  const response = await testApp.http.post('/api/auth/verify-email').send({ token });
  if (response.status !== 204) throw new Error(`verification of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
}
