import { Button, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, fieldErrors } from '../../../api/errors';
import { useRegions, useTopics } from '../../../api/reference';
import type { ActivityType, DeliveryMode, Language } from '../../../api/types';
import { can } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { notifySuccess } from '../../../components/notify';
import { planKeys, usePlan, usePlans } from '../../plans/api';
import { activityKeys, createActivity, updateActivity, useCountryOptions, useDivisions, type CreateActivityBody, type UpdateActivityBody } from '../api';
import type { Activity } from '../types';
import { useUnsavedChanges } from '../../../components/UnsavedChanges';

const TYPES: ActivityType[] = ['national', 'regional', 'global'];
const MODES: DeliveryMode[] = ['face_to_face', 'online', 'hybrid', 'e_learning'];
const LANGUAGES: Language[] = ['en', 'fr', 'es'];
const FUNDING_SOURCES = ['regular_budget', 'global_trust_fund', 'other_trust_fund', 'partner'] as const;
const LEVELS = ['1', '2', '3'];

export interface ActivityFormValues {
  planId: string | null;
  productId: string | null;
  title: string;
  type: ActivityType;
  deliveryMode: DeliveryMode;
  plsLevel: string | null;
  languages: string[];
  topics: string[];
  leadDivision: string | null;
  beneficiaryCountries: string[];
  region: string | null;
  plannedQuarter: string | null;
  startDate: string;
  endDate: string;
  applicationDeadline: string;
  venueCity: string;
  venueCountry: string | null;
  capacity: number | string;
  requiresNomination: boolean;
  nominationQuota: number | string;
  prerequisiteLevel: string | null;
  keyResults: string[];
  budgetPlanned: string;
  budgetActual: string;
  fundingSource: string | null;
  partners: string[];
}
type Field = keyof ActivityFormValues;
/** The fields of the form that are the API's fields of the same name (planId is only sent on create). */
const BODY_FIELDS = [
  'productId',
  'title',
  'type',
  'deliveryMode',
  'plsLevel',
  'languages',
  'topics',
  'leadDivision',
  'beneficiaryCountries',
  'region',
  'plannedQuarter',
  'startDate',
  'endDate',
  'applicationDeadline',
  'venueCity',
  'venueCountry',
  'capacity',
  'requiresNomination',
  'nominationQuota',
  'prerequisiteLevel',
  'keyResults',
  'budgetPlanned',
  'budgetActual',
  'fundingSource',
  'partners',
] as const satisfies readonly Field[];
const ERROR_FIELDS: readonly string[] = ['planId', ...BODY_FIELDS];

function blankValues(planId: string | null, productId: string | null): ActivityFormValues {
  return {
    planId,
    productId,
    title: '',
    type: 'regional',
    deliveryMode: 'face_to_face',
    plsLevel: null,
    languages: ['en'],
    topics: [],
    leadDivision: 'ITTC',
    beneficiaryCountries: [],
    region: null,
    plannedQuarter: null,
    startDate: '',
    endDate: '',
    applicationDeadline: '',
    venueCity: '',
    venueCountry: null,
    capacity: 25,
    requiresNomination: false,
    nominationQuota: 2,
    prerequisiteLevel: null,
    keyResults: [],
    budgetPlanned: '',
    budgetActual: '',
    fundingSource: null,
    partners: [],
  };
}

export function valuesOf(activity: Activity): ActivityFormValues {
  return {
    planId: activity.planId,
    productId: activity.productId,
    title: activity.title,
    type: activity.type,
    deliveryMode: activity.deliveryMode,
    plsLevel: activity.plsLevel === null ? null : String(activity.plsLevel),
    languages: activity.languages,
    topics: activity.topics,
    leadDivision: activity.leadDivision,
    beneficiaryCountries: activity.beneficiaryCountries,
    region: activity.region,
    plannedQuarter: activity.plannedQuarter,
    startDate: activity.startDate ?? '',
    endDate: activity.endDate ?? '',
    applicationDeadline: activity.applicationDeadline ?? '',
    venueCity: activity.venueCity ?? '',
    venueCountry: activity.venueCountry,
    capacity: activity.capacity,
    requiresNomination: activity.requiresNomination,
    nominationQuota: activity.nominationQuota,
    prerequisiteLevel: activity.prerequisiteLevel === null ? null : String(activity.prerequisiteLevel),
    keyResults: activity.keyResults,
    budgetPlanned: activity.budgetPlanned,
    budgetActual: activity.budgetActual ?? '',
    fundingSource: activity.fundingSource,
    partners: activity.partners,
  };
}

