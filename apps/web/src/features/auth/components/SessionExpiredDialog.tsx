import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { session } from '../../../api/session';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useApiErrorText } from '../useApiErrorText';
import { useAuth } from '../AuthContext';

/**
 * Over the page when the session ended under it: the person signs in again and the page carries
 * on (the calls that failed run again; what was typed stays). Leaving signs out instead.
 */
export function SessionExpiredDialog() {
  const { t } = useTranslation();
  const expired = useSyncExternalStore(session.subscribe, () => session.expired);
  const { user, signIn, signOut } = useAuth();
  const errorText = useApiErrorText();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({ initialValues: { email: user?.email ?? '', password: '' } });

  const submit = form.onSubmit(async ({ email, password }) => {
    setFailure(null);
    try {
      await signIn(email || user?.email || '', password);
      form.setFieldValue('password', '');
      session.resume(true);
    } catch (error) {
      setFailure(error);
    }
  });

  return (
    <Modal
      opened={expired}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('sessionDialog.title')}
      centered
      data-testid="session-expired-dialog"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('sessionDialog.intro')}</Text>
          {failure !== null && (errorText(failure) ? <Alert color="red" role="alert">{errorText(failure)}</Alert> : <ErrorMessage error={failure} />)}
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
            value={form.values.email || user?.email || ''}
          />
          <PasswordInput label={t('signIn.password')} autoComplete="current-password" required data-autofocus {...form.getInputProps('password')} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => void signOut()}>
              {t('sessionDialog.leave')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('sessionDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
