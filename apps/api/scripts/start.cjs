// `npm start`: builds what changed, then serves the API, the web app and the worker in one process.
// - The API (apps/api, apps/worker, libs, migrations) is transpiled file by file with swc into
//   dist/, as `tsc` lays it out (paths aliases made relative like tsc-alias does), in about a second;
//   type checking stays with `npm run typecheck` and `npm run build:api` (tsc), as in CI.
// - The web app is built with Vite only when its sources changed since the last build.
// Each side keeps a stamp (a hash of its sources and build settings) next to its output, so a
// second start with nothing changed goes straight to serving. `npm run bench:start` times both.
const { createHash } = require('node:crypto');
const { spawn } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const root = join(__dirname, '../../..');
const API_SOURCES = ['apps/api/src', 'apps/worker/src', 'libs', 'migrations'];
const API_SETTINGS = ['tsconfig.json', 'package-lock.json', 'apps/api/scripts/start.cjs'];
const API_STAMP = join(root, 'dist/.start-stamp');
const WEB_SOURCES = ['apps/web/src', 'apps/web/public', 'apps/web/index.html'];
const WEB_SETTINGS = ['apps/web/vite.config.ts', 'apps/web/tsconfig.json', 'package-lock.json'];
const WEB_STAMP = join(root, 'apps/web/dist/.build-stamp');

const log = (message) => console.log(message);

/** Every file under the given paths (skipping specs), relative to the root, in a stable order. */
function filesUnder(paths, keep = () => true) {
  const found = [];
  const walk = (path) => {
    const absolute = join(root, path);
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const name of readdirSync(absolute).sort()) if (name !== 'node_modules' && name !== 'dist') walk(join(path, name));
    } else if (keep(path)) found.push(path);
  };
  paths.forEach(walk);
  return found;
}

function stampOf(files) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}

const isApiSource = (path) => path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.d.ts');

async function buildApi() {
  const sources = filesUnder(API_SOURCES, isApiSource);
  const stamp = stampOf([...sources, ...API_SETTINGS.filter((file) => existsSync(join(root, file)))]);
  if (existsSync(API_STAMP) && readFileSync(API_STAMP, 'utf8') === stamp) return 'unchanged';
  const { transformFile } = require('@swc/core');
  const paths = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions.paths;
  await Promise.all(
    sources.map(async (source) => {
      const output = join(root, 'dist', source.replace(/\.ts$/, '.js'));
      const { code, map } = await transformFile(join(root, source), {
        // The settings Jest runs the sources with (jest.config.js), plus tsconfig's path aliases.
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          baseUrl: root,
          paths,
        },
        module: { type: 'commonjs' },
        sourceMaps: true,
        outputPath: output,
        swcrc: false,
        configFile: false,
      });
      mkdirSync(dirname(output), { recursive: true });
      writeFileSync(output, `${code}\n//# sourceMappingURL=${relative(dirname(output), `${output}.map`)}\n`);
      writeFileSync(`${output}.map`, map);
    }),
  );
  writeFileSync(API_STAMP, stamp);
  return `${sources.length} files transpiled`;
}

async function buildWeb() {
  const files = [...filesUnder(WEB_SOURCES), ...WEB_SETTINGS.filter((file) => existsSync(join(root, file)))];
  const stamp = stampOf(files);
  if (existsSync(join(root, 'apps/web/dist/index.html')) && existsSync(WEB_STAMP) && readFileSync(WEB_STAMP, 'utf8') === stamp) return 'unchanged';
  // Vite in a process of its own, so that it runs beside the API's transpiling.
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the web build failed (vite exited with ${code})`))));
  });
  writeFileSync(WEB_STAMP, stamp);
  return 'built';
}

async function main() {
  const started = process.hrtime.bigint();
  const [api, web] = await Promise.all([buildApi(), buildWeb()]);
  log(`build: API ${api}, web app ${web} (${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s)`);
  process.env.WORKER_IN_PROCESS ??= 'true';
  require(join(root, 'dist/apps/api/src/main.js'));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