/** A form value as the API's field: blanks are null where the API clears a value; numbers as numbers. */
function bodyValue(field: (typeof BODY_FIELDS)[number], values: ActivityFormValues): unknown {
  const value = values[field];
  switch (field) {
    case 'capacity':
    case 'nominationQuota':
      return value === '' ? null : Number(value);
    case 'plsLevel':
    case 'prerequisiteLevel':
      return value === null ? null : Number(value);
    case 'beneficiaryCountries':
      return values.type === 'global' ? [] : value;
    case 'region':
      return values.type === 'regional' ? value : null;
  }
  if (typeof value === 'string') return value.trim() === '' && field !== 'title' && field !== 'budgetPlanned' ? null : value.trim();
  return value;
}

/** Quarters of the plan's period: `2026-Q1` … `2027-Q4`. */
function quartersOf(periodStart: string | undefined, periodEnd: string | undefined): string[] {
  if (!periodStart || !periodEnd) return [];
  const quarters: string[] = [];
  for (let year = Number(periodStart.slice(0, 4)); year <= Number(periodEnd.slice(0, 4)); year++) for (let q = 1; q <= 4; q++) quarters.push(`${year}-Q${q}`);
  return quarters;
}

/**
 * Every field of an activity (DESIGN section 3), to create one (`activity` absent: in a plan and
 * product given or chosen) or to edit one (only the changed fields are sent, with the version read).
 */
