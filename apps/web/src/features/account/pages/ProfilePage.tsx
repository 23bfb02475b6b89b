import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ApiError, fieldErrors, unwrap } from '../../../api/errors';
import { useAuth } from '../../auth/AuthContext';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { saveBlob } from '../../../api/download';
import { profileKeys, useProfile, type Profile } from '../../../api/profile';
import { emptyProfile, PROFILE_FIELDS, ProfileFields, useProfileRules, type ProfileValues } from '../components/ProfileFields';

/** The applicant's profile (GET/PUT /api/me/profile), a copy of their data, and deleting the account. */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useProfile();
  const queryClient = useQueryClient();
  const { rules } = useProfileRules();
  const form = useForm<ProfileValues>({ initialValues: emptyProfile(), validate: rules });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (!profile.data) return;
    const { updatedAt: _updatedAt, ...values } = profile.data;
    setValues(values);
    resetDirty(values);
  }, [profile.data]);

  const save = useMutation({
    mutationFn: (values: Profile) => unwrap(api.PUT('/api/me/profile', { body: values })),
    onSuccess: (updated) => queryClient.setQueryData(profileKeys.profile(), updated),
    onError: (error) => form.setErrors(fieldErrors(error, PROFILE_FIELDS).fields),
  });
  const split = fieldErrors(save.error, PROFILE_FIELDS);
  const formErrors = !save.error
    ? []
    : split.form.length || Object.keys(split.fields).length
      ? split.form
      : [save.error instanceof ApiError && save.error.unreachable ? t('errors.unreachable') : String(save.error)];
  // The rules leave no field empty: the values are a whole profile.
  const submit = form.onSubmit((values) => save.mutate(values as Profile));

  if (profile.isPending) return <Loading />;
  if (profile.isError) return <ErrorMessage error={profile.error} onRetry={() => void profile.refetch()} />;

  return (
    <Stack maw={760} gap="xl">
      <div>
        <PageTitle>{t('applicant.profile.title')}</PageTitle>
        <Text>{t('applicant.profile.intro')}</Text>
      </div>
      <Paper p={{ base: 'md', sm: 'xl' }} withBorder>
        {formErrors.length > 0 && <ErrorMessage messages={formErrors} title={t('errors.fix')} />}
        {save.isSuccess && (
          <Alert color="green" c="dark.8" mb="md" role="status">
            {t('applicant.profile.saved')}
          </Alert>
        )}
        <form onSubmit={submit} noValidate>
          <ProfileFields inputProps={(field) => form.getInputProps(field)} allowDeselect={false} />
          <Button type="submit" mt="md" loading={save.isPending}>
            {t('applicant.profile.save')}
          </Button>
        </form>
      </Paper>
      <MyData />
      <DeleteAccount />
    </Stack>
  );
}

function MyData() {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: async () => {
      const data = await unwrap(api.GET('/api/me/data'));
      saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), 'my-data.json');
    },
  });
  return (
    <Paper p={{ base: 'md', sm: 'xl' }} withBorder component="section" aria-labelledby="my-data">
      <Title order={2} size="h3" id="my-data" mb="xs">
        {t('applicant.profile.dataTitle')}
      </Title>
      <Text mb="sm">{t('applicant.profile.dataIntro')}</Text>
      <ErrorMessage error={download.error ?? undefined} />
      <Button variant="default" loading={download.isPending} onClick={() => download.mutate()}>
        {t('applicant.profile.download')}
      </Button>
    </Paper>
  );
}

function DeleteAccount() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const [opened, { open, close }] = useDisclosure(false);
  const erase = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/me')),
    onSuccess: () => {
      close();
      return signOut();
    },
  });
  return (
    <Paper p={{ base: 'md', sm: 'xl' }} withBorder component="section" aria-labelledby="delete-account">
      <Title order={2} size="h3" id="delete-account" mb="xs">
        {t('applicant.profile.deleteTitle')}
      </Title>
      <Text mb="sm">{t('applicant.profile.deleteIntro')}</Text>
      <Button color="red.9" variant="outline" onClick={open}>
        {t('applicant.profile.delete')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('applicant.profile.deleteConfirmTitle')} centered closeButtonProps={{ 'aria-label': t('applicant.cancel') }}>
        <ErrorMessage error={erase.error ?? undefined} />
        <Text mb="md">{t('applicant.profile.deleteConfirm')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('applicant.cancel')}
          </Button>
          <Button color="red.9" loading={erase.isPending} onClick={() => erase.mutate()}>
            {t('applicant.profile.deleteButton')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
