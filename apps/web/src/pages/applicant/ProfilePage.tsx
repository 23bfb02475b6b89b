import { Alert, Button, Fieldset, Group, Modal, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiError, fieldErrors, unwrap } from '../../api/errors';
import { useCountries } from '../../api/reference';
import type { Language } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { LANGUAGES } from '../../i18n';
import { saveBlob, useProfile, type Profile } from './applicant.queries';

const GENDERS: Profile['gender'][] = ['female', 'male', 'other', 'undisclosed'];
const INSTITUTION_TYPES: Profile['institutionType'][] = [
  'government',
  'permanent_mission',
  'parliament',
  'academia',
  'private_sector',
  'civil_society',
  'media',
  'international_org',
  'other',
];
const FIELDS = ['fullName', 'gender', 'nationality', 'country', 'institutionType', 'institution', 'position', 'languages'];
const EMPTY: Profile = { fullName: '', gender: 'undisclosed', nationality: '', country: '', institutionType: 'other', institution: '', position: '', languages: [] };

/** The applicant's profile (GET/PUT /api/me/profile), a copy of their data, and deleting the account. */
export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const profile = useProfile();
  const countries = useCountries();
  const queryClient = useQueryClient();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const required = (value: unknown) => (value === '' || (Array.isArray(value) && value.length === 0) ? t('signUp.required') : null);
  const form = useForm<Profile>({
    initialValues: EMPTY,
    validate: Object.fromEntries(FIELDS.map((field) => [field, required])),
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (!profile.data) return;
    const { updatedAt: _updatedAt, ...values } = profile.data;
    setValues(values);
    resetDirty(values);
  }, [profile.data]);

  const countryOptions = (countries.data ?? [])
    .map((country) => ({ value: country.code, label: country.names?.[i18n.resolvedLanguage as Language] ?? country.name }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.resolvedLanguage));

  const submit = form.onSubmit(async (values) => {
    setFormErrors([]);
    setSaved(false);
    try {
      const updated = await unwrap(api.PUT('/api/me/profile', { body: values }));
      queryClient.setQueryData(['me', 'profile'], updated);
      setSaved(true);
    } catch (error) {
      const split = fieldErrors(error, FIELDS);
      form.setErrors(split.fields);
      setFormErrors(split.form.length || Object.keys(split.fields).length ? split.form : [error instanceof ApiError && error.unreachable ? t('errors.unreachable') : String(error)]);
    }
  });

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
        {saved && (
          <Alert color="green" c="dark.8" mb="md" role="status">
            {t('applicant.profile.saved')}
          </Alert>
        )}
        <form onSubmit={submit} noValidate>
          <Fieldset legend={t('signUp.profile')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('signUp.fullName')} autoComplete="name" required {...form.getInputProps('fullName')} />
              <Select
                label={t('signUp.gender')}
                required
                allowDeselect={false}
                data={GENDERS.map((gender) => ({ value: gender, label: t(`signUp.genders.${gender}`) }))}
                {...form.getInputProps('gender')}
              />
              <Select label={t('signUp.nationality')} required searchable allowDeselect={false} data={countryOptions} {...form.getInputProps('nationality')} />
              <Select label={t('signUp.country')} required searchable allowDeselect={false} data={countryOptions} {...form.getInputProps('country')} />
              <Select
                label={t('signUp.institutionType')}
                required
                allowDeselect={false}
                data={INSTITUTION_TYPES.map((type) => ({ value: type, label: t(`signUp.institutionTypes.${type}`) }))}
                {...form.getInputProps('institutionType')}
              />
              <TextInput label={t('signUp.institution')} autoComplete="organization" required {...form.getInputProps('institution')} />
              <TextInput label={t('signUp.position')} autoComplete="organization-title" required {...form.getInputProps('position')} />
              <MultiSelect
                label={t('signUp.languages')}
                required
                data={LANGUAGES.map((language) => ({ value: language.code, label: language.label }))}
                {...form.getInputProps('languages')}
              />
            </SimpleGrid>
          </Fieldset>
          <Button type="submit" mt="md" loading={form.submitting}>
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setError(null);
    setBusy(true);
    try {
      const data = await unwrap(api.GET('/api/me/data'));
      saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), 'my-data.json');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper p={{ base: 'md', sm: 'xl' }} withBorder component="section" aria-labelledby="my-data">
      <Title order={2} size="h3" id="my-data" mb="xs">
        {t('applicant.profile.dataTitle')}
      </Title>
      <Text mb="sm">{t('applicant.profile.dataIntro')}</Text>
      <ErrorMessage error={error ?? undefined} />
      <Button variant="default" loading={busy} onClick={() => void download()}>
        {t('applicant.profile.download')}
      </Button>
    </Paper>
  );
}

function DeleteAccount() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const [opened, { open, close }] = useDisclosure(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const erase = async () => {
    setError(null);
    setBusy(true);
    try {
      await unwrap(api.DELETE('/api/me'));
      close();
      await signOut();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
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
        <ErrorMessage error={error ?? undefined} />
        <Text mb="md">{t('applicant.profile.deleteConfirm')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('applicant.cancel')}
          </Button>
          <Button color="red.9" loading={busy} onClick={() => void erase()}>
            {t('applicant.profile.deleteButton')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
