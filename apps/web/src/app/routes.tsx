import { lazy, type ComponentType, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { Role } from '../api/types';
import { Loading } from '../components/Loading';
import { useAuth } from '../features/auth/AuthContext';
import { ActivityPage } from '../features/catalogue/pages/ActivityPage';
import { CataloguePage } from '../features/catalogue/pages/CataloguePage';

/**
 * Each page is its own chunk, loaded when first opened (App.tsx shows <Loading> meanwhile), so
 * the public catalogue never downloads staff, auditor or chart code. Add a page the same way:
 * `const XPage = page(() => import('../features/x/pages/XPage'), 'XPage');`
 * The catalogue and the activity sheet are the exception: most visits start there, often on a
 * slow mobile network, so they come with the app's first script instead of one round trip later.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any page, its props kept by M[Name]
function page<Name extends string, M extends Record<Name, ComponentType<any>>>(load: () => Promise<M>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const AccountPage = page(() => import('../features/account/pages/AccountPage'), 'AccountPage');
const ProfilePage = page(() => import('../features/account/pages/ProfilePage'), 'ProfilePage');
const ActivitiesPage = page(() => import('../features/activities/pages/ActivitiesPage'), 'ActivitiesPage');
const CalendarPage = page(() => import('../features/activities/pages/CalendarPage'), 'CalendarPage');
const ActivityEditorPage = page(() => import('../features/activities/pages/ActivityEditorPage'), 'ActivityEditorPage');
const NewActivityPage = page(() => import('../features/activities/pages/NewActivityPage'), 'NewActivityPage');
const BackToOfficePage = page(() => import('../features/activities/pages/BackToOfficePage'), 'BackToOfficePage');
const ApplicationPage = page(() => import('../features/applications/pages/ApplicationPage'), 'ApplicationPage');
const ApplicationsReviewPage = page(() => import('../features/applications/pages/ApplicationsReviewPage'), 'ApplicationsReviewPage');
const ApplyPage = page(() => import('../features/applications/pages/ApplyPage'), 'ApplyPage');
const MyApplicationsPage = page(() => import('../features/applications/pages/MyApplicationsPage'), 'MyApplicationsPage');
const AuditReportPage = page(() => import('../features/audit/pages/AuditReportPage'), 'AuditReportPage');
const AuditReportsPage = page(() => import('../features/audit/pages/AuditReportsPage'), 'AuditReportsPage');
const SignInPage = page(() => import('../features/auth/pages/SignInPage'), 'SignInPage');
const SignUpPage = page(() => import('../features/auth/pages/SignUpPage'), 'SignUpPage');
const ForgotPasswordPage = page(() => import('../features/auth/pages/ForgotPasswordPage'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('../features/auth/pages/ResetPasswordPage'), 'ResetPasswordPage');
const VerifyEmailPage = page(() => import('../features/auth/pages/VerifyEmailPage'), 'VerifyEmailPage');
const UsersPage = page(() => import('../features/admin/pages/UsersPage'), 'UsersPage');
const CertificatePage = page(() => import('../features/certificates/pages/CertificatePage'), 'CertificatePage');
const NominationsPage = page(() => import('../features/nominations/pages/NominationsPage'), 'NominationsPage');
const PlanPage = page(() => import('../features/plans/pages/PlanPage'), 'PlanPage');
const PlansPage = page(() => import('../features/plans/pages/PlansPage'), 'PlansPage');
const PublicationsPage = page(() => import('../features/publications/pages/PublicationsPage'), 'PublicationsPage');
const RequestQueuePage = page(() => import('../features/requests/pages/RequestReviewPages'), 'RequestQueuePage');
const RequestReviewPage = page(() => import('../features/requests/pages/RequestReviewPages'), 'RequestReviewPage');
const RequestFormPage = page(() => import('../features/requests/pages/RequestFormPage'), 'RequestFormPage');
const RequestPage = page(() => import('../features/requests/pages/RequestPage'), 'RequestPage');
const RequestsPage = page(() => import('../features/requests/pages/RequestsPage'), 'RequestsPage');
const NominationActivityPage = page(() => import('../features/nominations/pages/NominationActivityPage'), 'NominationActivityPage');
const HomePage = page(() => import('../features/home/pages/HomePage'), 'HomePage');
const NotificationsPage = page(() => import('../features/notifications/pages/NotificationsPage'), 'NotificationsPage');

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
const ADMIN = ['admin'] as const;

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
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/claim', element: <ResetPasswordPage mode="claim" /> },
  { path: '/verify-email', element: <VerifyEmailPage /> },
  // Applicants
  { path: '/my/applications', element: <MyApplicationsPage />, access: APPLICANT, nav: { label: 'applicant.nav.applications' } },
  { path: '/my/applications/:id', element: <ApplicationPage />, access: APPLICANT },
  { path: '/catalogue/:id/apply', element: <ApplyPage />, access: APPLICANT },
  { path: '/my/profile', element: <ProfilePage />, access: APPLICANT, nav: { label: 'applicant.nav.profile' } },
  // Focal points
  { path: '/focal/nominations', element: <NominationsPage />, access: FOCAL_POINT, nav: { label: 'focal.nav.nominations' } },
  { path: '/focal/nominations/:activityId', element: <NominationActivityPage />, access: FOCAL_POINT },
  { path: '/focal/requests', element: <RequestsPage />, access: FOCAL_POINT, nav: { label: 'focal.nav.requests' } },
  { path: '/focal/requests/new', element: <RequestFormPage />, access: FOCAL_POINT },
  { path: '/focal/requests/:id', element: <RequestPage />, access: FOCAL_POINT },
  { path: '/focal/requests/:id/edit', element: <RequestFormPage />, access: FOCAL_POINT },
  // Staff
  { path: '/staff/plans', element: <PlansPage />, access: STAFF, nav: { label: 'staff.nav.plans' } },
  { path: '/staff/plans/:id', element: <PlanPage />, access: STAFF },
  { path: '/staff/activities', element: <ActivitiesPage />, access: STAFF, nav: { label: 'staff.nav.activities' } },
  { path: '/staff/calendar', element: <CalendarPage />, access: STAFF, nav: { label: 'staff.nav.calendar' } },
  { path: '/staff/activities/new', element: <NewActivityPage />, access: STAFF },
  { path: '/staff/activities/:id', element: <ActivityEditorPage />, access: STAFF },
  { path: '/staff/activities/:id/applications', element: <ApplicationsReviewPage />, access: STAFF },
  { path: '/staff/activities/:id/report', element: <BackToOfficePage />, access: STAFF },
  { path: '/staff/requests', element: <RequestQueuePage />, access: STAFF, nav: { label: 'staff.nav.requests' } },
  { path: '/staff/requests/:id', element: <RequestReviewPage />, access: STAFF },
  // Auditors (and admins), and the public publications page
  { path: '/audit-reports', element: <AuditReportsPage />, access: AUDIT, nav: { label: 'auditor.nav.reports' } },
  { path: '/audit-reports/:id', element: <AuditReportPage />, access: AUDIT },
  { path: '/publications', element: <PublicationsPage />, access: 'public', nav: { label: 'auditor.nav.publications' } },
  // Admins (`/admin/…` is the server's queue dashboard, so the page lives at /users)
  { path: '/users', element: <UsersPage />, access: ADMIN, nav: { label: 'admin.nav.users' } },
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
