// `npm run bench:web` (issue 16 item 3): the built product on the demo data, opened the way an
// official on a slow mobile network opens it: Debian's Chromium, empty cache, the network
// throttled through CDP Network.emulateNetworkConditions. Prints, for the public catalogue and
// then an activity sheet opened from it (a click, as a person does), the time until the content
// is visible, the bytes transferred and the requests.
//
// Two throttling profiles, both printed (the targets are checked against the first):
//   issue    the issue's own "Fast 3G": 150 ms round trip, 1.6 Mbps down (200,000 B/s), 750 kbps up (93,750 B/s)
//   devtools Chrome DevTools' "Fast 3G" preset: latency 150 ms x 3.75 = 562.5 ms,
//            down 1.6 Mbps x 1024^2 / 8 x 0.9 = 188,744 B/s, up 750 kbps x 1024 / 8 x 0.9 = 86,400 B/s
//   none     no throttling: the time the page takes on this machine's CPU alone (a busy machine shows here)
// Options: --runs N (default 3, best and median printed), --profile issue|devtools, --port N,
// --verbose (each request and its size, and when each of the catalogue's started and ended).
// Plain Node over the build (`npm run bench:web` builds first), like test/bench/report.bench.cjs.
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');
const net = require('node:net');
const { Client } = require('pg');
const { chromium } = require('playwright-core');

const root = join(__dirname, '../..');
const dist = (path) => join(root, 'dist', path);
const { loadConfig } = require(dist('libs/config/src'));
const { locatePostgres, withDatabase } = require(dist('libs/database/src'));

