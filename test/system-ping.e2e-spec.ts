import { Queue, QueueEvents } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { DiscoveryService } from '@nestjs/core';
import { JobName, JobProcessor, QueueName } from '@trta/queues';
import { runBuilt } from './support/processes';
import { createTestApp, TestApp, testInfrastructure } from './support/test-app';
import { signedIn } from './support/factories';
import { refused } from './support/refusals';

describe('system.ping through the queue', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signedIn(t, 'admin')).token;
  });
  afterAll(() => t.close());

  it('says so when no worker answers', async () => {
    const response = await t.http.post('/api/system/ping').auth(admin, { type: 'bearer' }).expect(refused(503, 'NO_WORKER_ANSWERED', { timeoutMs: 5000 }));
    expect(response.body.message).toMatch(/No worker answered the ping/);
  });

  it('comes back from a running worker', async () => {
    await t.startWorker();
    const response = await t.http.post('/api/system/ping').auth(admin, { type: 'bearer' }).expect(200);
    expect(response.body).toMatchObject({ pong: true, nonce: expect.any(String), workerPid: process.pid });
    expect(response.body.roundTripMs).toBeLessThan(5000);
  });
});

describe('the worker as its own process (npm run start:worker)', () => {
  it('answers system.ping and stops cleanly on SIGTERM', async () => {
    const { databaseUrl, redisUrl } = testInfrastructure();
    const prefix = `test-${randomBytes(6).toString('hex')}`;
    const worker = runBuilt('apps/worker/src/main.js', { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn' });
    const queue = new Queue(QueueName.System, { connection: { url: redisUrl }, prefix });
    const events = new QueueEvents(QueueName.System, { connection: { url: redisUrl }, prefix });
    try {
      await events.waitUntilReady();
      const job = await queue.add(JobName.SystemPing, { sentAt: new Date().toISOString(), nonce: 'n-1' });
      const result = await job.waitUntilFinished(events, 30000);
      expect(result).toMatchObject({ pong: true, nonce: 'n-1', workerPid: worker.child.pid });
      expect(await worker.stop('SIGTERM')).toBe(0);
      expect(worker.output()).toContain('SIGTERM: finishing active jobs and stopping');
    } finally {
      await worker.stop('SIGKILL');
      await events.close();
      await queue.close();
    }
  });
});

describe('worker concurrency', () => {
  it('comes from WORKER_CONCURRENCY, except where a processor fixes its own', async () => {
    const t = await createTestApp({ WORKER_CONCURRENCY: '3' });
    try {
      await t.startWorker();
      const worker = t.workers[0];
      const concurrency = Object.fromEntries(
        worker
          .get(DiscoveryService)
          .getProviders()
          .map((wrapper) => wrapper.instance as unknown)
          .filter((instance): instance is JobProcessor => instance instanceof JobProcessor)
          .map((processor) => [processor.worker.name, processor.worker.concurrency]),
      );
      expect(concurrency).toEqual({ system: 3, activities: 3, notifications: 3, files: 3, 'audit-reports': 1 });
    } finally {
      await t.close();
    }
  });
});
