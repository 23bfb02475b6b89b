import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { createConnection } from 'node:net';
import { AppConfig, projectRoot } from '@trta/config';

export interface LocatedRedis {
  url: string;
  source: 'REDIS_URL' | 'local server' | 'redis-server child';
  stop(): Promise<void>;
}

export class RedisNotFoundError extends Error {
  constructor(port: number) {
    super(
      `No Redis answers on 127.0.0.1:${port} and no redis-server is on PATH. Get one with ` +
        '`docker compose -f docker/compose.yml up -d redis`, `sudo apt-get install redis-server` or ' +
        '`brew install redis`, or set REDIS_URL.',
    );
    this.name = 'RedisNotFoundError';
  }
}

type Log = (message: string) => void;

/**
 * `REDIS_URL` when set; else Redis on localhost when it answers; else a `redis-server` from PATH
 * started as a child process with its data under `DATA_DIR/redis`.
 */
export async function locateRedis(config: AppConfig, log: Log = () => undefined): Promise<LocatedRedis> {
  if (config.REDIS_URL) return { url: config.REDIS_URL, source: 'REDIS_URL', stop: async () => undefined };
  if (await pingRedis(config.REDIS_LOCAL_PORT)) {
    return { url: `redis://127.0.0.1:${config.REDIS_LOCAL_PORT}`, source: 'local server', stop: async () => undefined };
  }
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new RedisNotFoundError(config.REDIS_LOCAL_PORT);
  const port = config.EMBEDDED_REDIS_PORT;
  if (!(await pingRedis(port))) {
    const dataDir = join(isAbsolute(config.DATA_DIR) ? config.DATA_DIR : join(projectRoot(), config.DATA_DIR), 'redis');
    mkdirSync(dataDir, { recursive: true });
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction'],
      { stdio: 'ignore' },
    );
    await waitFor(() => pingRedis(port), 5000, 'redis-server did not answer within 5 s');
    log(`started redis-server on 127.0.0.1:${port} (data under ${dataDir})`);
    return { url: `redis://127.0.0.1:${port}`, source: 'redis-server child', stop: () => stopChild(child) };
  }
  return { url: `redis://127.0.0.1:${port}`, source: 'redis-server child', stop: async () => undefined };
}

/** Sends PING over a bare socket: true when a Redis answers +PONG. */
export function pingRedis(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(message);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
