import { Anchor, Button, Fieldset, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { fieldErrors, unwrap } from '../../../api/errors';
import type { Language, RegisterBody } from '../../../api/types';
import { useAuth } from '../AuthContext';
import { useApiErrorText } from '../useApiErrorText';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { PageTitle } from '../../../components/PageTitle';
import { currentLanguage, LANGUAGES } from '../../../i18n';
import { emptyProfile, PROFILE_FIELDS, ProfileFields, useProfileRules, type ProfileValues } from '../../account/components/ProfileFields';

interface Values {
  email: string;
  password: string;
  locale: Language;
  profile: ProfileValues;
}
const FIELDS = ['email', 'password', 'locale', ...PROFILE_FIELDS.map((name) => `profile.${name}`)];

// --- Return address (issue 15, applicant journeys): `?returnTo=/catalogue/:id/apply` brings the new
// applicant back to the form they came from; only paths of this app are followed, never another site.
function safeReturnTo(value: string | null): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

/** Applicants sign up themselves (POST /api/auth/register) and are signed in at once. */
export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { startSession } = useAuth();
  const errorText = useApiErrorText();
  const { required, rules } = useProfileRules();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const form = useForm<Values>({
    initialValues: { email: '', password: '', locale: currentLanguage(), profile: emptyProfile() },
    validate: { email: required, password: required, profile: rules },
  });

  const register = useMutation({
    mutationFn: async (body: RegisterBody) => {
      await unwrap(api.POST('/api/auth/register', { body }));
      await startSession();
    },
    onSuccess: () => navigate(returnTo ?? '/account', { replace: true }),
    onError: (error) => {
      form.setErrors(fieldErrors(error, FIELDS).fields);
      if ((error as { body?: { code?: string } }).body?.code === 'PASSWORD_TOO_WEAK') form.setFieldError('password', errorText(error));
    },
  });
  const split = fieldErrors(register.error, FIELDS);
  const weak = (register.error as { body?: { code?: string } } | null)?.body?.code === 'PASSWORD_TOO_WEAK';
  const formErrors = weak ? [] : split.form;
  const failure = register.error && !weak && !split.form.length && !Object.keys(split.fields).length ? register.error : null;
  // The rules leave no field empty: the values are a whole registration.
  const submit = form.onSubmit((values) => register.mutate(values as RegisterBody));

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
          <ProfileFields inputProps={(field) => form.getInputProps(`profile.${field}`)} />
          <Button type="submit" loading={register.isPending}>
            {t('signUp.submit')}
          </Button>
        </Stack>
      </form>
      <Text mt="lg" size="sm">
        {t('signUp.haveAccount')}{' '}
        <Anchor component={Link} to={returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : '/sign-in'}>
          {t('nav.signIn')}
        </Anchor>
      </Text>
    </Paper>
  );
}
