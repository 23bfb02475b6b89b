import { DEMO_PASSWORD, seedDemoPeople, seedDemoPlan } from '@trta/demo';
import { NotificationKind, NotificationsService } from '@trta/notifications';
import type { Page } from 'playwright-core';
import { login } from './factories';
import type { TestApp } from './test-app';

/** The demo accounts of `npm run seed:demo` (libs/demo) the browser tests sign in as, by role. */
export const DEMO_USERS = {
  applicant: 'applicant001@demo.trta.org',
  focal_point: 'focal.ken@demo.trta.org',
  staff: 'staff@demo.trta.org',
  auditor: 'auditor@demo.trta.org',
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

/** Loads the demo plan and people into the test database, as `npm run seed:demo` does. */
export async function seedDemo(t: TestApp): Promise<{ planId: string }> {
  const plan = await seedDemoPlan(t.dataSource);
  await seedDemoPeople(t.dataSource, plan.planId);
  return { planId: plan.planId };
}

/** A demo account's id and an API token (for checking results, never for what the person does). */
export async function demoToken(t: TestApp, role: DemoRole): Promise<{ id: string; email: string; token: string }> {
  const email = DEMO_USERS[role];
  const token = await login(t.http, email, DEMO_PASSWORD);
  const me = await t.http.get('/api/auth/me').auth(token, { type: 'bearer' });
  return { id: me.body.id, email, token };
}

/** Queues notifications for a person as the features do (in their account's language), kept in the outbox. */
export async function queueNotifications(t: TestApp, userId: string, kinds: NotificationKind[], activity = { code: 'TA-2026-0042', title: 'Trade facilitation for customs officials' }): Promise<string[]> {
  const service = t.app.get(NotificationsService);
  const ids: string[] = [];
  for (const [index, kind] of kinds.entries()) {
    const id = await t.dataSource.transaction((manager) =>
      service.queue(manager, { userId, kind, params: { activityCode: activity.code, activityTitle: activity.title, startDate: '2026-12-01', waitlistPosition: 2 }, dedupKey: `demo-${kind}-${index}-${userId}` }),
    );
    if (id) ids.push(id);
  }
  return ids;
}

/**
 * Signs in through the sign-in page in whatever language it is shown: the email and password
 * fields and the form's submit button, as a person does.
 */
export async function signInInAnyLanguage(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  const form = page.locator('main form').first();
  await form.locator('input[type="email"]').fill(email);
  await form.locator('input[type="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export { NotificationKind };
