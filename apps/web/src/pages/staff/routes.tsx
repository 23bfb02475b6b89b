import type { AppRoute } from '../../app/routes';

/** The staff pages; app/routes.tsx lists them with the others. */
export const STAFF_ROUTES: readonly AppRoute[] = [];
