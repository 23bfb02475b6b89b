import { appendFileSync } from 'node:fs';
import type { Response } from 'supertest';
import { Test } from 'supertest';

/**
 * `.expect(refused(409, 'ACTIVITY_FULL'))`: the answer is that refusal — its status and its
 * stable code, and the params when given (compared as a subset).
 */
export function refused(status: number, code: string, params?: Record<string, unknown>): (response: Response) => void {
  return (response) => {
    const body = response.body as { code?: unknown; params?: Record<string, unknown>; message?: unknown };
    if (response.status !== status || body?.code !== code) {
      throw new Error(`expected ${status} ${code}, got ${response.status} ${String(body?.code)}: ${JSON.stringify(body?.message)}`);
    }
    if (params) expect(body.params).toMatchObject(params);
  };
}

/**
 * With RECORD_REFUSALS=<file>, every `.expect(<4xx or 5xx>)` in a test appends
 * `file:line status code` of the refusal it got to that file: the codes to assert there.
 */
const record = process.env.RECORD_REFUSALS;
if (record && !(Test.prototype as { recording?: boolean }).recording) {
  (Test.prototype as { recording?: boolean }).recording = true;
  const expectStatus = Test.prototype.expect;
  Test.prototype.expect = function (this: Test, ...args: unknown[]) {
    const [first] = args;
    if (typeof first === 'number' && first >= 400) {
      const site = (new Error().stack ?? '').split('\n').find((line) => /\.e2e-spec\.ts:\d+/.test(line));
      const where = site?.match(/([^\s(]+\.e2e-spec\.ts):(\d+)/);
      if (where) {
        (expectStatus as (...a: unknown[]) => Test).call(this, (response: Response) => {
          appendFileSync(record, `${where[1]}:${where[2]} ${first} ${String((response.body as { code?: string })?.code)}\n`);
        });
      }
    }
    return (expectStatus as (...a: unknown[]) => Test).apply(this, args);
  } as typeof Test.prototype.expect;
}
