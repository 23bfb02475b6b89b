import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { PageTitle } from '../../../components/PageTitle';
import { useApiErrorText } from '../useApiErrorText';

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const form = useForm({ initialValues: { email: '' }, validate: { email: (value) => (/^\S+@\S+\.\S+$/.test(value) ? null : t('signUp.required')) } });
  const request = useMutation({ mutationFn: (email: string) => unwrap(api.POST('/api/auth/password-reset', { body: { email } })) });
  const refusal = errorText(request.error);

  return (
    <Paper maw={480} mx="auto" p={{ base: 'md', sm: 'xl' }} withBorder>
      <PageTitle>{t('forgot.title')}</PageTitle>
      {request.isSuccess ? (
        <Alert color="green" c="dark.8" role="status" data-testid="reset-sent">
          {t('forgot.sent', { email: request.variables })}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit(({ email }) => request.mutate(email.trim()))} noValidate>
          <Stack>
            <Text size="sm">{t('forgot.intro')}</Text>
            {refusal ? <Alert color="red" role="alert">{refusal}</Alert> : request.isError && <ErrorMessage error={request.error} />}
            <TextInput label={t('forgot.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <Button type="submit" loading={request.isPending}>
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Text mt="lg" size="sm">
        <Anchor component={Link} to="/sign-in">
          {t('forgot.back')}
        </Anchor>
      </Text>
    </Paper>
  );
}
