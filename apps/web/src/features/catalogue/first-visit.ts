/**
 * What the public catalogue asks the API for first. Shared with the build (apps/web/vite.config.ts,
 * firstVisitPreload), whose first script preloads these answers so that they download beside the
 * app's scripts; test/web/public.e2e-spec.ts checks the page uses them. No imports: the build
 * reads this file too.
 */

/** Activities per page of the catalogue: what a phone shows in a few screens (Moodle's 20 courses a page), and quick to draw. */
export const CATALOGUE_PAGE_SIZE = 20;

/** The session, the first page, the filters' reference data: as CataloguePage asks for them. */
export function catalogueFirstRequests(language: string): string[] {
  return ['/api/auth/me', `/api/catalogue?lang=${language}&limit=${CATALOGUE_PAGE_SIZE}`, '/api/reference/countries', '/api/reference/regions', '/api/reference/topics'];
}
