// `npm run bench:api` (issue 16 item 4): GET /api/activities with filters, signed in, against a
// bare Fastify + pg handler running the very same SQL, on the benchmark's 50,000 activities
// (test/bench/synthetic-data.cjs, database trta_bench shared with `npm run bench:report`).
// The bare handler runs twice: planning the statement on every request (the issue's yardstick,
// which the target is checked against) and prepared once per connection as the API's readRows
// does (stricter: what the framework adds, planning aside; printed, no target). The three run as
// processes of their own with the same pool size; autocannon loads them in turns (API, bare, bare
// prepared, API, ...) with the same number of connections, and the best round of each is kept.
// Then the API is loaded at 80% of its best rate and its p99 reported. The public catalogue and a
// staff application list are loaded too (API only: their figures, no ratio).
//   --reuse            keep trta_bench when it already holds the data set (skips generation)
//   --rounds N         rounds per server (default 3), --seconds S per round (default 5)
//   --connections C    (default 20)
//   --cpu-prof DIR     run the API under `node --cpu-prof --cpu-prof-dir DIR`
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const net = require('node:net');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { generateDataSet } = require('./synthetic-data.cjs');

const root = join(__dirname, '../..');
const dist = (path) => join(root, 'dist', path);
const { loadConfig } = require(dist('libs/config/src'));
const { locatePostgres, locateRedisOrNull, runMigrations, withDatabase } = loadProduct();

const DATABASE = 'trta_bench';
const TARGETS = { ratio: 0.6, p99Ms: 50 };
/** Created by the API on its first start on trta_bench (ADMIN_EMAIL/ADMIN_PASSWORD), kept for later runs. */
const ADMIN = { email: 'bench-admin@bench.example', password: 'bench-admin-password' };
/** The filtered list staff use: this year's national and regional activities, planned or delivered, by start date. */
const ACTIVITIES_QUERY = '/api/activities?status=delivered,confirmed&type=national,regional&from=2024-01-01&to=2024-12-31&sort=-startDate&limit=20';

const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const log = (message) => console.log(message);

function loadProduct() {
  const database = require(dist('libs/database/src'));
  const { locateRedis } = require(dist('libs/queues/src/redis-locator'));
  return { ...database, locateRedisOrNull: locateRedis };
}

