import { testInfrastructure } from '../support/test-app';
import { registration } from '../support/factories';
import { refused } from '../support/refusals';
import { faultApp, FaultApp, ownPostgres, OwnPostgres, until } from './fault-servers';

/**
 * PostgreSQL stopped and started again under reads: while it is down every route answers 503
 * UNAVAILABLE with Retry-After (never 500), sign-in included; once it is back the same API
 * process answers 200 again without a restart.
 */
describe('PostgreSQL stopped and started under reads', () => {
  let postgres: OwnPostgres;
  let t: FaultApp;

  beforeAll(async () => {
    postgres = await ownPostgres();
    t = await faultApp(postgres.url, testInfrastructure().redisUrl);
  });
  afterAll(async () => {
    await postgres.start().catch(() => undefined);
    await t?.close();
    await postgres.close();
  });

  it('answers 503 with Retry-After while it is down, then 200 again', async () => {
    const user = registration();
    await t.http.post('/api/auth/register').send(user).expect(201);
    await t.http.get('/api/catalogue').expect(200);

    // Reads keep coming while the server stops and starts again: each is a 200 or a 503, never a 500.
    const statuses: number[] = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        statuses.push((await t.http.get('/api/catalogue')).status);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    await postgres.stop();
    const down = await t.http.get('/api/catalogue').expect(refused(503, 'UNAVAILABLE', { reason: 'database-unavailable' }));
    expect(Number(down.headers['retry-after'])).toBeGreaterThan(0);
    const signIn = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(refused(503, 'UNAVAILABLE'));
    expect(signIn.headers['retry-after']).toBeDefined();
    await t.http.get('/api/health').expect(refused(503, 'UNAVAILABLE'));

    await postgres.start();
    await until(async () => (await t.http.get('/api/catalogue')).status === 200, 30000, 'the API did not answer 200 after PostgreSQL came back');
    await t.http.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    reading = false;
    await reader;

    expect(statuses).toContain(503);
    expect(statuses[statuses.length - 1]).toBe(200);
    expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
  }, 90000);
});
