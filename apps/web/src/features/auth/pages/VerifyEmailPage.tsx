import { Alert, Anchor, Button, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { PageTitle } from '../../../components/PageTitle';
import { authKeys } from '../api';
import { useAuth } from '../AuthContext';
import { useApiErrorText } from '../useApiErrorText';
import { linkToken } from './ResetPasswordPage';

/** Opened from the link sent at sign-up: confirms the email address, signed in or not. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const errorText = useApiErrorText();
  const token = useMemo(() => linkToken(location.hash), [location.hash]);
  const verify = useMutation({
    mutationFn: (value: string) => unwrap(api.POST('/api/auth/verify-email', { body: { token: value } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
  const { mutate } = verify;
  // A link works once: sent once, even when the effect runs twice.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (token && sent.current !== token) {
      sent.current = token;
      mutate(token);
    }
  }, [token, mutate]);
  const refusal = errorText(verify.error);

  return (
    <Paper maw={520} mx="auto" p={{ base: 'md', sm: 'xl' }} withBorder>
      <PageTitle>{t('verify.title')}</PageTitle>
      {!token && <Alert color="yellow" c="dark.8">{t('verify.missing')}</Alert>}
      {verify.isPending && (
        <Stack align="center">
          <Loader aria-label={t('verify.working')} />
          <Text>{t('verify.working')}</Text>
        </Stack>
      )}
      {verify.isSuccess && (
        <Stack>
          <Alert color="green" c="dark.8" role="status" data-testid="email-verified">
            {t('verify.done')}
          </Alert>
          <Button component={Link} to={user ? '/catalogue' : '/sign-in'}>
            {t('verify.continue')}
          </Button>
        </Stack>
      )}
      {verify.isError &&
        (refusal ? (
          <Alert color="red" role="alert" data-testid="verify-refused">
            {refusal}{' '}
            {user && (
              <Anchor component={Link} to="/account">
                {t('account.verification.resend')}
              </Anchor>
            )}
          </Alert>
        ) : (
          <ErrorMessage error={verify.error} />
        ))}
    </Paper>
  );
}
