import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { Role } from '../api/types';
import { Loading } from '../components/Loading';
import { AccountPage } from '../features/account/pages/AccountPage';
import { ProfilePage } from '../features/account/pages/ProfilePage';
import { ActivitiesPage } from '../features/activities/pages/ActivitiesPage';
import { CalendarPage } from '../features/activities/pages/CalendarPage';
import { ActivityEditorPage } from '../features/activities/pages/ActivityEditorPage';
import { BackToOfficePage } from '../features/activities/pages/BackToOfficePage';
import { ApplicationPage } from '../features/applications/pages/ApplicationPage';
import { ApplicationsReviewPage } from '../features/applications/pages/ApplicationsReviewPage';
import { ApplyPage } from '../features/applications/pages/ApplyPage';
import { MyApplicationsPage } from '../features/applications/pages/MyApplicationsPage';
import { AuditReportPage } from '../features/audit/pages/AuditReportPage';
import { AuditReportsPage } from '../features/audit/pages/AuditReportsPage';
import { SignInPage } from '../features/auth/pages/SignInPage';
import { SignUpPage } from '../features/auth/pages/SignUpPage';
import { ActivityPage } from '../features/catalogue/pages/ActivityPage';
import { CataloguePage } from '../features/catalogue/pages/CataloguePage';
import { CertificatePage } from '../features/certificates/pages/CertificatePage';
import { HomePage } from '../features/home/pages/HomePage';
import { NotificationsPage } from '../features/notifications/pages/NotificationsPage';
import { useAuth } from '../features/auth/AuthContext';
import { NominationsPage } from '../features/nominations/pages/NominationsPage';
import { PlanPage } from '../features/plans/pages/PlanPage';
import { PlansPage } from '../features/plans/pages/PlansPage';
import { PublicationsPage } from '../features/publications/pages/PublicationsPage';
import { RequestQueuePage, RequestReviewPage } from '../features/requests/pages/RequestReviewPages';
import { RequestFormPage } from '../features/requests/pages/RequestFormPage';
import { RequestPage } from '../features/requests/pages/RequestPage';
import { RequestsPage } from '../features/requests/pages/RequestsPage';

/**
 * Every page of the app, in one table: add a page here and it is routed, guarded and (with
 * `nav`) listed in the header for the roles that may open it. See apps/web/README.md.
 */
export interface AppRoute {
  path: string;
  element: ReactNode;
  /** Who may open it: anyone (default), anyone signed in (`signedIn`), or these roles. */
  access?: 'public' | 'signedIn' | readonly Role[];
  /** Shown in the navigation under this i18n key; `guestOnly` hides it once signed in. */
  nav?: { label: string; guestOnly?: boolean };
}

const APPLICANT = ['applicant'] as const;
const FOCAL_POINT = ['focal_point'] as const;
const STAFF = ['staff'] as const;
const AUDIT = ['auditor', 'admin'] as const;

/** Pages live by feature under src/features; who may open them is decided here, and only here. */
export const ROUTES: readonly AppRoute[] = [
  // Everyone signed in: their home page (by role, the first page after sign-in) and notifications
  { path: '/home', element: <HomePage />, access: 'signedIn', nav: { label: 'home.nav' } },
  { path: '/notifications', element: <NotificationsPage />, access: 'signedIn' },
  { path: '/catalogue', element: <CataloguePage />, nav: { label: 'nav.catalogue' } },
  { path: '/catalogue/:id', element: <ActivityPage /> },
  { path: '/certificates', element: <CertificatePage />, nav: { label: 'nav.certificates' } },
  { path: '/certificates/:code', element: <CertificatePage /> },
  { path: '/account', element: <AccountPage />, access: 'signedIn', nav: { label: 'nav.account' } },
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-up', element: <SignUpPage /> },
  // Applicants
  { path: '/my/applications', element: <MyApplicationsPage />, access: APPLICANT, nav: { label: 'applicant.nav.applications' } },
  { path: '/my/applications/:id', element: <ApplicationPage />, access: APPLICANT },
  { path: '/catalogue/:id/apply', element: <ApplyPage />, access: APPLICANT },
  { path: '/my/profile', element: <ProfilePage />, access: APPLICANT, nav: { label: 'applicant.nav.profile' } },
  // Focal points
  { path: '/focal/nominations', element: <NominationsPage />, access: FOCAL_POINT, nav: { label: 'focal.nav.nominations' } },
  { path: '/focal/requests', element: <RequestsPage />, access: FOCAL_POINT, nav: { label: 'focal.nav.requests' } },
  { path: '/focal/requests/new', element: <RequestFormPage />, access: FOCAL_POINT },
  { path: '/focal/requests/:id', element: <RequestPage />, access: FOCAL_POINT },
  { path: '/focal/requests/:id/edit', element: <RequestFormPage />, access: FOCAL_POINT },
  // Staff
  { path: '/staff/plans', element: <PlansPage />, access: STAFF, nav: { label: 'staff.nav.plans' } },
  { path: '/staff/plans/:id', element: <PlanPage />, access: STAFF },
  { path: '/staff/activities', element: <ActivitiesPage />, access: STAFF, nav: { label: 'staff.nav.activities' } },
  { path: '/staff/calendar', element: <CalendarPage />, access: STAFF, nav: { label: 'staff.nav.calendar' } },
  { path: '/staff/activities/:id', element: <ActivityEditorPage />, access: STAFF },
  { path: '/staff/activities/:id/applications', element: <ApplicationsReviewPage />, access: STAFF },
  { path: '/staff/activities/:id/report', element: <BackToOfficePage />, access: STAFF },
  { path: '/staff/requests', element: <RequestQueuePage />, access: STAFF, nav: { label: 'staff.nav.requests' } },
  { path: '/staff/requests/:id', element: <RequestReviewPage />, access: STAFF },
  // Auditors (and admins), and the public publications page
  { path: '/audit-reports', element: <AuditReportsPage />, access: AUDIT, nav: { label: 'auditor.nav.reports' } },
  { path: '/audit-reports/:id', element: <AuditReportPage />, access: AUDIT },
  { path: '/publications', element: <PublicationsPage />, access: 'public', nav: { label: 'auditor.nav.publications' } },
];

/** The path `/` leads a visitor to: the catalogue. */
export const HOME = '/catalogue';

/**
 * Where `/` (and sign-in without a page to go back to) leads: every signed-in role to its home
 * page (features/home: the applicant's applications, the focal point's nominations, staff's
 * decisions, the auditor's reports), a visitor to the catalogue.
 */
export function homePath(role: Role | null): string {
  return role ? '/home' : HOME;
}

/** The element of `/`: the home page of whoever is signed in, once the session is known. */
export function HomeRedirect() {
  const { user } = useAuth();
  if (user === undefined) return <Loading />;
  return <Navigate to={homePath(user?.role ?? null)} replace />;
}

export function mayOpen(route: AppRoute, role: Role | null): boolean {
  const access = route.access ?? 'public';
  if (access === 'public') return !(route.nav?.guestOnly && role);
  if (access === 'signedIn') return role !== null;
  return role !== null && access.includes(role);
}