export function ActivityForm({ activity, planId: initialPlanId = null, productId: initialProductId = null }: { activity?: Activity; planId?: string | null; productId?: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const creating = !activity;
  const initial = activity ? valuesOf(activity) : blankValues(initialPlanId, initialProductId);
  const form = useForm<ActivityFormValues>({ initialValues: initial });
  const values = form.values;
  const editable = creating || can(activity, 'edit');

  const plans = usePlans({ all: true, enabled: creating });
  const plan = usePlan(values.planId ?? '', !!values.planId);
  const topics = useTopics();
  const regions = useRegions();
  const divisions = useDivisions();
  const countries = useCountryOptions();

  const save = useMutation({
    mutationFn: (current: ActivityFormValues) => {
      if (creating) {
        const body = Object.fromEntries(
          BODY_FIELDS.filter((field) => !(field === 'fundingSource' && current.fundingSource === null) && field !== 'budgetActual').map((field) => [field, bodyValue(field, current)]),
        );
        if (current.type !== 'regional') delete body.region;
        return createActivity({ ...body, planId: current.planId ?? '' } as CreateActivityBody);
      }
      const changed = BODY_FIELDS.filter((field) => JSON.stringify(current[field]) !== JSON.stringify(initial[field]) || (field === 'region' && current.type !== initial.type));
      const body = Object.fromEntries(changed.filter((field) => !(field === 'region' && current.type !== 'regional')).map((field) => [field, bodyValue(field, current)]));
      return updateActivity(activity.id, { ...body, version: activity.version } as UpdateActivityBody);
    },
    onSuccess: (saved) => {
      form.resetDirty(form.getValues());
      queryClient.setQueryData(activityKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: activityKeys.all, predicate: (query) => query.queryKey[1] !== 'detail' });
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      notifySuccess(creating ? t('staff.activity.created', { code: saved.code }) : t('staff.activity.saved'), t('common.close'));
      if (creating) void navigate(`/staff/activities/${saved.id}`);
    },
    onError: (failure) => form.setErrors(fieldErrors(failure, ERROR_FIELDS).fields),
  });
  useUnsavedChanges(form.isDirty() && !save.isSuccess);
  const formErrors = fieldErrors(save.error, ERROR_FIELDS).form;
  const stale = save.error instanceof ApiError && save.error.body?.code === 'STALE_VERSION';

  const submit = form.onSubmit((current) => {
    // A new attempt: the refusals of the last one no longer stand.
    form.clearErrors();
    save.reset();
    save.mutate(current);
  });

  const option = (value: string, label: string) => ({ value, label });
  const quarters = quartersOf(plan.data?.periodStart, plan.data?.periodEnd);
  const countryOptions =
    values.type === 'regional' && values.region ? countries.options.filter((country) => country.region === values.region || values.beneficiaryCountries.includes(country.value)) : countries.options;

  return (
    <form onSubmit={submit} aria-label={creating ? t('staff.activity.newTitle') : t('staff.activity.fields')} noValidate>
      {formErrors.length > 0 && <ErrorMessage messages={formErrors} error={save.error} title={t('staff.activity.refused')} />}
      {stale && (
        <Button variant="light" mb="md" onClick={() => void queryClient.invalidateQueries({ queryKey: activityKeys.detail(activity!.id) })}>
          {t('staff.activity.reload')}
        </Button>
      )}
      {!editable && <Text mb="md">{t('staff.activity.readOnly')}</Text>}
      <Fieldset legend={t('staff.activity.placement')} mb="md" disabled={!editable}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {creating ? (
            <Select
              label={t('staff.activity.field.plan')}
              required
              searchable
              data={plans.items.filter((item) => can(item, 'add-activity')).map((item) => option(item.id, `${item.code} · ${item.title}`))}
              {...form.getInputProps('planId')}
              onChange={(value) => {
                form.setFieldValue('planId', value);
                // Products belong to one plan.
                form.setFieldValue('productId', null);
              }}
            />
          ) : (
            <TextInput label={t('staff.activity.field.plan')} readOnly value={plan.data ? `${plan.data.code} · ${plan.data.title}` : ''} />
          )}
          <Select
            label={t('staff.activity.field.product')}
            required
            searchable
            disabled={!values.planId}
            data={(plan.data?.products ?? []).map((product) => option(product.id, `${product.code} · ${product.name}`))}
            {...form.getInputProps('productId')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('staff.activity.general')} mb="md" disabled={!editable}>
        <TextInput label={t('staff.activity.field.title')} required {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
          <Select label={t('staff.activity.field.type')} required allowDeselect={false} data={TYPES.map((value) => option(value, t(`types.${value}`)))} {...form.getInputProps('type')} />
          <Select
            label={t('staff.activity.field.deliveryMode')}
            required
            allowDeselect={false}
            data={MODES.map((value) => option(value, t(`modes.${value}`)))}
            {...form.getInputProps('deliveryMode')}
          />
          <Select
            label={t('staff.activity.field.plsLevel')}
            clearable
            placeholder={t('staff.activity.none')}
            data={LEVELS.map((value) => option(value, t(`staff.activity.level.${value}`)))}
            {...form.getInputProps('plsLevel')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
          <MultiSelect
            label={t('staff.activity.field.languages')}
            description={t('staff.activity.languagesHint')}
            required
            data={LANGUAGES.map((value) => option(value, t(`languages.${value}`)))}
            {...form.getInputProps('languages')}
          />
          <MultiSelect
            label={t('staff.activity.field.topics')}
            required
            searchable
            data={(topics.data ?? []).map((topic) => option(topic.code, topic.name))}
            {...form.getInputProps('topics')}
          />
          <Select
            label={t('staff.activity.field.leadDivision')}
            required
            searchable
            data={(divisions.data ?? []).map((division) => option(division.code, `${division.code} · ${division.name}`))}
            {...form.getInputProps('leadDivision')}
          />
          <MultiSelect
            label={t('staff.activity.field.keyResults')}
            clearable
            data={(plan.data?.keyResults ?? []).map((result) => option(result.id, `${result.code} · ${result.title}`))}
            {...form.getInputProps('keyResults')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('staff.activity.beneficiaries')} mb="md" disabled={!editable}>
        <Text size="sm" c="gray.7" mb="xs">
          {t(`staff.activity.typeHint.${values.type}`)}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('staff.activity.field.region')}
            required={values.type === 'regional'}
            clearable
            disabled={values.type !== 'regional'}
            data={(regions.data ?? []).filter((region) => region.beneficiary).map((region) => option(region.code, region.name))}
            {...form.getInputProps('region')}
          />
          <MultiSelect
            label={t('staff.activity.field.beneficiaryCountries')}
            required={values.type !== 'global'}
            searchable
            clearable
            hidePickedOptions
            maxValues={values.type === 'national' ? 1 : undefined}
            disabled={values.type === 'global'}
            nothingFoundMessage={t('staff.activity.noCountry')}
            data={countryOptions.map(({ value, label }) => ({ value, label }))}
            {...form.getInputProps('beneficiaryCountries')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('staff.activity.schedule')} mb="md" disabled={!editable}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Select label={t('staff.activity.field.plannedQuarter')} clearable data={quarters} {...form.getInputProps('plannedQuarter')} />
          <TextInput type="date" label={t('staff.activity.field.startDate')} {...form.getInputProps('startDate')} />
          <TextInput type="date" label={t('staff.activity.field.endDate')} {...form.getInputProps('endDate')} />
          <TextInput type="date" label={t('staff.activity.field.applicationDeadline')} {...form.getInputProps('applicationDeadline')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
          <TextInput label={t('staff.activity.field.venueCity')} {...form.getInputProps('venueCity')} />
          <Select
            label={t('staff.activity.field.venueCountry')}
            searchable
            clearable
            nothingFoundMessage={t('staff.activity.noCountry')}
            data={countries.options.map(({ value, label }) => ({ value, label }))}
            {...form.getInputProps('venueCountry')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('staff.activity.participation')} mb="md" disabled={!editable}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('staff.activity.field.capacity')} min={1} allowDecimal={false} required {...form.getInputProps('capacity')} />
          <NumberInput label={t('staff.activity.field.nominationQuota')} description={t('staff.activity.quotaHint')} min={1} allowDecimal={false} {...form.getInputProps('nominationQuota')} />
          <Select
            label={t('staff.activity.field.prerequisiteLevel')}
            clearable
            placeholder={t('staff.activity.none')}
            data={LEVELS.map((value) => option(value, t(`staff.activity.level.${value}`)))}
            {...form.getInputProps('prerequisiteLevel')}
          />
        </SimpleGrid>
        <Switch mt="md" label={t('staff.activity.field.requiresNomination')} {...form.getInputProps('requiresNomination', { type: 'checkbox' })} />
      </Fieldset>
      <Fieldset legend={t('staff.activity.budget')} mb="md" disabled={!editable}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <TextInput label={t('staff.activity.field.budgetPlanned')} description={t('staff.activity.chf')} required inputMode="decimal" {...form.getInputProps('budgetPlanned')} />
          {!creating && <TextInput label={t('staff.activity.field.budgetActual')} description={t('staff.activity.chf')} inputMode="decimal" {...form.getInputProps('budgetActual')} />}
          <Select
            label={t('staff.activity.field.fundingSource')}
            clearable={creating}
            placeholder={creating ? t('staff.activity.productFunding') : undefined}
            data={FUNDING_SOURCES.map((value) => option(value, t(`staff.activity.funding.${value}`)))}
            {...form.getInputProps('fundingSource')}
          />
        </SimpleGrid>
        <TagsInput mt="sm" label={t('staff.activity.field.partners')} description={t('staff.activity.partnersHint')} data={['WCO', 'ITC', 'UNCTAD', 'World Bank', 'FAO', 'WIPO', 'OECD']} {...form.getInputProps('partners')} />
      </Fieldset>
      {editable && (
        <Group>
          <Button type="submit" loading={save.isPending}>
            {creating ? t('staff.activity.create') : t('staff.activity.save')}
          </Button>
          {!creating && form.isDirty() && (
            <Button variant="default" onClick={() => form.reset()}>
              {t('staff.activity.discard')}
            </Button>
          )}
        </Group>
      )}
    </form>
  );
}
