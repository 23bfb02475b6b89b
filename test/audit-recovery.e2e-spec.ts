import { Queue } from 'bullmq';
import { Client } from 'pg';
import { JobName, QueueName } from '@trta/queues';
import { RunningProcess, runBuilt } from './support/processes';
import { createTestApp, TestApp } from './support/test-app';
import { signedIn } from './support/factories';

/**
 * A worker killed in the middle of a report (DESIGN issue 5, items 3 and 9): the job is taken up
 * again by another worker process and the year ends with exactly one completed report with the
 * right figures. The generation is held mid-way by a lock on `evaluations`, so nothing depends on timing.
 */
const YEAR = 2025;

const ACTIVITIES = [
  { code: 'TA-2025-0101', end: '2025-03-10', status: 'delivered', mode: 'face_to_face', planned: '1000.00', actual: '800.00' },
  { code: 'TA-2025-0102', end: '2025-06-20', status: 'delivered', mode: 'e_learning', planned: '500.00', actual: '450.50' },
  { code: 'TA-2025-0103', end: '2025-09-03', status: 'cancelled', mode: 'online', planned: '300.00', actual: null },
  { code: 'TA-2024-0104', end: '2024-11-30', status: 'delivered', mode: 'online', planned: '100.00', actual: '90.00' },
] as const;

const PEOPLE = { u1: { gender: 'female', country: 'KEN' }, u2: { gender: 'male', country: 'SEN' }, u3: { gender: 'female', country: 'BRA' } } as const;
type Person = keyof typeof PEOPLE;

const APPLICATIONS: Array<[Person, string, string]> = [
  ['u1', 'TA-2025-0101', 'completed'],
  ['u2', 'TA-2025-0101', 'attended'],
  ['u3', 'TA-2025-0101', 'withdrawn'],
  ['u1', 'TA-2025-0102', 'attended'],
  ['u3', 'TA-2025-0102', 'completed'],
  ['u2', 'TA-2025-0102', 'no_show'],
  ['u2', 'TA-2024-0104', 'completed'],
];

/** [person, activity, pre-test, post-test] */
const EVALUATIONS: Array<[Person, string, number | null, number | null]> = [
  ['u1', 'TA-2025-0101', 40, 70],
  ['u3', 'TA-2025-0102', null, null],
  ['u2', 'TA-2024-0104', 10, 90],
];

/** The year's figures worked out from the arrays above with DESIGN section 4's definitions. */
function expectedTotals() {
  const counted = ACTIVITIES.filter((a) => a.status === 'delivered' && a.end.startsWith(`${YEAR}-`));
  const countedCodes = new Set<string>(counted.map((a) => a.code));
  const participations = APPLICATIONS.filter(([, code, status]) => countedCodes.has(code) && (status === 'attended' || status === 'completed'));
  const isParticipation = (person: Person, code: string) => participations.some(([p, c]) => p === person && c === code);
  const cents = (amounts: (string | null)[]) => amounts.reduce((sum, amount) => sum + Math.round(Number(amount ?? 0) * 100), 0);
  const evaluations = EVALUATIONS.filter(([person, code]) => isParticipation(person, code));
  const gains = evaluations.filter(([, , pre, post]) => pre !== null && post !== null).map(([, , pre, post]) => post! - pre!);
  return {
    activitiesCounted: counted.length,
    participations: participations.length,
    participants: new Set(participations.map(([person]) => person)).size,
    completed: participations.filter(([, , status]) => status === 'completed').length,
    women: participations.filter(([person]) => PEOPLE[person].gender === 'female').length,
    budgetPlanned: (cents(counted.map((a) => a.planned)) / 100).toFixed(2),
    budgetActual: (cents(counted.map((a) => a.actual)) / 100).toFixed(2),
    evaluations: evaluations.length,
    learningGain: gains.reduce((sum, gain) => sum + gain, 0) / gains.length,
  };
}

