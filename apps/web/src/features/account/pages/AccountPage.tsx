import { Alert, Button, Paper, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useReferenceNames } from '../../../api/reference';
import { useAuth } from '../../auth/AuthContext';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Facts, type Fact } from '../../../components/Facts';
import { formatDate } from '../../../components/format';
import { PageTitle } from '../../../components/PageTitle';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/** The signed-in user as the API knows them (GET /api/auth/me), the email's confirmation and the password. */
export function AccountPage() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const { user } = useAuth();
  const resend = useMutation({ mutationFn: () => unwrap(api.POST('/api/auth/verify-email/resend')) });
  if (!user) return null;
  const facts: Fact[] = [
    [t('account.email'), user.email],
    [t('account.role'), t(`roles.${user.role}`)],
    [t('account.country'), user.country ? names.country(user.country) : '—'],
    [t('account.since'), formatDate(user.createdAt)],
    [t('account.verification.label'), user.emailVerified ? t('account.verification.yes') : t('account.verification.no')],
  ];
  return (
    <>
      <PageTitle>{t('account.title')}</PageTitle>
      <Stack maw={640}>
        {!user.emailVerified && (
          <Alert color="yellow" c="dark.8" title={t('account.verification.pendingTitle')} data-testid="verification-pending">
            <Stack gap="xs" align="flex-start">
              {t('account.verification.pending', { email: user.email })}
              {resend.isSuccess ? (
                <strong role="status">{t('account.verification.resent')}</strong>
              ) : (
                <Button size="xs" variant="default" onClick={() => resend.mutate()} loading={resend.isPending}>
                  {t('account.verification.resend')}
                </Button>
              )}
              {resend.isError && <ErrorMessage error={resend.error} />}
            </Stack>
          </Alert>
        )}
        <Paper withBorder p="md">
          <Facts facts={facts} data-testid="account-facts" />
        </Paper>
        <Paper withBorder p="md">
          <ChangePasswordForm />
        </Paper>
      </Stack>
    </>
  );
}
