import type { OpenAPIObject } from '@nestjs/swagger';
import { ReferenceService } from '@trta/reference';
import { describeApi } from '../apps/api/src/create-api';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The OpenAPI document is the web app's contract: its client is typed from it
 * (apps/web/src/api/schema.d.ts), so every route must say what it answers, and the committed
 * types must be the ones the document gives today.
 */
const ROOT = join(__dirname, '..');

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  beforeAll(async () => {
    t = await createTestApp();
    document = describeApi(t.app);
  });
  afterAll(() => t.close());

  it('declares a success answer with a body (or 204) for every route', () => {
    const undeclared: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
        const operation = item[method];
        if (!operation) continue;
        const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        const described = successes.some(([status, response]) => status === '204' || (response && 'content' in response && response.content));
        if (!described) undeclared.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undeclared).toEqual([]);
    expect(Object.keys(document.paths).length).toBeGreaterThan(60);
  });

  it('gives each schema name to one class only', () => {
    // Swagger names a schema after its class and lets a second class of that name overwrite the first.
    const declarations = new Map<string, string[]>();
    const files = readdirSync(join(ROOT, 'libs'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    for (const file of files.map((name) => join('libs', name))) {
      for (const [, name] of readFileSync(join(ROOT, file), 'utf8').matchAll(/^export (?:abstract )?class (\w+)/gm)) {
        declarations.set(name, [...(declarations.get(name) ?? []), file]);
      }
    }
    const names = Object.keys(document.components?.schemas ?? {});
    const twice = names.filter((name) => (declarations.get(name)?.length ?? 0) > 1).map((name) => `${name}: ${declarations.get(name)?.join(', ')}`);
    expect(twice).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['PlanView', 'PlanViewPage', 'UserView', 'CountryViewList']));
  });

  it('is what the web app was typed from (schema.d.ts is current)', async () => {
    // The script reads the built API (npm test builds before running the tests).
    const script = join(ROOT, 'apps/web/scripts/generate-api-types.mjs');
    const run = await promisify(execFile)(process.execPath, [script, '--check']).catch((error: { stderr: string }) => error);
    expect(run.stderr).toBe('');
  });

  it('fails the tests when an answer drifts from its schema', async () => {
    const reference = t.app.get(ReferenceService);
    const list = jest.spyOn(reference, 'list').mockResolvedValueOnce({ items: [{ code: 'x', name: 'X', surprise: true }] });
    await t.http.get('/api/reference/topics').expect(200);
    list.mockRestore();
    const seen = t.responses.violations.splice(0);
    expect(seen).toEqual([expect.stringContaining('GET /api/reference/topics 200: /items/0 must NOT have additional properties (surprise)')]);
  });
});
