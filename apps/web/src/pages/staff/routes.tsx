import type { AppRoute } from '../../app/routes';
import { ActivitiesPage, CalendarPage } from './ActivitiesPage';
import { ActivityEditorPage } from './ActivityEditorPage';
import { ApplicationsReviewPage } from './ApplicationsReviewPage';
import { BackToOfficePage } from './BackToOfficePage';
import { PlanPage, PlansPage } from './PlansPage';
import { RequestReviewPage, RequestsPage } from './RequestsPages';

const STAFF = ['staff'] as const;

/** The staff pages; app/routes.tsx lists them with the others. */
export const STAFF_ROUTES: readonly AppRoute[] = [
  { path: '/staff/plans', element: <PlansPage />, access: STAFF, nav: { label: 'staff.nav.plans' } },
  { path: '/staff/plans/:id', element: <PlanPage />, access: STAFF },
  { path: '/staff/activities', element: <ActivitiesPage />, access: STAFF, nav: { label: 'staff.nav.activities' } },
  { path: '/staff/calendar', element: <CalendarPage />, access: STAFF, nav: { label: 'staff.nav.calendar' } },
  { path: '/staff/activities/:id', element: <ActivityEditorPage />, access: STAFF },
  { path: '/staff/activities/:id/applications', element: <ApplicationsReviewPage />, access: STAFF },
  { path: '/staff/activities/:id/report', element: <BackToOfficePage />, access: STAFF },
  { path: '/staff/requests', element: <RequestsPage />, access: STAFF, nav: { label: 'staff.nav.requests' } },
  { path: '/staff/requests/:id', element: <RequestReviewPage />, access: STAFF },
];
