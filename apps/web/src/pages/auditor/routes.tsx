import type { AppRoute } from '../../app/routes';

/** The auditor pages; app/routes.tsx lists them with the others. */
export const AUDITOR_ROUTES: readonly AppRoute[] = [];
