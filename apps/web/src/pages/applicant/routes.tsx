import type { AppRoute } from '../../app/routes';

/** The applicant pages; app/routes.tsx lists them with the others. */
export const APPLICANT_ROUTES: readonly AppRoute[] = [];
