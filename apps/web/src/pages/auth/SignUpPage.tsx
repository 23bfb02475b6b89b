import { Anchor, Button, Fieldset, MultiSelect, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { fieldErrors, unwrap } from '../../api/errors';
import { useCountries } from '../../api/reference';
import type { Language, RegisterBody } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { currentLanguage, LANGUAGES } from '../../i18n';

type Profile = RegisterBody['profile'];
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

interface Values {
  email: string;
  password: string;
  locale: Language;
  profile: Omit<Profile, 'gender' | 'institutionType'> & { gender: Profile['gender'] | ''; institutionType: Profile['institutionType'] | '' };
}
const FIELDS = ['email', 'password', 'locale', ...['fullName', 'gender', 'nationality', 'country', 'institutionType', 'institution', 'position', 'languages'].map((name) => `profile.${name}`)];

/** Applicants sign up themselves (POST /api/auth/register) and are signed in at once. */
export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { startSession } = useAuth();
  const countries = useCountries();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const required = (value: unknown) => (value === '' || (Array.isArray(value) && value.length === 0) ? t('signUp.required') : null);
  const form = useForm<Values>({
    initialValues: {
      email: '',
      password: '',
      locale: currentLanguage(),
      profile: { fullName: '', gender: '', nationality: '', country: '', institutionType: '', institution: '', position: '', languages: [currentLanguage()] },
    },
    validate: {
      email: required,
      password: required,
      profile: {
        fullName: required,
        gender: required,
        nationality: required,
        country: required,
        institutionType: required,
        institution: required,
        position: required,
        languages: required,
      },
    },
  });
  const countryOptions = (countries.data ?? [])
    .map((country) => ({ value: country.code, label: country.names?.[i18n.resolvedLanguage as Language] ?? country.name }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.resolvedLanguage));

  const submit = form.onSubmit(async (values) => {
    setFormErrors([]);
    setFailure(null);
    try {
      const registered = await unwrap(api.POST('/api/auth/register', { body: values as RegisterBody }));
      await startSession(registered.accessToken);
      navigate('/account', { replace: true });
    } catch (error) {
      const split = fieldErrors(error, FIELDS);
      form.setErrors(split.fields);
      setFormErrors(split.form);
      if (!split.form.length && !Object.keys(split.fields).length) setFailure(error);
    }
  });

  return (
    <Paper maw={760} mx="auto" p={{ base: 'md', sm: 'xl' }} withBorder>
      <PageTitle>{t('signUp.title')}</PageTitle>
      <Text mb="md">{t('signUp.intro')}</Text>
      {formErrors.length > 0 && <ErrorMessage messages={formErrors} title={t('errors.fix')} />}
      {failure !== null && <ErrorMessage error={failure} />}
      <form onSubmit={submit} noValidate>
        <Stack>
          <Fieldset legend={t('signUp.account')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('signUp.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
              <PasswordInput
                label={t('signUp.password')}
                description={t('signUp.passwordHint')}
                autoComplete="new-password"
                required
                // Mantine marks only its other inputs invalid for assistive technology.
                aria-invalid={!!form.errors.password}
                {...form.getInputProps('password')}
              />
              <Select
                label={t('signUp.locale')}
                data={LANGUAGES.map((language) => ({ value: language.code, label: language.label }))}
                allowDeselect={false}
                {...form.getInputProps('locale')}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('signUp.profile')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('signUp.fullName')} autoComplete="name" required {...form.getInputProps('profile.fullName')} />
              <Select
                label={t('signUp.gender')}
                required
                data={GENDERS.map((gender) => ({ value: gender, label: t(`signUp.genders.${gender}`) }))}
                {...form.getInputProps('profile.gender')}
              />
              <Select label={t('signUp.nationality')} required searchable data={countryOptions} {...form.getInputProps('profile.nationality')} />
              <Select label={t('signUp.country')} required searchable data={countryOptions} {...form.getInputProps('profile.country')} />
              <Select
                label={t('signUp.institutionType')}
                required
                data={INSTITUTION_TYPES.map((type) => ({ value: type, label: t(`signUp.institutionTypes.${type}`) }))}
                {...form.getInputProps('profile.institutionType')}
              />
              <TextInput label={t('signUp.institution')} autoComplete="organization" required {...form.getInputProps('profile.institution')} />
              <TextInput label={t('signUp.position')} autoComplete="organization-title" required {...form.getInputProps('profile.position')} />
              <MultiSelect
                label={t('signUp.languages')}
                required
                data={LANGUAGES.map((language) => ({ value: language.code, label: language.label }))}
                {...form.getInputProps('profile.languages')}
              />
            </SimpleGrid>
          </Fieldset>
          <Button type="submit" loading={form.submitting}>
            {t('signUp.submit')}
          </Button>
        </Stack>
      </form>
      <Text mt="lg" size="sm">
        {t('signUp.haveAccount')}{' '}
        <Anchor component={Link} to="/sign-in">
          {t('nav.signIn')}
        </Anchor>
      </Text>
    </Paper>
  );
}
