import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * A fresh clone elsewhere passes its own tests: nothing in the code, the tests, the scripts or
 * the docs reaches a directory beside the repository (`../shared`, where the IATI schemas and
 * the design notes used to be read from), and the IATI schemas the tests validate against are
 * fixtures of the repository, with their licence. (The embedded servers of a clone in a
 * `mktemp -d` directory are started in test/embedded-servers.e2e-spec.ts.)
 */
const ROOT = resolve(__dirname, '../..');
const SKIPPED = new Set(['node_modules', 'dist', '.git', '.data', 'coverage', 'artifacts']);
const TEXT = /\.(ts|tsx|js|cjs|mjs|json|md|yml|yaml|sh|html|css|txt)$|^(Dockerfile|\.env\.example|run)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIPPED.has(name)) return [];
    const path = join(dir, name);
    const stats = statSync(path);
    if (stats.isDirectory()) return files(path);
    return stats.isFile() && TEXT.test(name) && stats.size < 2_000_000 ? [path] : [];
  });
}

describe('the repository is self-contained', () => {
  it('has no file that refers to ../shared or any path outside the repository', () => {
    const outside: string[] = [];
    for (const file of files(ROOT)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:\.\.\/)+shared\b[^\s'"`)\]]*/g)) {
        const target = resolve(dirname(file), match[0]);
        // `../shared/x` inside libs (a folder of the same library) is fine; beside the repository is not.
        if (!target.startsWith(ROOT + sep)) outside.push(`${relative(ROOT, file)}: ${match[0]}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('keeps the IATI schemas as fixtures with their licence, and the IATI tests read them from there', () => {
    const fixtures = join(ROOT, 'test/fixtures/iati');
    expect(readdirSync(fixtures).sort()).toEqual(expect.arrayContaining(['LICENSE.md', 'iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd']));
    const licence = readFileSync(join(fixtures, 'LICENSE.md'), 'utf8');
    expect(licence).toContain('creativecommons.org/licenses/by/4.0');
    expect(licence).toContain('xml.xsd');
    expect(readFileSync(join(ROOT, 'test/iati.e2e-spec.ts'), 'utf8')).toContain("'fixtures/iati'");
  });

  it('describes the domain, the reports and the HTTP contract in its own docs/', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('docs/DESIGN.md');
    expect(statSync(join(ROOT, 'docs/DESIGN.md')).size).toBeGreaterThan(1000);
  });
});
