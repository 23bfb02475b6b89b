import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LIBS = join(__dirname, '../..');

/**
 * One route prefix, one library: a URL's first segments say which library serves it.
 * Controllers without a prefix (`@Controller()`) name the full path on each route instead.
 */
describe('route prefixes', () => {
  it('are each declared by one library only', () => {
    const declaredBy = new Map<string, Set<string>>();
    for (const lib of readdirSync(LIBS)) {
      const files = readdirSync(join(LIBS, lib, 'src'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.controller.ts'));
      for (const file of files) {
        for (const [, prefix] of readFileSync(join(LIBS, lib, 'src', file), 'utf8').matchAll(/@Controller\(\s*['"]([^'"]+)['"]/g)) {
          declaredBy.set(prefix, new Set([...(declaredBy.get(prefix) ?? []), lib]));
        }
      }
    }
    const shared = [...declaredBy].filter(([, libs]) => libs.size > 1).map(([prefix, libs]) => `'${prefix}': ${[...libs].join(', ')}`);
    expect(declaredBy.size).toBeGreaterThan(20);
    expect(shared).toEqual([]);
  });
});
