import type { ReactNode } from 'react';
import type { Role } from '../api/types';
import { AccountPage } from '../pages/account/AccountPage';
import { SignInPage } from '../pages/auth/SignInPage';
import { SignUpPage } from '../pages/auth/SignUpPage';
import { ActivityPage } from '../pages/catalogue/ActivityPage';
import { CataloguePage } from '../pages/catalogue/CataloguePage';
import { APPLICANT_ROUTES } from '../pages/applicant/routes';
import { AUDITOR_ROUTES } from '../pages/auditor/routes';
import { CertificatePage } from '../pages/certificates/CertificatePage';
import { FOCAL_ROUTES } from '../pages/focal/routes';
import { STAFF_ROUTES } from '../pages/staff/routes';

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

export const ROUTES: readonly AppRoute[] = [
  { path: '/catalogue', element: <CataloguePage />, nav: { label: 'nav.catalogue' } },
  { path: '/catalogue/:id', element: <ActivityPage /> },
  { path: '/certificates', element: <CertificatePage />, nav: { label: 'nav.certificates' } },
  { path: '/certificates/:code', element: <CertificatePage /> },
  { path: '/account', element: <AccountPage />, access: 'signedIn', nav: { label: 'nav.account' } },
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-up', element: <SignUpPage /> },
  // Each role's pages live in their own folder with their own route list and texts.
  ...APPLICANT_ROUTES,
  ...FOCAL_ROUTES,
  ...STAFF_ROUTES,
  ...AUDITOR_ROUTES,
];

/** The path `/` leads to. */
export const HOME = '/catalogue';

export function mayOpen(route: AppRoute, role: Role | null): boolean {
  const access = route.access ?? 'public';
  if (access === 'public') return !(route.nav?.guestOnly && role);
  if (access === 'signedIn') return role !== null;
  return role !== null && access.includes(role);
}
