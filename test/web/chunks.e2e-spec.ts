import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Issue 16 item 2, read from the build (`npm run build:web`): the scripts a first visit of the
 * public catalogue or an activity sheet loads hold no staff, focal point, applicant, auditor or
 * chart code, and every other page is a chunk of its own, fetched when first opened.
 */
const DIST = join(__dirname, '../../apps/web/dist');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

function readManifest(): Record<string, ManifestChunk> {
  const path = join(DIST, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error('run `npm run build:web` first: this test reads apps/web/dist/.vite/manifest.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
}

/** A chunk and every chunk it imports statically: what the browser loads before the chunk runs. */
function staticClosure(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

/** The source modules bundled in a built script, from its source map (the bundler's own runtime has none). */
function sourcesOf(file: string): string[] {
  const path = join(DIST, `${file}.map`);
  if (!existsSync(path)) {
    expect(readFileSync(join(DIST, file), 'utf8')).not.toMatch(/sourceMappingURL/);
    return [];
  }
  return (JSON.parse(readFileSync(path, 'utf8')) as { sources: string[] }).sources;
}

const OTHER_FEATURES = /src\/features\/(account|activities|applications|audit|nominations|plans|requests|certificates|publications)\//;
const CHARTS = /charts|recharts|chart\.js|d3-/i;

describe('the web app is split by route', () => {
  const manifest = readManifest();
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry)!;
  const firstVisit = [...staticClosure(manifest, entry)];
  const firstVisitSources = firstVisit.flatMap((key) => sourcesOf(manifest[key].file));

  it('loads the catalogue and the sheet with the first scripts, and nothing of the other roles or the charts', () => {
    expect(entry).toBe('index.html');
    expect(firstVisitSources).toEqual(expect.arrayContaining([expect.stringMatching(/features\/catalogue\/pages\/CataloguePage\.tsx$/), expect.stringMatching(/features\/catalogue\/pages\/ActivityPage\.tsx$/)]));
    expect(firstVisitSources.filter((source) => OTHER_FEATURES.test(source))).toEqual([]);
    expect(firstVisitSources.filter((source) => CHARTS.test(source))).toEqual([]);
  });

  it('makes every other page a chunk of its own, loaded when first opened', () => {
    const lazyPages = Object.values(manifest).filter((chunk) => chunk.isDynamicEntry && chunk.src && /\/pages\//.test(chunk.src));
    const lazySources = lazyPages.map((chunk) => chunk.src);
    for (const page of ['audit/pages/AuditReportPage.tsx', 'audit/pages/AuditReportsPage.tsx', 'plans/pages/PlansPage.tsx', 'activities/pages/ActivityEditorPage.tsx', 'applications/pages/MyApplicationsPage.tsx', 'nominations/pages/NominationsPage.tsx', 'auth/pages/SignInPage.tsx']) {
      expect(lazySources).toContainEqual(`src/features/${page}`);
    }
    // None of them is pulled into the first visit by a static import.
    for (const chunk of lazyPages) expect(firstVisit).not.toContain(chunk.src);
    // The audit charts come only with the audit pages.
    const withCharts = Object.values(manifest).filter((chunk) => sourcesOf(chunk.file).some((source) => /features\/audit\/components\/charts/.test(source)));
    expect(withCharts.length).toBeGreaterThan(0);
    for (const chunk of withCharts) expect(chunk.isEntry).toBeFalsy();
  });

  it('writes every sizeable script and style sheet brotli- and gzip-compressed beside it', () => {
    for (const key of firstVisit) {
      for (const file of [manifest[key].file, ...(manifest[key].css ?? [])]) {
        if (readFileSync(join(DIST, file)).length < 1024) continue;
        expect(existsSync(join(DIST, `${file}.br`))).toBe(true);
        expect(existsSync(join(DIST, `${file}.gz`))).toBe(true);
      }
    }
  });
});
