import type { AppRoute } from '../../app/routes';
import { AuditReportPage } from './AuditReportPage';
import { AuditReportsPage } from './AuditReportsPage';
import { PublicationsPage } from './PublicationsPage';

/** The auditor pages, and the public publications page; app/routes.tsx lists them with the others. */
export const AUDITOR_ROUTES: readonly AppRoute[] = [
  { path: '/audit-reports', element: <AuditReportsPage />, access: ['auditor', 'admin'], nav: { label: 'auditor.nav.reports' } },
  { path: '/audit-reports/:id', element: <AuditReportPage />, access: ['auditor', 'admin'] },
  { path: '/publications', element: <PublicationsPage />, access: 'public', nav: { label: 'auditor.nav.publications' } },
];
