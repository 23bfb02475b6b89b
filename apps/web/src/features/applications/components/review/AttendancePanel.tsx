import { Alert, Button, Checkbox, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { unwrap } from '../../../../api/errors';
import { can } from '../../../../components/Allowed';
import { formatDate } from '../../../../components/format';
import { Loading } from '../../../../components/Loading';
import { notifySuccess } from '../../../../components/notify';
import { StatusBadge } from '../../../../components/StatusBadge';
import { applicationKeys, attendEveryone, attendMany, completeMany, useApplicationsIn, type Application, type ReviewActivity } from '../../api';
import { ConfirmDialog } from './ConfirmDialog';
import { nameOf } from './DossierDrawer';
import { ALERT_STYLES, RefusalAlert, useRefusalText } from './refusals';
import { useCountryNames } from './ReviewFilters';

/** The applications of an attendance sheet: seat holders, and those who did not come. */
const SHEET_STATUSES = ['selected', 'attended', 'completed', 'no_show'] as const;

type Confirming = { kind: 'everyone' } | { kind: 'complete-all' } | { kind: 'complete' | 'no-show'; application: Application } | null;

/**
 * Attendance and completion in bulk, for courses of several hundred: every participant on one
 * sheet (all pages loaded), days attended per person or everyone present at once, then every
 * participant who qualifies completed. The buttons are the activity's and each application's
 * `allowedActions`; when the activity's dates hold an action back, its refusal says until when.
 */
export function AttendancePanel({ activity, onDirty }: { activity: ReviewActivity; onDirty: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const text = useRefusalText();
  const countryName = useCountryNames();
  const queryClient = useQueryClient();
  const sheet = useApplicationsIn(activity.id, 'participants', [...SHEET_STATUSES]);
  const length = activity.lengthDays ?? 0;
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [days, setDays] = useState<Record<string, number | string>>({});
  const [everyoneDays, setEveryoneDays] = useState<number | string>(length);
  const [confirming, setConfirming] = useState<Confirming>(null);
  // Days typed and not yet recorded: the page warns before they are lost.
  const edited = Object.keys(days).length > 0;
  useEffect(() => onDirty(edited), [edited, onDirty]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: applicationKeys.ofActivity(activity.id) });
  const done = (message: string) => {
    setConfirming(null);
    notifySuccess(message, t('common.close'));
    void refresh();
  };
  const record = useMutation({
    mutationFn: (records: { applicationId: string; attendedDays: number }[]) => attendMany(activity.id, records),
    onSuccess: (result) => {
      setChecked(new Set());
      setDays({});
      done(t('review.attendance.recorded', { count: result.recorded }));
    },
  });
  const everyone = useMutation({
    mutationFn: (attendedDays: number) => attendEveryone(activity.id, attendedDays),
    onSuccess: (result) => {
      setChecked(new Set());
      setDays({});
      done(t('review.attendance.everyoneDone', { count: result.recorded }));
    },
  });
  const completeAll = useMutation({
    mutationFn: () => completeMany(activity.id),
    onSuccess: (result) => done(t('review.attendance.completedAll', { count: result.recorded })),
  });
  const one = useMutation({
    mutationFn: ({ action, application }: { action: 'complete' | 'no-show'; application: Application }) =>
      action === 'complete'
        ? unwrap(api.POST('/api/applications/{id}/complete', { params: { path: { id: application.id } } }))
        : unwrap(api.POST('/api/applications/{id}/no-show', { params: { path: { id: application.id } } })),
    onSuccess: (_result, { action, application }) => done(t(`staff.applications.done.${action}`, { name: nameOf(application) })),
  });
  const mutations = [record, everyone, completeAll, one];
  // One refusal at a time: whatever is saved next forgets the earlier ones.
  const start = (current: (typeof mutations)[number]) => mutations.filter((other) => other !== current && !other.isPending).forEach((other) => other.reset());
  const error = mutations.find((mutation) => mutation.isError)?.error;

  if (sheet.isPending) return <Loading />;
  if (sheet.isError) return <RefusalAlert error={sheet.error} />;
  const rows = sheet.items;
  const count = (status: string) => rows.filter((row) => row.status === status).length;
  const selectedRows = rows.filter((row) => can(row, 'attend'));
  const daysOf = (row: Application) => days[row.id] ?? length;
  const mayAttend = can(activity, 'attend');
  const mayComplete = can(activity, 'complete');
  const allChecked = selectedRows.length > 0 && selectedRows.every((row) => checked.has(row.id));

  const saveChecked = () => {
    const records = selectedRows.filter((row) => checked.has(row.id)).map((row) => ({ applicationId: row.id, attendedDays: Number(daysOf(row)) }));
    start(record);
    record.mutate(records);
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="attendance-heading">
        <Title order={2} size="h4" id="attendance-heading" mb="xs">
          {t('review.attendance.title')}
        </Title>
        <Text mb="xs">
          {t('review.attendance.dates', { start: formatDate(activity.startDate), end: formatDate(activity.endDate), count: length })}
          {activity.selfPaced && ` ${t('review.attendance.selfPaced')}`}
        </Text>
        <Text size="sm" c="gray.7" data-testid="attendance-counts">
          {t('review.attendance.counts', { selected: count('selected'), attended: count('attended'), completed: count('completed'), noShow: count('no_show') })}
        </Text>
        {activity.refusedActions.map((refusal) => (
          <Alert key={refusal.action} color="yellow" mt="sm" styles={ALERT_STYLES} data-testid={`refused-${refusal.action}`} title={t(`review.attendance.heldBack.${refusal.action}`)}>
            {text(refusal.code, refusal.params, refusal.code)}
          </Alert>
        ))}
        <Group mt="md" gap="sm">
          {mayAttend && (
            <Button
              onClick={() => {
                setEveryoneDays(length);
                setConfirming({ kind: 'everyone' });
              }}
              disabled={count('selected') === 0}
            >
              {t('review.attendance.everyone', { count: count('selected') })}
            </Button>
          )}
          {mayComplete && (
            <Button variant="light" onClick={() => setConfirming({ kind: 'complete-all' })} disabled={count('attended') === 0}>
              {t('review.attendance.completeAll', { count: count('attended') })}
            </Button>
          )}
        </Group>
      </Paper>

      <RefusalAlert error={error} />

      <section aria-labelledby="sheet-heading">
        <Group justify="space-between" align="flex-end" mb="xs">
          <Title order={2} size="h4" id="sheet-heading">
            {t('review.attendance.sheet', { count: rows.length })}
          </Title>
          {mayAttend && selectedRows.length > 0 && (
            <Button onClick={saveChecked} disabled={checked.size === 0} loading={record.isPending}>
              {t('review.attendance.saveChecked', { count: checked.size })}
            </Button>
          )}
        </Group>
        {rows.length === 0 ? (
          <Text>{t('review.attendance.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-labelledby': 'sheet-heading' } }}>
            <Table striped data-testid="attendance-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    {mayAttend && selectedRows.length > 0 && (
                      <Checkbox
                        aria-label={t('review.attendance.checkAll')}
                        checked={allChecked}
                        indeterminate={checked.size > 0 && !allChecked}
                        onChange={(event) => setChecked(event.currentTarget.checked ? new Set(selectedRows.map((row) => row.id)) : new Set())}
                      />
                    )}
                  </Table.Th>
                  <Table.Th>{t('staff.applications.applicant')}</Table.Th>
                  <Table.Th>{t('staff.applications.country')}</Table.Th>
                  <Table.Th>{t('staff.applications.status')}</Table.Th>
                  <Table.Th>{t('staff.applications.attendedDays')}</Table.Th>
                  <Table.Th>{t('staff.applications.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const name = nameOf(row);
                  const attendable = can(row, 'attend');
                  return (
                    <Table.Tr key={row.id} data-testid={`participant-${row.id}`}>
                      <Table.Td>
                        {attendable && (
                          <Checkbox
                            aria-label={t('review.attendance.check', { name })}
                            checked={checked.has(row.id)}
                            onChange={(event) => {
                              const on = event.currentTarget.checked;
                              setChecked((current) => {
                                const next = new Set(current);
                                if (on) next.add(row.id);
                                else next.delete(row.id);
                                return next;
                              });
                            }}
                          />
                        )}
                      </Table.Td>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td>{countryName(row.country)}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={row.status} group="application" />
                      </Table.Td>
                      <Table.Td>
                        {attendable ? (
                          <NumberInput
                            aria-label={t('review.attendance.daysOf', { name })}
                            value={daysOf(row)}
                            onChange={(value) => {
                              setDays((current) => ({ ...current, [row.id]: value }));
                              setChecked((current) => new Set(current).add(row.id));
                            }}
                            min={0}
                            max={length || 366}
                            allowDecimal={false}
                            hideControls
                            w={80}
                            size="xs"
                          />
                        ) : (
                          (row.attendedDays ?? '—')
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          {can(row, 'complete') && (
                            <Button size="compact-sm" variant="light" onClick={() => setConfirming({ kind: 'complete', application: row })} aria-label={t('staff.applications.actionFor.complete', { name })}>
                              {t('staff.applications.action.complete')}
                            </Button>
                          )}
                          {can(row, 'no-show') && (
                            <Button size="compact-sm" variant="default" onClick={() => setConfirming({ kind: 'no-show', application: row })} aria-label={t('staff.applications.actionFor.no-show', { name })}>
                              {t('staff.applications.action.no-show')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>

      <ConfirmDialog
        opened={confirming?.kind === 'everyone'}
        title={t('review.attendance.everyoneTitle')}
        text={t('review.attendance.everyoneText', { count: count('selected') })}
        confirmLabel={t('review.attendance.everyoneConfirm')}
        loading={everyone.isPending}
        error={everyone.isError ? <RefusalAlert error={everyone.error} /> : null}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          start(everyone);
          everyone.mutate(Number(everyoneDays));
        }}
      >
        <NumberInput label={t('review.attendance.everyoneDays')} value={everyoneDays} onChange={setEveryoneDays} min={0} max={length || 366} allowDecimal={false} required />
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming?.kind === 'complete-all'}
        title={t('review.attendance.completeAllTitle')}
        text={t('review.attendance.completeAllText', { count: count('attended') })}
        confirmLabel={t('review.attendance.completeAllConfirm')}
        loading={completeAll.isPending}
        error={completeAll.isError ? <RefusalAlert error={completeAll.error} /> : null}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          start(completeAll);
          completeAll.mutate();
        }}
      />
      {(confirming?.kind === 'complete' || confirming?.kind === 'no-show') && (
        <ConfirmDialog
          opened
          title={t(`review.confirm.${confirming.kind}.title`, { name: nameOf(confirming.application) })}
          text={t(`review.confirm.${confirming.kind}.text`, { name: nameOf(confirming.application) })}
          confirmLabel={t(`review.confirm.${confirming.kind}.button`)}
          loading={one.isPending}
          error={one.isError ? <RefusalAlert error={one.error} /> : null}
          onClose={() => setConfirming(null)}
          onConfirm={() => {
            start(one);
            one.mutate({ action: confirming.kind as 'complete' | 'no-show', application: confirming.application });
          }}
        />
      )}
    </Stack>
  );
}
