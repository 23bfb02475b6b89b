import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Finds PostgreSQL and Redis once for the whole run (a local server, else embedded ones, as
 * `npm start` does) through test/support/servers.cjs, and hands their URLs to every test file.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(__dirname, '../../dist/libs'))) {
    throw new Error('run `npm run build` before the end-to-end tests (npm test does)');
  }
  const child = spawn(process.execPath, [join(__dirname, 'servers.cjs')], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`test servers could not start (exit ${code})`)));
  });
  const { databaseUrl, redisUrl } = JSON.parse(firstLine) as { databaseUrl: string; redisUrl: string };
  process.env.TEST_DATABASE_URL = databaseUrl;
  process.env.TEST_REDIS_URL = redisUrl;
  (globalThis as { __trtaStop?: () => Promise<void> }).__trtaStop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}
