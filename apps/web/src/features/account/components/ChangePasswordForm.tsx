import { Alert, Button, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useApiErrorText } from '../../auth/useApiErrorText';

/** Changes the password with the current one; the person's other sessions end (the API does it). */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('signUp.required')),
      newPassword: (value) => (value.length >= 12 ? null : t('reset.hint')),
    },
  });
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => unwrap(api.POST('/api/auth/password', { body })),
    onSuccess: () => form.reset(),
    onError: (error) => {
      const code = (error as { body?: { code?: string } }).body?.code;
      const text = errorText(error);
      if (code === 'CURRENT_PASSWORD_WRONG' && text) form.setFieldError('currentPassword', text);
      if (code === 'PASSWORD_TOO_WEAK' && text) form.setFieldError('newPassword', text);
    },
  });
  const code = (change.error as { body?: { code?: string } } | null)?.body?.code;
  const handled = code === 'CURRENT_PASSWORD_WRONG' || code === 'PASSWORD_TOO_WEAK';

  return (
    <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate aria-labelledby="change-password-title">
      <Stack maw={440}>
        <Title order={2} size="h3" id="change-password-title">
          {t('account.password.title')}
        </Title>
        {change.isSuccess && (
          <Alert color="green" c="dark.8" role="status" data-testid="password-changed">
            {t('account.password.changed')}
          </Alert>
        )}
        {change.isError && !handled && <ErrorMessage error={change.error} />}
        <PasswordInput label={t('account.password.current')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        <PasswordInput
          label={t('account.password.new')}
          description={t('reset.hint')}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('account.password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
