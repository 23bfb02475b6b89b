import type { AppRoute } from '../../app/routes';

/** The focal pages; app/routes.tsx lists them with the others. */
export const FOCAL_ROUTES: readonly AppRoute[] = [];
