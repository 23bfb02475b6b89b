import { Button, Checkbox, Fieldset, Group, List, Modal, NumberInput, Paper, Select, SimpleGrid, Switch, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../../api/client';
import { ApiError, fieldErrors, unwrap } from '../../../api/errors';
import { useReferenceOptions } from '../../../api/reference';
import type { components } from '../../../api/schema';
import type { Language, Schemas } from '../../../api/types';
import { Allowed, can } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { notifySuccess } from '../../../components/notify';
import { StatusBadge } from '../../../components/StatusBadge';
import { ActivityLinks } from '../components/ActivityLinks';
import { catalogueKeys } from '../../catalogue/api';
import { planKeys } from '../../plans/api';
import { activityKeys, useActivity, useSheet } from '../api';
import { REQUIRED_DOCUMENTS } from '../../../api/enums';
import type { Activity, ActivityAction, LifecycleAction, LocalizedText, SchedulingConflict, Sheet } from '../types';

type UpdateBody = components['schemas']['UpdateActivityDto'];
const FIELDS = ['title', 'type', 'deliveryMode', 'languages', 'startDate', 'endDate', 'applicationDeadline', 'venueCity', 'venueCountry', 'capacity', 'budgetPlanned', 'budgetActual', 'requiresNomination', 'plannedQuarter'] as const;
type Field = (typeof FIELDS)[number];

/** The routes of the lifecycle section; which of them show is the activity's `allowedActions` (in the API's order). */
const LIFECYCLE_ROUTES: Record<LifecycleAction, true> = { confirm: true, open: true, close: true, deliver: true, cancel: true, postpone: true };
const isLifecycle = (action: ActivityAction): action is LifecycleAction => action in LIFECYCLE_ROUTES;

interface FormValues {
  title: string;
  type: string;
  deliveryMode: string;
  languages: string[];
  startDate: string;
  endDate: string;
  applicationDeadline: string;
  venueCity: string;
  venueCountry: string | null;
  capacity: number | string;
  budgetPlanned: string;
  budgetActual: string;
  requiresNomination: boolean;
  plannedQuarter: string;
}

function valuesOf(activity: Activity): FormValues {
  return {
    title: activity.title,
    type: activity.type,
    deliveryMode: activity.deliveryMode,
    languages: activity.languages,
    startDate: activity.startDate ?? '',
    endDate: activity.endDate ?? '',
    applicationDeadline: activity.applicationDeadline ?? '',
    venueCity: activity.venueCity ?? '',
    venueCountry: activity.venueCountry,
    capacity: activity.capacity,
    budgetPlanned: activity.budgetPlanned,
    budgetActual: activity.budgetActual ?? '',
    requiresNomination: activity.requiresNomination,
    plannedQuarter: activity.plannedQuarter ?? '',
  };
}

/** Form values as the API's fields: blanks become null where the API clears a value. */
function bodyValue(field: Field, values: FormValues): unknown {
  const value = values[field];
  if (field === 'capacity') return Number(value);
  if (typeof value === 'string' && value.trim() === '' && field !== 'title' && field !== 'budgetPlanned') return null;
  return typeof value === 'string' ? value.trim() : value;
}

/** The activity editor: its fields (with the version read), its lifecycle and its sheet. */
export function ActivityEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const activity = useActivity(id);
  if (activity.isPending) return <Loading />;
  if (activity.isError) return <ErrorMessage error={activity.error} onRetry={() => void activity.refetch()} />;
  const current = activity.data;
  return (
    <>
      <PageTitle title={`${current.code} · ${current.title}`}>
        {current.code} · {current.title}
      </PageTitle>
      <Group gap="sm" mb="sm">
        <Text>{t('staff.activity.status')}</Text>
        <StatusBadge status={current.status} group="activity" />
        {current.statusReason && <Text c="gray.7">({current.statusReason})</Text>}
      </Group>
      <ActivityLinks id={id} current="editor" activity={current} />
      <Lifecycle activity={current} />
      <Tabs defaultValue="fields" mt="lg" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="fields">{t('staff.activity.fields')}</Tabs.Tab>
          <Tabs.Tab value="sheet">{t('staff.sheet.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="fields" pt="md">
          <ActivityForm key={current.version} activity={current} />
        </Tabs.Panel>
        <Tabs.Panel value="sheet" pt="md">
          <SheetEditor activity={current} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Lifecycle({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'cancel' | 'postpone' | null>(null);
  const [reason, setReason] = useState('');

  const transition = useMutation({
    mutationFn: ({ action, acknowledge, why }: { action: LifecycleAction; acknowledge?: boolean; why?: string }) => {
      const path = { params: { path: { id: activity.id } } };
      switch (action) {
        case 'confirm':
          return unwrap(api.POST('/api/activities/{id}/confirm', { ...path, body: { acknowledgeConflicts: !!acknowledge } }));
        case 'open':
          return unwrap(api.POST('/api/activities/{id}/open', path));
        case 'close':
          return unwrap(api.POST('/api/activities/{id}/close', path));
        case 'deliver':
          return unwrap(api.POST('/api/activities/{id}/deliver', path));
        case 'cancel':
          return unwrap(api.POST('/api/activities/{id}/cancel', { ...path, body: { reason: why ?? '' } }));
        case 'postpone':
          return unwrap(api.POST('/api/activities/{id}/postpone', { ...path, body: why ? { reason: why } : {} }));
      }
    },
    onSuccess: (_data, { action }) => {
      setDialog(null);
      notifySuccess(t(`staff.lifecycle.done.${action}`), t('common.close'));
      // The activity everywhere it is listed, and the products matrix that counts it by status.
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });
  const error = transition.error;
  const conflicts: SchedulingConflict[] = error instanceof ApiError ? ((error.body as Partial<Schemas['SchedulingConflictsError']> | undefined)?.conflicts ?? []) : [];

  const actions = activity.allowedActions.filter(isLifecycle);
  const run = (action: LifecycleAction) => {
    if (action === 'cancel' || action === 'postpone') {
      setReason('');
      setDialog(action);
    } else transition.mutate({ action });
  };
  const submitDialog = (event: FormEvent) => {
    event.preventDefault();
    if (dialog) transition.mutate({ action: dialog, why: reason.trim() || undefined });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="lifecycle-heading">
      <Title order={2} size="h4" id="lifecycle-heading" mb="xs">
        {t('staff.lifecycle.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('staff.lifecycle.hint')}
      </Text>
      {!dialog && <ErrorMessage error={error} title={t('staff.lifecycle.refused')} />}
      {conflicts.length > 0 && (
        <Paper withBorder p="sm" mb="md" data-testid="conflicts">
          <Text fw={600}>{t('staff.lifecycle.conflicts')}</Text>
          <List size="sm" mb="sm">
            {conflicts.map((conflict) => (
              <List.Item key={conflict.id}>
                {conflict.code} · {conflict.title} ({formatDate(conflict.startDate)} – {formatDate(conflict.endDate)}): {conflict.reason}
              </List.Item>
            ))}
          </List>
          <Button onClick={() => transition.mutate({ action: 'confirm', acknowledge: true })} loading={transition.isPending}>
            {t('staff.lifecycle.acknowledge')}
          </Button>
        </Paper>
      )}
      {actions.length === 0 && <Text size="sm">{t('staff.lifecycle.none')}</Text>}
      <Group gap="sm">
        {actions.map((action) => (
          <Button
            key={action}
            variant={action === 'cancel' ? 'outline' : 'filled'}
            color={action === 'cancel' ? 'red.9' : undefined}
            onClick={() => run(action)}
            loading={transition.isPending && transition.variables?.action === action}
          >
            {t(`staff.lifecycle.action.${action}`)}
          </Button>
        ))}
      </Group>
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? t(`staff.lifecycle.dialog.${dialog}`) : ''}>
        <form onSubmit={submitDialog}>
          <ErrorMessage error={error} />
          <Textarea
            label={t('staff.lifecycle.reason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            required={dialog === 'cancel'}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={dialog === 'cancel' ? 'red.9' : undefined} loading={transition.isPending}>
              {dialog ? t(`staff.lifecycle.action.${dialog}`) : ''}
            </Button>
          </Group>
        </form>
      </Modal>
    </Paper>
  );
}

function ActivityForm({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const countryOptions = useReferenceOptions('country');
  const form = useForm<FormValues>({ initialValues: valuesOf(activity) });
  const editable = can(activity, 'edit');

  const save = useMutation({
    mutationFn: (body: UpdateBody) => unwrap(api.PATCH('/api/activities/{id}', { params: { path: { id: activity.id } }, body })),
    onSuccess: (updated) => {
      queryClient.setQueryData(activityKeys.detail(activity.id), updated);
      notifySuccess(t('staff.activity.saved'), t('common.close'));
    },
    onError: (failure) => form.setErrors(fieldErrors(failure, FIELDS).fields),
  });
  const formErrors = fieldErrors(save.error, FIELDS).form;
  const stale = save.error instanceof ApiError && save.error.code === 'STALE_VERSION';

  const submit = form.onSubmit((values) => {
    const initial = valuesOf(activity);
    const changed = FIELDS.filter((field) => JSON.stringify(values[field]) !== JSON.stringify(initial[field]));
    const body = Object.fromEntries(changed.map((field) => [field, bodyValue(field, values)]));
    save.mutate({ ...body, version: activity.version } as UpdateBody);
  });

  return (
    <form onSubmit={submit} aria-label={t('staff.activity.fields')} noValidate>
      {formErrors.length > 0 && <ErrorMessage messages={formErrors} error={save.error} />}
      {stale && (
        <Button variant="light" mb="md" onClick={() => void queryClient.invalidateQueries({ queryKey: activityKeys.detail(activity.id) })}>
          {t('staff.activity.reload')}
        </Button>
      )}
      {!editable && <Text mb="md">{t('staff.activity.readOnly')}</Text>}
      <Fieldset legend={t('staff.activity.general')} mb="md" disabled={!editable}>
        <TextInput label={t('staff.activity.field.title')} required {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
          <Select
            label={t('staff.activity.field.type')}
            data={['national', 'regional', 'global'].map((value) => ({ value, label: t(`types.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('type')}
          />
          <Select
            label={t('staff.activity.field.deliveryMode')}
            data={['face_to_face', 'online', 'hybrid', 'e_learning'].map((value) => ({ value, label: t(`modes.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('deliveryMode')}
          />
          <NumberInput label={t('staff.activity.field.capacity')} min={1} allowDecimal={false} required {...form.getInputProps('capacity')} />
        </SimpleGrid>
        <Checkbox.Group label={t('staff.activity.field.languages')} mt="sm" {...form.getInputProps('languages')}>
          <Group mt={4}>
            {(['en', 'fr', 'es'] as const).map((language) => (
              <Checkbox key={language} value={language} label={t(`languages.${language}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      </Fieldset>
      <Fieldset legend={t('staff.activity.schedule')} mb="md" disabled={!editable}>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput type="date" label={t('staff.activity.field.startDate')} {...form.getInputProps('startDate')} />
          <TextInput type="date" label={t('staff.activity.field.endDate')} {...form.getInputProps('endDate')} />
          <TextInput type="date" label={t('staff.activity.field.applicationDeadline')} {...form.getInputProps('applicationDeadline')} />
          <TextInput label={t('staff.activity.field.plannedQuarter')} placeholder="2027-Q2" {...form.getInputProps('plannedQuarter')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
          <TextInput label={t('staff.activity.field.venueCity')} {...form.getInputProps('venueCity')} />
          <Select
            label={t('staff.activity.field.venueCountry')}
            searchable
            clearable
            data={countryOptions}
            {...form.getInputProps('venueCountry')}
          />
        </SimpleGrid>
        <Switch mt="md" label={t('staff.activity.field.requiresNomination')} {...form.getInputProps('requiresNomination', { type: 'checkbox' })} />
      </Fieldset>
      <Fieldset legend={t('staff.activity.budget')} mb="md" disabled={!editable}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('staff.activity.field.budgetPlanned')} required inputMode="decimal" {...form.getInputProps('budgetPlanned')} />
          <TextInput label={t('staff.activity.field.budgetActual')} inputMode="decimal" {...form.getInputProps('budgetActual')} />
        </SimpleGrid>
      </Fieldset>
      <Allowed record={activity} action="edit">
        <Button type="submit" loading={save.isPending}>
          {t('staff.activity.save')}
        </Button>
      </Allowed>
    </form>
  );
}

const SHEET_FIELDS = ['objectives', 'targetAudience', 'applicationRequirements', 'programme'] as const;
type SheetField = (typeof SHEET_FIELDS)[number];

function SheetEditor({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const sheet = useSheet(activity.id);
  if (sheet.isPending) return <Loading />;
  if (sheet.isError) return <ErrorMessage error={sheet.error} onRetry={() => void sheet.refetch()} />;
  return <SheetForm activity={activity} sheet={sheet.data} key={t('staff.sheet.title')} />;
}

function SheetForm({ activity, sheet }: { activity: Activity; sheet: Sheet }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [texts, setTexts] = useState<Record<SheetField, LocalizedText>>(() => ({
    objectives: { ...sheet.objectives },
    targetAudience: { ...sheet.targetAudience },
    applicationRequirements: { ...sheet.applicationRequirements },
    programme: { ...sheet.programme },
  }));
  const [documents, setDocuments] = useState<string[]>(sheet.requiredDocuments);
  useEffect(() => setDocuments(sheet.requiredDocuments), [sheet.requiredDocuments]);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/activities/{id}/sheet', {
          params: { path: { id: activity.id } },
          body: { ...texts, requiredDocuments: documents as Sheet['requiredDocuments'] },
        }),
      ),
    // One message at a time: saving forgets publishing's refusal, and the other way round.
    onMutate: (): void => {
      if (!publish.isPending) publish.reset();
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(activityKeys.sheet(activity.id), saved);
      notifySuccess(t('staff.sheet.saved'), t('common.close'));
    },
  });
  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/api/activities/{id}/sheet/publish', { params: { path: { id: activity.id } } })),
    onMutate: (): void => {
      if (!save.isPending) save.reset();
    },
    onSuccess: () => {
      notifySuccess(t('staff.sheet.published'), t('common.close'));
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
  });
  const error = save.error ?? publish.error;

  const setText = (field: SheetField, language: Language, value: string) => setTexts((current) => ({ ...current, [field]: { ...current[field], [language]: value } }));

  return (
    <form
      aria-label={t('staff.sheet.title')}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Text mb="sm">{sheet.publishedAt ? t('staff.sheet.publishedAt', { date: formatDate(String(sheet.publishedAt).slice(0, 10)) }) : t('staff.sheet.notPublished')}</Text>
      <ErrorMessage error={error} />
      {activity.languages.map((language) => (
        <Fieldset key={language} legend={t('staff.sheet.inLanguage', { language: t(`languages.${language}`) })} mb="md" lang={language} disabled={!can(activity, 'edit-sheet')}>
          {SHEET_FIELDS.map((field) => (
            <Textarea
              key={field}
              label={t(`staff.sheet.field.${field}`)}
              value={texts[field][language] ?? ''}
              onChange={(event) => setText(field, language, event.currentTarget.value)}
              autosize
              minRows={2}
              mb="sm"
            />
          ))}
        </Fieldset>
      ))}
      <Checkbox.Group label={t('staff.sheet.requiredDocuments')} value={documents} onChange={setDocuments} mb="md" readOnly={!can(activity, 'edit-sheet')}>
        <Group mt={4}>
          {REQUIRED_DOCUMENTS.map((kind) => (
            <Checkbox key={kind} value={kind} label={t(`documents.${kind}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group>
        <Allowed record={activity} action="edit-sheet">
          <Button type="submit" loading={save.isPending}>
            {t('staff.sheet.save')}
          </Button>
        </Allowed>
        <Allowed record={activity} action="publish-sheet">
          <Button variant="light" onClick={() => publish.mutate()} loading={publish.isPending}>
            {t('staff.sheet.publish')}
          </Button>
        </Allowed>
      </Group>
    </form>
  );
}
