import { PASSWORD, registration, uniqueEmail } from './support/factories';
import { refused } from './support/refusals';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Issue 13: the sign-in pause counts the client address the HTTP server derives under
 * TRUST_PROXY, never what the caller writes in X-Forwarded-For. (Without TRUST_PROXY, see
 * accounts.e2e-spec.ts: a forged header gives no new guesses.)
 */
describe('throttling behind a trusted proxy (TRUST_PROXY=1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1', LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '4' });
  });
  afterAll(() => t.close());

    it('behind TRUST_PROXY=1 counts the address the proxy saw, whatever the client wrote before it, and limits one address across emails', async () => {
      const proxied = t;
      {
        const body = registration();
        await proxied.http.post('/api/auth/register').send(body).expect(201);
        const attempt = (xff: string, email = body.email as string, password = 'wrong-password-x') =>
          proxied.http.post('/api/auth/login').set('x-forwarded-for', xff).send({ email, password });
        for (let i = 0; i < 3; i++) await attempt(`${i}.${i}.${i}.${i}, 192.0.2.10`).expect(refused(401, 'WRONG_CREDENTIALS'));
        // Forging the left-most part changes nothing: the proxy appended 192.0.2.10.
        await attempt('8.8.8.8, 192.0.2.10', body.email as string, PASSWORD).expect(refused(429, 'TOO_MANY_SIGN_IN_ATTEMPTS'));
        // Another client (another address appended by the proxy) is not locked out: the victim keeps access.
        await attempt('192.0.2.10, 192.0.2.99', body.email as string, PASSWORD).expect(200);
        // One address trying many emails: the fourth failure across emails blocks the fifth email.
        for (let i = 0; i < 4; i++) await attempt(`192.0.2.50`, uniqueEmail('spray')).expect(refused(401, 'WRONG_CREDENTIALS'));
        await attempt('192.0.2.50', uniqueEmail('spray')).expect(refused(429, 'TOO_MANY_SIGN_IN_ATTEMPTS'));
      }
    });
});
