import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { session } from '../../api/session';
import type { Role } from '../../api/types';
import { NotFoundPage } from '../../components/NotFoundPage';
import { signInPath, useAuth } from './AuthContext';

/**
 * Guards a route: signed-out visitors go to sign-in and come back; a signed-in user without
 * one of `roles` sees "not found" (the page is not theirs to know about).
 */
export function RequireAuth({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { user, leaving } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (user === undefined) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  // The auth context is already on its way to sign-in, with its own reason to give.
  if (user === null && leaving) return null;
  // A CSRF cookie left behind means a session existed and ended (expired, or revoked elsewhere).
  if (user === null) return <Navigate to={signInPath(`${location.pathname}${location.search}`, session.csrfToken() ? 'expired' : undefined)} replace />;
  if (roles && !roles.includes(user.role)) return <NotFoundPage />;
  return <>{children}</>;
}
