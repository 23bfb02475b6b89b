import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { declaredRefusalCodes } from '@trta/http';
import '../apps/api/src/app.module';

/**
 * Refusals a client can act on: every code a library declares is produced, and asserted, by some
 * test (an end-to-end test, or for the fallbacks of the error filter its unit spec); and no
 * end-to-end test checks a refusal by its status alone.
 */
const TESTS = join(__dirname);
const LIBS = join(__dirname, '..', 'libs');

function sourcesUnder(root: string, suffix: string): { file: string; text: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !['support', 'bench', 'web', 'node_modules'].includes(entry.name)) walk(path);
      else if (entry.isFile() && entry.name.endsWith(suffix) && path !== __filename) files.push(path);
    }
  };
  walk(root);
  return files.map((file) => ({ file: relative(TESTS, file), text: readFileSync(file, 'utf8') }));
}

/** Status-only checks of a refusal: `.expect(409)`, `.status).toBe(403)`, `toHaveProperty('status', 404)`. */
const STATUS_ONLY = [/\.expect\(\s*[45]\d\d\s*\)/, /\.status\)\.toBe\(\s*[45]\d\d\s*\)/, /\.status\)\.toEqual\(\s*[45]\d\d\s*\)/];

/**
 * Codes no request can cause on purpose: a bug (500). (UNAVAILABLE, an outage, is produced by the
 * fault tests in test/faults with servers of their own.)
 */
const UNPRODUCIBLE = new Set(['INTERNAL_ERROR']);

/** Refusals that are pages, not JSON: the queue dashboard answers a browser with its HTML sign-in page. */
const NOT_JSON = /'accept', 'text\/html/;

describe('refusal codes', () => {
  const sources = sourcesUnder(TESTS, '.e2e-spec.ts');
  const specs = sourcesUnder(LIBS, '.spec.ts');

  it('are declared by the libraries, one name each', () => {
    const codes = declaredRefusalCodes();
    expect(codes.length).toBeGreaterThan(20);
    expect(codes).toContain('VALIDATION_FAILED');
  });

  it('are each asserted by an end-to-end test', () => {
    const named = (code: string) => [...sources, ...specs].some(({ text }) => text.includes(`'${code}'`));
    const untested = declaredRefusalCodes().filter((code) => !UNPRODUCIBLE.has(code) && !named(code));
    expect(untested).toEqual([]);
  });

  it('are how every end-to-end test checks a refusal (never its status alone)', () => {
    const statusOnly: string[] = [];
    for (const { file, text } of sources) {
      text.split('\n').forEach((line, index) => {
        if (STATUS_ONLY.some((pattern) => pattern.test(line)) && !NOT_JSON.test(line)) statusOnly.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(statusOnly).toEqual([]);
  });
});
