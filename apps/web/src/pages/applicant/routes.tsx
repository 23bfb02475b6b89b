import type { AppRoute } from '../../app/routes';
import { ApplicationPage } from './ApplicationPage';
import { ApplyPage } from './ApplyPage';
import { MyApplicationsPage } from './MyApplicationsPage';
import { ProfilePage } from './ProfilePage';

/** The applicant pages; app/routes.tsx lists them with the others. */
export const APPLICANT_ROUTES: readonly AppRoute[] = [
  { path: '/my/applications', element: <MyApplicationsPage />, access: ['applicant'], nav: { label: 'applicant.nav.applications' } },
  { path: '/my/applications/:id', element: <ApplicationPage />, access: ['applicant'] },
  { path: '/catalogue/:id/apply', element: <ApplyPage />, access: ['applicant'] },
  { path: '/my/profile', element: <ProfilePage />, access: ['applicant'], nav: { label: 'applicant.nav.profile' } },
];
