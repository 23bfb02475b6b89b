import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The repository root, found the same way from sources (`libs/...`) and from the build (`dist/libs/...`). */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the project root (no package.json above ' + __dirname + ')');
    dir = parent;
  }
  cached = dir;
  return dir;
}
