import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { fieldErrors, unwrap } from '../../../api/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { PageTitle } from '../../../components/PageTitle';
import { signInPath, useAuth } from '../AuthContext';
import { useApiErrorText } from '../useApiErrorText';

/** The token of an emailed link: after `#token=` (a fragment never reaches a server log). */
export function linkToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

/**
 * Sets a password with an emailed link: a reset link (`/reset-password#token=…`), or the claim
 * of an account staff created (`/claim?email=…#token=…`, which signs the person in).
 */
export function ResetPasswordPage({ mode = 'reset' }: { mode?: 'reset' | 'claim' }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { startSession } = useAuth();
  const errorText = useApiErrorText();
  const token = useMemo(() => linkToken(location.hash), [location.hash]);
  const email = new URLSearchParams(location.search).get('email') ?? '';
  const form = useForm({ initialValues: { password: '' }, validate: { password: (value) => (value.length >= 12 ? null : t('reset.hint')) } });

  const save = useMutation({
    mutationFn: async (password: string) => {
      if (mode === 'claim') {
        await unwrap(api.POST('/api/auth/claim', { body: { email, token: token!, password } }));
        await startSession();
      } else {
        await unwrap(api.POST('/api/auth/password-reset/confirm', { body: { token: token!, password } }));
      }
    },
    onSuccess: () => navigate(mode === 'claim' ? '/account' : signInPath(undefined, 'reset'), { replace: true }),
    onError: (error) => {
      const text = errorText(error);
      if (text && (error as { body?: { code?: string } }).body?.code === 'PASSWORD_TOO_WEAK') form.setFieldError('password', text);
      else form.setErrors(fieldErrors(error, ['password']).fields);
    },
  });
  const refusal = errorText(save.error);
  const weak = (save.error as { body?: { code?: string } } | null)?.body?.code === 'PASSWORD_TOO_WEAK';
  const fieldsTaken = Object.keys(fieldErrors(save.error, ['password']).fields).length > 0;

  return (
    <Paper maw={480} mx="auto" p={{ base: 'md', sm: 'xl' }} withBorder>
      <PageTitle>{mode === 'claim' ? t('reset.claimTitle') : t('reset.title')}</PageTitle>
      {!token ? (
        <Stack>
          <Alert color="yellow" c="dark.8">{t('reset.missing')}</Alert>
          <Anchor component={Link} to="/forgot-password">
            {t('reset.askAgain')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(({ password }) => save.mutate(password))} noValidate>
          <Stack>
            {mode === 'claim' && <Text size="sm">{t('reset.claimIntro', { email })}</Text>}
            {refusal && !weak ? (
              <Alert color="red" role="alert" data-testid="reset-refused">
                {refusal}{' '}
                {mode === 'reset' && (
                  <Anchor component={Link} to="/forgot-password">
                    {t('reset.askAgain')}
                  </Anchor>
                )}
              </Alert>
            ) : (
              save.isError && !weak && !fieldsTaken && <ErrorMessage error={save.error} />
            )}
            <PasswordInput
              label={t('reset.password')}
              description={t('reset.hint')}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={save.isPending}>
              {mode === 'claim' ? t('reset.claimSubmit') : t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
