import { Fieldset, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { GENDERS, INSTITUTION_TYPES } from '../../../api/enums';
import { useCountries } from '../../../api/reference';
import type { Language } from '../../../api/types';
import { currentLanguage, LANGUAGES } from '../../../i18n';
import type { Profile } from '../../../api/profile';

/** The applicant profile's fields (ApplicantProfileDto), in the order the form shows them. */
export const PROFILE_FIELDS = ['fullName', 'gender', 'nationality', 'country', 'institutionType', 'institution', 'position', 'languages'] as const satisfies readonly (keyof Profile)[];
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** A profile being filled in: gender and institution type may not be chosen yet. */
export type ProfileValues = Omit<Profile, 'gender' | 'institutionType'> & { gender: Profile['gender'] | ''; institutionType: Profile['institutionType'] | '' };

/** An empty profile, speaking the interface's language. */
export function emptyProfile(): ProfileValues {
  return { fullName: '', gender: '', nationality: '', country: '', institutionType: '', institution: '', position: '', languages: [currentLanguage()] };
}

type Rule = (value: unknown) => string | null;

/** `required` (a value typed or chosen) and the profile's rules for `useForm` (every field is required). */
export function useProfileRules(): { required: Rule; rules: Record<ProfileField, Rule> } {
  const { t } = useTranslation();
  const required: Rule = (value) => (value === '' || (Array.isArray(value) && value.length === 0) ? t('signUp.required') : null);
  return { required, rules: Object.fromEntries(PROFILE_FIELDS.map((field) => [field, required])) as Record<ProfileField, Rule> };
}

/**
 * The applicant profile's inputs, in their fieldset: sign-up and the profile page.
 * `inputProps` binds a field to the form (`form.getInputProps(...)` at the field's path);
 * `allowDeselect={false}` keeps a choice once made (a saved profile has one).
 */
export function ProfileFields({ inputProps, allowDeselect }: { inputProps: (field: ProfileField) => GetInputPropsReturnType; allowDeselect?: boolean }) {
  const { t, i18n } = useTranslation();
  const countries = useCountries();
  const countryOptions = (countries.data ?? [])
    .map((country) => ({ value: country.code, label: country.names?.[i18n.resolvedLanguage as Language] ?? country.name }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.resolvedLanguage));

  return (
    <Fieldset legend={t('signUp.profile')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('signUp.fullName')} autoComplete="name" required {...inputProps('fullName')} />
        <Select
          label={t('signUp.gender')}
          required
          allowDeselect={allowDeselect}
          data={GENDERS.map((gender) => ({ value: gender, label: t(`signUp.genders.${gender}`) }))}
          {...inputProps('gender')}
        />
        <Select label={t('signUp.nationality')} required searchable allowDeselect={allowDeselect} data={countryOptions} {...inputProps('nationality')} />
        <Select label={t('signUp.country')} required searchable allowDeselect={allowDeselect} data={countryOptions} {...inputProps('country')} />
        <Select
          label={t('signUp.institutionType')}
          required
          allowDeselect={allowDeselect}
          data={INSTITUTION_TYPES.map((type) => ({ value: type, label: t(`signUp.institutionTypes.${type}`) }))}
          {...inputProps('institutionType')}
        />
        <TextInput label={t('signUp.institution')} autoComplete="organization" required {...inputProps('institution')} />
        <TextInput label={t('signUp.position')} autoComplete="organization-title" required {...inputProps('position')} />
        <MultiSelect
          label={t('signUp.languages')}
          required
          data={LANGUAGES.map((language) => ({ value: language.code, label: language.label }))}
          {...inputProps('languages')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