const DATABASE = 'trta_bench_web';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PROFILES = {
  issue: { latency: 150, downloadThroughput: 200000, uploadThroughput: 93750 },
  devtools: { latency: 150 * 3.75, downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9, uploadThroughput: ((750 * 1024) / 8) * 0.9 },
  // No throttling: what is left is this machine's CPU (parsing, running and rendering the app).
  none: { latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
};
const TARGETS = { catalogueMs: 2500, catalogueBytes: 300 * 1024, sheetMs: 2000 };
/** What "visible" means: the first result of the catalogue; the sheet's facts (its data arrived and rendered). */
const CATALOGUE_VISIBLE = '[data-testid="catalogue-list"] a[href^="/catalogue/"]';
const SHEET_VISIBLE = '#facts';

const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const log = (message) => console.log(message);

async function main() {
  const runs = Number(option('--runs', '3'));
  const profiles = option('--profile') ? [option('--profile')] : Object.keys(PROFILES);
  for (const name of profiles) if (!PROFILES[name]) throw new Error(`unknown profile ${name}: ${Object.keys(PROFILES).join(', ')}`);

  const config = loadConfig({ ...process.env, DATABASE_NAME: DATABASE, LOG_LEVEL: 'warn' });
  const postgres = await locatePostgres(config, log);
  let api;
  let browser;
  try {
    await freshDemoDatabase(postgres.url);
    const port = Number(option('--port', 0)) || (await freePort());
    api = await startApi(port);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    let met = true;
    for (const name of profiles) {
      const results = [];
      for (let run = 0; run < runs; run++) results.push(await visit(browser, `http://127.0.0.1:${port}`, PROFILES[name]));
      met = report(name, PROFILES[name], results) && met;
    }
    process.exitCode = met ? 0 : 1;
  } finally {
    await browser?.close().catch(() => undefined);
    if (api) await stopProcess(api);
    await postgres.stop();
  }
}

/** A database of the bench's own, migrated and loaded with the demo seed (`npm run seed:demo`'s CLI). */
async function freshDemoDatabase(serverUrl) {
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const started = Date.now();
  await run(process.execPath, [dist('libs/demo/src/seed-demo.cli.js')], { DATABASE_NAME: DATABASE });
  log(`demo data loaded into ${DATABASE} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The API as production runs it (NODE_ENV=production), serving the built web app. */
async function startApi(port) {
  const child = spawn(process.execPath, [dist('apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_NAME: DATABASE,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: randomBytes(12).toString('hex'),
      QUEUE_PREFIX: `bench-web-${randomBytes(4).toString('hex')}`,
      WORKER_IN_PROCESS: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API stopped:\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`the API did not answer /api/health within 60 s:\n${output}`);
}

/** One first visit: a new browser context (empty cache, no cookies), the catalogue, then a click on its first activity. */
async function visit(browser, baseUrl, conditions) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', baseURL: baseUrl });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
    const traffic = { requests: 0, bytes: 0, urls: [] };
    const urlOf = new Map();
    cdp.on('Network.requestWillBeSent', (event) => {
      traffic.requests += 1;
      urlOf.set(event.requestId, event.request.url.replace(baseUrl, ''));
    });
    cdp.on('Network.loadingFinished', (event) => {
      traffic.bytes += event.encodedDataLength;
      traffic.urls.push(`${urlOf.get(event.requestId)} (${(event.encodedDataLength / 1024).toFixed(1)} KB)`);
    });
    const snapshot = () => ({ requests: traffic.requests, bytes: traffic.bytes, urls: traffic.urls.slice() });

    const catalogueMs = await timeUntilVisible(page, CATALOGUE_VISIBLE, () => page.goto('/catalogue', { waitUntil: 'commit' }));
    await page.waitForLoadState('networkidle');
    const catalogue = { ms: catalogueMs, ...snapshot(), timeline: await timeline(page) };

    const link = page.locator(CATALOGUE_VISIBLE).first();
    const clickedAt = await page.evaluate(() => performance.now());
    await link.click();
    const sheetAt = await page.waitForFunction((selector) => document.querySelector(selector) && performance.now(), SHEET_VISIBLE, { polling: 'raf', timeout: 30000 });
    const sheetMs = (await sheetAt.jsonValue()) - clickedAt;
    await page.waitForLoadState('networkidle');
    const after = snapshot();
    return {
      catalogue,
      sheet: { ms: sheetMs, requests: after.requests - catalogue.requests, bytes: after.bytes - catalogue.bytes, urls: after.urls.slice(catalogue.urls.length) },
    };
  } finally {
    await context.close();
  }
}

/** When each resource of the page started and ended, from the navigation's start (for --verbose). */
function timeline(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => `${entry.name.replace(location.origin, '')} ${entry.startTime.toFixed(0)}-${entry.responseEnd.toFixed(0)}`),
  );
}

/** Milliseconds from the navigation's start (performance.timeOrigin) until `selector` is in the page. */
async function timeUntilVisible(page, selector, navigate) {
  await navigate();
  const handle = await page.waitForFunction((wanted) => document.querySelector(wanted) && performance.now(), selector, { polling: 'raf', timeout: 60000 });
  return handle.jsonValue();
}

function report(name, conditions, results) {
  const best = (pick) => Math.min(...results.map(pick));
  const median = (pick) => {
    const sorted = results.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  log(
    `\nprofile ${name}: latency ${conditions.latency} ms, down ${Math.round(conditions.downloadThroughput)} B/s, up ${Math.round(conditions.uploadThroughput)} B/s, empty cache, ${results.length} runs`,
  );
  log('page       visible (best / median)   transferred   requests');
  for (const key of ['catalogue', 'sheet']) {
    log(
      `${key.padEnd(10)} ${`${best((r) => r[key].ms).toFixed(0)} ms / ${median((r) => r[key].ms).toFixed(0)} ms`.padEnd(25)} ${kb(median((r) => r[key].bytes)).padEnd(13)} ${median((r) => r[key].requests)}`,
    );
  }
  if (process.argv.includes('--verbose')) {
    log(`catalogue requests: ${results[0].catalogue.urls.join(', ')}`);
    log(`catalogue timeline (ms from navigation, visible at ${results[0].catalogue.ms.toFixed(0)}): ${results[0].catalogue.timeline.join(', ')}`);
    log(`sheet requests: ${results[0].sheet.urls.join(', ')}`);
  }
  if (name !== 'issue') return true;
  const checks = [
    ['catalogue visible', median((r) => r.catalogue.ms), TARGETS.catalogueMs, 'ms'],
    ['catalogue transferred', median((r) => r.catalogue.bytes) / 1024, TARGETS.catalogueBytes / 1024, 'KB'],
    ['sheet after the catalogue', median((r) => r.sheet.ms), TARGETS.sheetMs, 'ms'],
  ];
  let met = true;
  for (const [label, value, limit, unit] of checks) {
    const ok = value < limit;
    met = met && ok;
    log(`target ${label} (median) < ${limit} ${unit}: ${value.toFixed(0)} ${unit} ${ok ? 'met' : 'MISSED'}`);
  }
  return met;
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${args.join(' ')} failed:\n${output}`))));
  });
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