async function buildDataSet(t: TestApp): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const [{ id: planId }] = await q(
    "INSERT INTO ta_plans (code, title, period_start, period_end, status) VALUES ('2024-2025', 'Plan', '2024-01-01', '2025-12-31', 'adopted') RETURNING id",
  );
  const [{ id: productId }] = await q(
    "INSERT INTO products (plan_id, code, name, category, planned_budget, funding_source) VALUES ($1, 'A', 'Product A', 'general', '10000.00', 'regular_budget') RETURNING id",
    [planId],
  );
  const activityIds: Record<string, string> = {};
  for (const a of ACTIVITIES) {
    const [{ id }] = await q(
      `INSERT INTO activities (code, plan_id, product_id, title, type, delivery_mode, languages, topics, lead_division,
         beneficiary_countries, start_date, end_date, capacity, budget_planned, budget_actual, funding_source, status)
       VALUES ($1, $2, $3, $1, 'global', $4, '{en}', '{general}', 'ITTC', '{}', $5::date - 2, $5, 30, $6, $7, 'regular_budget', $8) RETURNING id`,
      [a.code, planId, productId, a.mode, a.end, a.planned, a.actual, a.status],
    );
    activityIds[a.code] = id;
  }
  const userIds = {} as Record<Person, string>;
  for (const [person, profile] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    const [{ id }] = await q("INSERT INTO users (email, role) VALUES ($1, 'applicant') RETURNING id", [`${person}@recovery.test`]);
    await q(
      `INSERT INTO applicant_profiles (user_id, full_name, gender, nationality, country, institution_type, institution, position, languages)
       VALUES ($1, $2, $3, $4, $4, 'government', 'Ministry', 'Officer', '{en}')`,
      [id, person, profile.gender, profile.country],
    );
    userIds[person] = id;
  }
  const applicationIds: Record<string, string> = {};
  for (const [index, [person, code, status]] of APPLICATIONS.entries()) {
    const completed = status === 'completed';
    const [{ id }] = await q(
      `INSERT INTO applications (activity_id, applicant_id, country, status, certificate_code, completed_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [activityIds[code], userIds[person], PEOPLE[person].country, status, completed ? `TRTA-REC${index}` : null, completed ? '2025-12-31' : null],
    );
    applicationIds[`${person}|${code}`] = id;
  }
  for (const [person, code, pre, post] of EVALUATIONS) {
    await q('INSERT INTO evaluations (application_id, satisfaction, relevance, pre_test_score, post_test_score) VALUES ($1, 4, 4, $2, $3)', [
      applicationIds[`${person}|${code}`],
      pre,
      post,
    ]);
  }
}

async function waitUntil<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result = await check();
    if (result) return result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('audit report generation survives a killed worker', () => {
  let t: TestApp;
  let auditor: string;
  let locker: Client;
  const workers: RunningProcess[] = [];

  /** `npm run start:worker` on this test file's database and queues, ready once it says so. */
  const startWorker = async (): Promise<RunningProcess> => {
    const worker = runBuilt('apps/worker/src/main.js', {
      DATABASE_URL: t.databaseUrl,
      REDIS_URL: t.redisUrl,
      QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      LOG_LEVEL: 'warn',
    });
    workers.push(worker);
    await waitUntil('the worker to start', async () => {
      if (worker.child.exitCode !== null) throw new Error(`worker exited early:\n${worker.output()}`);
      return worker.output().includes('processing queues');
    });
    return worker;
  };

  const report = async (id: string) => (await t.http.get(`/api/audit-reports/${id}`).auth(auditor, { type: 'bearer' }).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    await buildDataSet(t);
    auditor = (await signedIn(t, 'auditor')).token;
    locker = new Client({ connectionString: t.databaseUrl });
    await locker.connect();
  });
  afterAll(async () => {
    await locker.query('ROLLBACK').catch(() => undefined);
    await locker.end();
    for (const worker of workers) await worker.stop('SIGKILL');
    await t.close();
  });

  it('ends with exactly one completed report, with the right figures, after SIGKILL mid-report', async () => {
    const first = await startWorker();
    // Hold the generator at its first statement that reads evaluations.
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE evaluations IN ACCESS EXCLUSIVE MODE');

    const requested = await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: YEAR }).expect(202);
    const id: string = requested.body.id;
    await waitUntil('the report to run', async () => (await report(id)).status === 'running');
    await waitUntil('the generator to wait for the lock', async () => {
      const [{ waiting }] = await t.dataSource.query(
        "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      return waiting > 0;
    });

    expect(await first.stop('SIGKILL')).toBeNull(); // killed, no exit code
    expect(first.child.signalCode).toBe('SIGKILL');
    await locker.query('ROLLBACK');
    expect((await report(id)).status).toBe('running');

    await startWorker();
    // The dead worker's lock on the job lapses (lockDuration 10 s); the new one's stalled check takes it up.
    const done = await waitUntil('the report to complete', async () => {
      const current = await report(id);
      if (current.status === 'failed') throw new Error(`report failed: ${current.error}`);
      return current.status === 'completed' ? current : undefined;
    }, 90000);

    const rows = await t.dataSource.query('SELECT id, status, attempts, checksum FROM audit_reports WHERE year = $1', [YEAR]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, status: 'completed' });
    expect(rows[0].attempts).toBeGreaterThanOrEqual(2);
    expect(done).toMatchObject({ progress: 100, error: null, checksum: rows[0].checksum });

    const expected = expectedTotals();
    expect(expected).toMatchObject({ activitiesCounted: 2, participations: 4, participants: 3, women: 3, evaluations: 2, learningGain: 30 });
    expect(done.data.totals).toMatchObject({ ...expected, completionRate: 0.5, womenShare: 0.75, evaluationResponseRate: 0.5 });

    // One job for the report in the queue, completed once.
    const queue = new Queue(QueueName.AuditReports, { connection: { url: t.redisUrl }, prefix: t.config.QUEUE_PREFIX });
    try {
      const jobs = (await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed'])).filter((job) => job.name === JobName.AuditReportGenerate);
      expect(jobs).toHaveLength(1);
      expect(await jobs[0].getState()).toBe('completed');
      expect(jobs[0].returnvalue).toMatchObject({ status: 'completed', checksum: rows[0].checksum });
    } finally {
      await queue.close();
    }
  }, 150000);

  it('stops on SIGTERM while idle with exit code 0, saying it finished its active jobs', async () => {
    for (const worker of workers) await worker.stop('SIGTERM');
    const worker = await startWorker();
    expect(await worker.stop('SIGTERM')).toBe(0);
    expect(worker.output()).toContain('SIGTERM: finishing active jobs and stopping');
  }, 60000);

  it('finishes the report it is generating before stopping on SIGTERM', async () => {
    const worker = await startWorker();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE evaluations IN ACCESS EXCLUSIVE MODE');
    const requested = await t.http.post('/api/audit-reports').auth(auditor, { type: 'bearer' }).send({ year: YEAR - 1 }).expect(202);
    await waitUntil('the report to run', async () => (await report(requested.body.id)).status === 'running');

    const stopped = worker.stop('SIGTERM');
    await waitUntil('the worker to receive SIGTERM', async () => worker.output().includes('SIGTERM: finishing active jobs'));
    expect(worker.child.exitCode).toBeNull(); // still waiting for its job
    await locker.query('ROLLBACK');
    expect(await stopped).toBe(0);

    const finished = await report(requested.body.id);
    expect(finished).toMatchObject({ status: 'completed', attempts: 1 });
    expect(finished.data.totals).toMatchObject({ activitiesCounted: 1, participations: 1, budgetPlanned: '100.00', learningGain: 80 });
  }, 60000);
});
