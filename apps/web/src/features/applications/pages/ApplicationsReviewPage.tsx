import { Button, Checkbox, Group, Modal, NumberInput, Paper, Progress, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../../api/client';
import { ApiError, refusalCodeText, unwrap } from '../../../api/errors';
import { useReferenceNames } from '../../../api/reference';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { LoadMore } from '../../../components/LoadMore';
import { notifySuccess } from '../../../components/notify';
import { StatusBadge } from '../../../components/StatusBadge';
import { useActivity } from '../../activities/api';
import { can } from '../../../components/Allowed';
import { ActivityLinks } from '../../activities/components/ActivityLinks';
import { applicationKeys, useActivityApplications, type Application } from '../api';
import type { Schemas } from '../../../api/types';

type Decision = 'select' | 'waitlist' | 'reject';
type RowAction = Decision | 'attend' | 'complete' | 'no-show';

/** The row's buttons, in this order: the ones of the application's `allowedActions`. */
const ROW_ACTIONS: readonly RowAction[] = ['select', 'waitlist', 'attend', 'no-show', 'complete', 'reject'];
const DECISIONS: readonly Decision[] = ['select', 'waitlist', 'reject'];

function actionsOf(application: Application): RowAction[] {
  return ROW_ACTIONS.filter((action) => can(application, action));
}

function nameOf(application: Application): string {
  return application.applicant.fullName ?? application.applicant.email;
}

/** Staff review of an activity's applications: seats, the waitlist, decisions one by one or in bulk, attendance. */
export function ApplicationsReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const names = useReferenceNames();
  const queryClient = useQueryClient();
  const activity = useActivity(id);
  const applications = useActivityApplications(id);
  const [checked, setChecked] = useState<string[]>([]);
  const [bulkAction, setBulkAction] = useState<Decision | null>(null);
  const [bulkReason, setBulkReason] = useState('');
  const [dialog, setDialog] = useState<{ action: 'reject' | 'attend'; application: Application } | null>(null);
  const [reason, setReason] = useState('');
  const [days, setDays] = useState<number | string>('');

  const refresh = () => queryClient.invalidateQueries({ queryKey: applicationKeys.ofActivity(id) });

  const decide = useMutation({
    mutationFn: async ({ action, application, reason: why, attendedDays }: { action: RowAction; application: Application; reason?: string; attendedDays?: number }) => {
      const path = { params: { path: { id: application.id } } };
      switch (action) {
        case 'select':
          return unwrap(api.POST('/api/applications/{id}/select', { ...path, body: {} }));
        case 'waitlist':
          return unwrap(api.POST('/api/applications/{id}/waitlist', { ...path, body: {} }));
        case 'reject':
          return unwrap(api.POST('/api/applications/{id}/reject', { ...path, body: { reason: why ?? '' } }));
        case 'attend':
          return unwrap(api.POST('/api/applications/{id}/attend', { ...path, body: { attendedDays: attendedDays ?? 0 } }));
        case 'complete':
          return unwrap(api.POST('/api/applications/{id}/complete', path));
        case 'no-show':
          return unwrap(api.POST('/api/applications/{id}/no-show', path));
      }
    },
    // One refusal at a time: a decision forgets the bulk decisions' refusal, and the other way round.
    onMutate: (): void => {
      if (!bulk.isPending) bulk.reset();
    },
    onSuccess: (_data, { action, application }) => {
      setDialog(null);
      notifySuccess(t(`staff.applications.done.${action}`, { name: nameOf(application) }), t('common.close'));
      void refresh();
    },
    onError: () => void refresh(),
  });

  const bulk = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/activities/{id}/applications/decisions', {
          params: { path: { id } },
          body: { decisions: checked.map((applicationId) => ({ applicationId, action: bulkAction!, ...(bulkAction === 'reject' || bulkReason.trim() ? { reason: bulkReason.trim() } : {}) })) },
        }),
      ),
    onMutate: (): void => {
      if (!decide.isPending) decide.reset();
    },
    onSuccess: (result) => {
      notifySuccess(t('staff.applications.bulkDone', { count: result.applied }), t('common.close'));
      setChecked([]);
      setBulkReason('');
      void refresh();
    },
  });
  const error = decide.error ?? bulk.error;

  if (applications.isPending) return <Loading />;
  if (applications.isError) return <ErrorMessage error={applications.error} onRetry={() => void applications.refetch()} />;
  // Every page carries the seats, the waitlist and the activity; the rows are those of the pages loaded so far.
  const { seats, waitlist, activity: listed } = applications.firstPage!;
  const items = applications.items;
  const byId = new Map(items.map((application) => [application.id, application]));
  const bulkProblems = (error === bulk.error && error instanceof ApiError ? ((error.body as Partial<Schemas['BulkDecisionsError']> | undefined)?.errors ?? []) : []).map(
    (problem) =>
      `${byId.has(problem.applicationId) ? nameOf(byId.get(problem.applicationId)!) : problem.applicationId}: ${refusalCodeText(problem.code ?? 'DECISION_REPEATED', {}, problem.problem)}`,
  );
  const code = listed.code;
  const decidable = items.filter((application) => DECISIONS.some((decision) => can(application, decision)));
  const allChecked = decidable.length > 0 && decidable.every((application) => checked.includes(application.id));

  const submitDialog = (event: FormEvent) => {
    event.preventDefault();
    if (!dialog) return;
    if (dialog.action === 'reject') decide.mutate({ action: 'reject', application: dialog.application, reason: reason.trim() });
    else decide.mutate({ action: 'attend', application: dialog.application, attendedDays: Number(days) });
  };
  const run = (action: RowAction, application: Application) => {
    if (action === 'reject' || action === 'attend') {
      setReason('');
      setDays(application.attendedDays ?? '');
      setDialog({ action, application });
      return;
    }
    decide.mutate({ action, application });
  };
  const submitBulk = (event: FormEvent) => {
    event.preventDefault();
    if (bulkAction && checked.length > 0) bulk.mutate();
  };

  return (
    <>
      <PageTitle title={t('staff.applications.title', { code })}>{t('staff.applications.title', { code })}</PageTitle>
      <Text mb="sm">{listed.title}</Text>
      <ActivityLinks id={id} current="applications" delivered={activity.data ? activity.data.status === 'delivered' : undefined} />

      <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="seats-heading">
        <Title order={2} size="h4" id="seats-heading" mb="xs">
          {t('staff.applications.seats')}
        </Title>
        <Text data-testid="seats-left" aria-live="polite">
          {t('staff.applications.seatsLeft', { left: seats.left, capacity: seats.capacity, taken: seats.taken })}
        </Text>
        <Progress value={seats.capacity ? (seats.taken / seats.capacity) * 100 : 0} mt="xs" aria-label={t('staff.applications.seats')} />
      </Paper>

      <ErrorMessage error={error} messages={error instanceof ApiError ? [...error.messages, ...bulkProblems] : undefined} />

      <form onSubmit={submitBulk} aria-label={t('staff.applications.bulk')}>
        <Group align="flex-end" gap="sm" mb="md">
          <Select
            label={t('staff.applications.bulkAction')}
            data={(['select', 'waitlist', 'reject'] as const).map((action) => ({ value: action, label: t(`staff.applications.action.${action}`) }))}
            value={bulkAction}
            onChange={(value) => setBulkAction(value as Decision | null)}
            placeholder={t('staff.applications.choose')}
          />
          <TextInput
            label={t('staff.applications.bulkReason')}
            value={bulkReason}
            onChange={(event) => setBulkReason(event.currentTarget.value)}
            required={bulkAction === 'reject'}
            style={{ flex: '1 1 220px' }}
          />
          <Button type="submit" disabled={!bulkAction || checked.length === 0} loading={bulk.isPending}>
            {t('staff.applications.applyBulk', { count: checked.length })}
          </Button>
        </Group>
      </form>

      <section aria-labelledby="applications-heading">
        <Title order={2} size="h4" id="applications-heading" mb="xs">
          {t('staff.applications.list', { count: items.length })}
        </Title>
        {items.length === 0 ? (
          <Text>{t('staff.applications.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover data-testid="applications-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <Checkbox
                      aria-label={t('staff.applications.checkAll')}
                      checked={allChecked}
                      indeterminate={checked.length > 0 && !allChecked}
                      onChange={(event) => setChecked(event.currentTarget.checked ? decidable.map((application) => application.id) : [])}
                    />
                  </Table.Th>
                  <Table.Th>{t('staff.applications.applicant')}</Table.Th>
                  <Table.Th>{t('staff.applications.country')}</Table.Th>
                  <Table.Th>{t('staff.applications.status')}</Table.Th>
                  <Table.Th>{t('staff.applications.attendedDays')}</Table.Th>
                  <Table.Th>{t('staff.applications.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((application) => (
                  <Table.Tr key={application.id} data-testid={`application-${application.id}`}>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('staff.applications.check', { name: nameOf(application) })}
                        checked={checked.includes(application.id)}
                        disabled={!decidable.includes(application)}
                        onChange={(event) => {
                          const on = event.currentTarget.checked;
                          setChecked((current) => (on ? [...current, application.id] : current.filter((other) => other !== application.id)));
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text fw={500}>{nameOf(application)}</Text>
                      <Text size="sm" c="gray.7">
                        {application.applicant.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{names.country(application.country)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={application.status} group="application" />
                      {application.waitlistPosition !== null && (
                        <Text size="sm" c="gray.7">
                          {t('staff.applications.position', { position: application.waitlistPosition })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{application.attendedDays ?? ''}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="wrap">
                        {actionsOf(application).map((action) => (
                          <Button
                            key={action}
                            size="compact-sm"
                            variant={action === 'reject' || action === 'no-show' ? 'default' : 'light'}
                            onClick={() => run(action, application)}
                            loading={decide.isPending && decide.variables?.application.id === application.id && decide.variables.action === action}
                            aria-label={t(`staff.applications.actionFor.${action}`, { name: nameOf(application) })}
                          >
                            {t(`staff.applications.action.${action}`)}
                          </Button>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore list={applications} />
      </section>

      <section aria-labelledby="waitlist-heading">
        <Title order={2} size="h4" id="waitlist-heading" mt="lg" mb="xs">
          {t('staff.applications.waitlist')}
        </Title>
        {waitlist.length === 0 ? (
          <Text>{t('staff.applications.waitlistEmpty')}</Text>
        ) : (
          <Stack gap={4} component="ol" data-testid="waitlist">
            {waitlist.map((applicationId) => (
              <li key={applicationId}>{byId.get(applicationId) ? nameOf(byId.get(applicationId)!) : applicationId}</li>
            ))}
          </Stack>
        )}
      </section>

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog ? t(`staff.applications.dialog.${dialog.action}`, { name: nameOf(dialog.application) }) : ''}
      >
        <form onSubmit={submitDialog}>
          {decide.isError && dialog && <ErrorMessage error={decide.error} />}
          {dialog?.action === 'reject' ? (
            <Textarea label={t('staff.applications.reason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} required autosize minRows={2} data-autofocus />
          ) : (
            <NumberInput label={t('staff.applications.attendedDays')} value={days} onChange={setDays} min={0} max={366} required allowDecimal={false} data-autofocus />
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={decide.isPending}>
              {dialog ? t(`staff.applications.action.${dialog.action}`) : ''}
            </Button>
          </Group>
        </form>
      </Modal>
    </>
  );
}
