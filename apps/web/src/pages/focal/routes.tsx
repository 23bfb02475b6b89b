import type { AppRoute } from '../../app/routes';
import { NominationsPage } from './NominationsPage';
import { RequestFormPage } from './RequestFormPage';
import { RequestPage } from './RequestPage';
import { RequestsPage } from './RequestsPage';

/** The focal pages; app/routes.tsx lists them with the others. */
export const FOCAL_ROUTES: readonly AppRoute[] = [
  { path: '/focal/nominations', element: <NominationsPage />, access: ['focal_point'], nav: { label: 'focal.nav.nominations' } },
  { path: '/focal/requests', element: <RequestsPage />, access: ['focal_point'], nav: { label: 'focal.nav.requests' } },
  { path: '/focal/requests/new', element: <RequestFormPage />, access: ['focal_point'] },
  { path: '/focal/requests/:id', element: <RequestPage />, access: ['focal_point'] },
  { path: '/focal/requests/:id/edit', element: <RequestFormPage />, access: ['focal_point'] },
];
