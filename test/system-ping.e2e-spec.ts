import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';

describe('system.ping through the queue', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedIn(t, 'admin')).token;
  });
  afterAll(() => t.close());

  it('says so when no worker answers', async () => {
    const response = await t.http.post('/api/system/ping').auth(admin, { type: 'bearer' }).expect(503);
    expect(response.body.message).toMatch(/No worker answered the ping/);
  });

  it('comes back from a running worker', async () => {
    await t.startWorker();
    const response = await t.http.post('/api/system/ping').auth(admin, { type: 'bearer' }).expect(200);
    expect(response.body).toMatchObject({ pong: true, nonce: expect.any(String), workerPid: process.pid });
    expect(response.body.roundTripMs).toBeLessThan(5000);
  });
});
