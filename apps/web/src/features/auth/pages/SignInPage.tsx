import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrors } from '../../../api/errors';
import { useAuth } from '../AuthContext';
import { useApiErrorText } from '../useApiErrorText';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { PageTitle } from '../../../components/PageTitle';

/** Only paths of this app are followed after sign-in, never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const reason = params.get('reason');
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [unreachable, setUnreachable] = useState<unknown>(null);
  const form = useForm({ initialValues: { email: '', password: '' } });
  const errorText = useApiErrorText();

  const submit = form.onSubmit(async ({ email, password }) => {
    setFormErrors([]);
    setUnreachable(null);
    try {
      await signIn(email, password);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      const translated = errorText(error);
      if (translated) {
        if ((error as { status?: number }).status === 401) form.setFieldError('password', translated);
        else setFormErrors([translated]);
        return;
      }
      const split = fieldErrors(error, ['email', 'password']);
      form.setErrors(split.fields);
      // A wrong email or password (401) belongs beside the password field.
      if (split.form.length && Object.keys(split.fields).length === 0 && (error as { status?: number }).status === 401) {
        form.setFieldError('password', split.form.join('; '));
      } else if (split.form.length) setFormErrors(split.form);
      else if (!Object.keys(split.fields).length) setUnreachable(error);
    }
  });

  return (
    <Paper maw={440} mx="auto" p={{ base: 'md', sm: 'xl' }} withBorder>
      <PageTitle>{t('signIn.title')}</PageTitle>
      {reason === 'expired' && <Alert mb="md" color="yellow" c="dark.8">{t('signIn.expired')}</Alert>}
      {reason === 'registered' && <Alert mb="md" color="green" c="dark.8">{t('signIn.registered')}</Alert>}
      {reason === 'signedOut' && <Alert mb="md" color="trta" c="dark.8">{t('signIn.signedOut')}</Alert>}
      {reason === 'reset' && <Alert mb="md" color="green" c="dark.8">{t('signIn.reset')}</Alert>}
      {formErrors.length > 0 && <ErrorMessage messages={formErrors} />}
      {unreachable !== null && <ErrorMessage error={unreachable} />}
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('signIn.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            aria-invalid={!!form.errors.password}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <Text mt="md" size="sm">
        <Anchor component={Link} to="/forgot-password">
          {t('signIn.forgot')}
        </Anchor>
      </Text>
      <Text mt="lg" size="sm">
        {t('signIn.noAccount')}{' '}
        {/* The page they were going to survives sign-up too (issue 15: ?returnTo). */}
        <Anchor component={Link} to={params.get('next') ? `/sign-up?returnTo=${encodeURIComponent(safeNext(params.get('next')))}` : '/sign-up'}>
          {t('signIn.signUp')}
        </Anchor>
      </Text>
    </Paper>
  );
}
