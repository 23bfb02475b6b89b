// `npm run bench:start` (issue 16 item 5): how long `npm start` takes to answer /api/health,
//   fresh   as after a clone and `npm ci`: no dist/, no apps/web/dist, an empty database to migrate;
//   second  the same command again with nothing changed.
// It deletes dist/ and apps/web/dist of this checkout for the first figure (both are build output).
// Uses a database of its own (trta_bench_start) on the PostgreSQL `npm start` finds.
//   --runs N   second starts to time (default 2, best and each printed)
const { spawn } = require('node:child_process');
const { rmSync } = require('node:fs');
const { join } = require('node:path');
const net = require('node:net');
const { Client } = require('pg');

const root = join(__dirname, '../..');
const DATABASE = 'trta_bench_start';
const TARGETS = { freshSeconds: 10, secondSeconds: 5 };

const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};

async function main() {
  const runs = Number(option('--runs', '2'));
  const port = await freePort();
  await recreateDatabase();
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  rmSync(join(root, 'apps/web/dist'), { recursive: true, force: true });
  const fresh = await timeStart(port);
  console.log(`fresh start (no build, empty database): /api/health answered after ${fresh.toFixed(1)} s`);
  const seconds = [];
  for (let run = 0; run < runs; run++) {
    seconds.push(await timeStart(port));
    console.log(`second start (nothing changed): /api/health answered after ${seconds[run].toFixed(1)} s`);
  }
  const second = Math.min(...seconds);
  console.log(`\nnpm start until /api/health answers 200`);
  console.log(`fresh   ${fresh.toFixed(1)} s (target < ${TARGETS.freshSeconds} s) ${fresh < TARGETS.freshSeconds ? 'met' : 'MISSED'}`);
  console.log(`second  ${second.toFixed(1)} s, best of ${runs} (target < ${TARGETS.secondSeconds} s) ${second < TARGETS.secondSeconds ? 'met' : 'MISSED'}`);
  process.exitCode = fresh < TARGETS.freshSeconds && second < TARGETS.secondSeconds ? 0 : 1;
}

/** Seconds from `npm start` until GET /api/health answers 200; the server is stopped again after. */
async function timeStart(port) {
  const started = process.hrtime.bigint();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_NAME: DATABASE, LOG_LEVEL: 'warn', QUEUE_PREFIX: 'bench-start' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start stopped (${child.exitCode}):\n${output}`);
      if (Number(process.hrtime.bigint() - started) / 1e9 > 120) throw new Error(`no answer within 120 s:\n${output}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) return Number(process.hrtime.bigint() - started) / 1e9;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', () => resolve());
      process.kill(-child.pid, 'SIGTERM');
    });
    // npm may exit before the server it started has closed: the next start must not time this one.
    await portClosed(port);
  }
}

/** Resolves once nothing answers on the port any more. */
async function portClosed(port) {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/api/health`);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`port ${port} still answers 60 s after npm start was stopped`);
}

async function recreateDatabase() {
  const client = new Client({ host: process.env.PGHOST ?? '127.0.0.1', port: Number(process.env.POSTGRES_LOCAL_PORT ?? 5432), user: 'postgres', database: 'postgres' });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  } catch (error) {
    console.log(`(no PostgreSQL on 127.0.0.1 to empty ${DATABASE} beforehand: ${error.message})`);
  } finally {
    await client.end().catch(() => undefined);
  }
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
