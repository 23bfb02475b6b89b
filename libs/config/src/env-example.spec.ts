import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_KEYS } from './load-config';
import { projectRoot } from './project-root';

describe('.env.example', () => {
  it('documents every variable the configuration reads', () => {
    const example = readFileSync(join(projectRoot(), '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));
    expect(CONFIG_KEYS.filter((key) => !documented.has(key))).toEqual([]);
  });
});