async function main() {
  const rounds = Number(option('--rounds', '3'));
  const duration = Number(option('--seconds', '5'));
  const connections = Number(option('--connections', '20'));
  const config = loadConfig({ ...process.env, DATABASE_NAME: DATABASE, LOG_LEVEL: 'warn' });
  const postgres = await locatePostgres(config, log);
  const redis = await locateRedisOrNull(config, log);
  const url = withDatabase(postgres.url, DATABASE);
  const children = [];
  try {
    if (!(process.argv.includes('--reuse') && (await holdsDataSet(url)))) await freshDataSet(url);
    else await runMigrations(url);
    const [apiPort, barePort, preparedPort] = [await freePort(), await freePort(), await freePort()];
    children.push(await startServer('API', apiNodeArgs(), apiEnv(apiPort, redis.url), apiPort));
    const bareEnv = { DATABASE_URL: url, POOL_SIZE: '20' };
    children.push(await startServer('bare handler', [join(__dirname, 'bare-activities.cjs')], { ...bareEnv, PORT: String(barePort) }, barePort));
    children.push(await startServer('bare handler, prepared', [join(__dirname, 'bare-activities.cjs')], { ...bareEnv, PORT: String(preparedPort), PREPARE: 'true' }, preparedPort));
    const token = await signIn(apiPort);
    const headers = { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' };

    // The same answer from both, or the comparison means nothing.
    const [fromApi, fromBare, fromPrepared] = await Promise.all([apiPort, barePort, preparedPort].map((port) => getJson(port, ACTIVITIES_QUERY, headers)));
    for (const answer of [fromBare, fromPrepared]) {
      if (JSON.stringify(fromApi) !== JSON.stringify(answer)) throw new Error(`a bare handler answers differently:\n${JSON.stringify(fromApi).slice(0, 400)}\n${JSON.stringify(answer).slice(0, 400)}`);
    }
    log(`${ACTIVITIES_QUERY}: ${fromApi.items.length} items, ${JSON.stringify(fromApi).length} bytes; same answer from the three servers`);

    const pidOf = { [apiPort]: children[0].pid, [barePort]: children[1].pid, [preparedPort]: children[2].pid };
    // Each round also reads the server's CPU time (/proc): CPU per request stays meaningful on a busy machine.
    const load = async (port, path, extra = {}) => {
      const before = cpuSeconds(pidOf[port]);
      const result = await run({ url: `http://127.0.0.1:${port}${path}`, headers, connections, duration, ...extra });
      return { ...result, cpuMs: ((cpuSeconds(pidOf[port]) - before) * 1000) / Math.max(1, result.total) };
    };
    await load(apiPort, ACTIVITIES_QUERY, { duration: 2 }); // warm-up: JIT, pools, plans
    await load(barePort, ACTIVITIES_QUERY, { duration: 2 });
    await load(preparedPort, ACTIVITIES_QUERY, { duration: 2 });
    const api = [];
    const bare = [];
    const prepared = [];
    const figures = (result) => `${result.rps.toFixed(0)} req/s (p99 ${result.p99} ms, ${result.cpuMs.toFixed(2)} ms CPU/request)`;
    for (let round = 0; round < rounds; round++) {
      api.push(await load(apiPort, ACTIVITIES_QUERY));
      bare.push(await load(barePort, ACTIVITIES_QUERY));
      prepared.push(await load(preparedPort, ACTIVITIES_QUERY));
      log(`round ${round + 1}: API ${figures(api[round])}, bare ${figures(bare[round])}, bare prepared ${figures(prepared[round])}`);
    }
    const bestApi = best(api);
    const bestBare = best(bare);
    const bestPrepared = best(prepared);
    const rate = Math.floor(bestApi.rps * 0.8);
    const atRate = await load(apiPort, ACTIVITIES_QUERY, { overallRate: rate });

    const others = [];
    for (const [label, path, auth] of await otherLists(url)) {
      const extraHeaders = auth ? headers : { 'accept-encoding': 'identity' };
      await getJson(apiPort, path, extraHeaders); // answers 200, or the bench stops here
      await load(apiPort, path, { headers: extraHeaders, duration: 1 });
      others.push([label, path, await load(apiPort, path, { headers: extraHeaders })]);
    }

    const ratio = bestApi.rps / bestBare.rps;
    const preparedRatio = bestApi.rps / bestPrepared.rps;
    log(`\nGET ${ACTIVITIES_QUERY}\n${connections} connections, ${duration} s rounds, best of ${rounds}; pool 20 each; 50,000 activities`);
    log(`                 req/s    p50 ms  p99 ms  server CPU ms/request`);
    log(`API              ${fmt(bestApi)}`);
    log(`bare Fastify+pg  ${fmt(bestBare)}`);
    log(`bare, prepared   ${fmt(bestPrepared)}`);
    log(`CPU ratio        ${(bestBare.cpuMs / bestApi.cpuMs).toFixed(2)}x, prepared ${(bestPrepared.cpuMs / bestApi.cpuMs).toFixed(2)}x (bare CPU per request / API CPU per request, best rounds)`);
    log(`ratio            ${ratio.toFixed(2)}x (target >= ${TARGETS.ratio}x) ${ratio >= TARGETS.ratio ? 'met' : 'MISSED'}`);
    log(`ratio, prepared  ${preparedRatio.toFixed(2)}x (the stricter yardstick: the bare handler prepares its statement as the API does; no target)`);
    log(`API at ${rate} req/s (80% of its best): ${atRate.rps.toFixed(0)} req/s served, p99 ${atRate.p99} ms (target < ${TARGETS.p99Ms} ms) ${atRate.p99 < TARGETS.p99Ms ? 'met' : 'MISSED'}`);
    for (const [label, path, result] of others) log(`${label.padEnd(16)} ${fmt(result)}   ${path}`);
    process.exitCode = ratio >= TARGETS.ratio && atRate.p99 < TARGETS.p99Ms ? 0 : 1;
  } finally {
    for (const child of children.reverse()) await stopProcess(child);
    await redis.stop();
    await postgres.stop();
  }
}

const fmt = (r) =>
  `${r.rps.toFixed(0).padStart(6)}   ${String(r.p50).padStart(6)}  ${String(r.p99).padStart(6)}  ${r.cpuMs === undefined ? '' : r.cpuMs.toFixed(2).padStart(6)}${r.non2xx ? `  (${r.non2xx} non-2xx!)` : ''}`;

/** User + system CPU seconds a process has used so far (Linux /proc). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const best = (results) => results.reduce((a, b) => (b.rps > a.rps ? b : a));

function apiNodeArgs() {
  const profileDir = option('--cpu-prof');
  return [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), dist('apps/api/src/main.js')];
}

/** The API as production runs it, with the production log level (info). */
function apiEnv(port, redisUrl) {
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_NAME: DATABASE,
    REDIS_URL: redisUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    QUEUE_PREFIX: `bench-api-${randomBytes(4).toString('hex')}`,
    WORKER_IN_PROCESS: 'false',
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
}

/** The catalogue (public) and one activity's applications as staff list them. */
async function otherLists(url) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // The synthetic ids are md5 digests; the route wants a well-formed UUID (version and variant digits).
    const { rows } = await client.query("SELECT id FROM activities WHERE status = 'delivered' AND id::text ~ '^.{14}[1-8].{4}[89ab]' ORDER BY code LIMIT 1");
    return [
      ['catalogue', '/api/catalogue?lang=en&limit=20', false],
      ['applications', `/api/activities/${rows[0].id}/applications?limit=20`, true],
    ];
  } finally {
    await client.end();
  }
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ ...options, timeout: 10 }, (error, result) => {
      if (error) return reject(error);
      resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, non2xx: result.non2xx + result.errors });
    });
  });
}

async function signIn(port) {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return (await response.json()).accessToken;
}

async function getJson(port, path, headers) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function holdsDataSet(url) {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM activities');
    return rows[0].n >= 50000;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function freshDataSet(url) {
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  await runMigrations(url);
  log('generating the data set:');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await generateDataSet(client, log);
  } finally {
    await client.end();
  }
}

async function startServer(label, args, env, port) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} stopped:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok || response.status === 404) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`${label} did not start within 60 s:\n${output}`);
}

function stopProcess(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

main().catch((error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
