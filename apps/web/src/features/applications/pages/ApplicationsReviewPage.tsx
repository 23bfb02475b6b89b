import { Anchor, Button, Checkbox, Grid, Group, Menu, Modal, NumberInput, Select, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useCountries } from '../../../api/reference';
import { can } from '../../../components/Allowed';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { notifySuccess } from '../../../components/notify';
import { PageTitle } from '../../../components/PageTitle';
import { StatusBadge } from '../../../components/StatusBadge';
import { useActivity } from '../../activities/api';
import { ActivityLinks } from '../../activities/components/ActivityLinks';
import {
  applicationKeys,
  decideMany,
  downloadApplications,
  useApplicationsIn,
  useApplicationsPage,
  useBalance,
  type Application,
  type Decision,
  type ReviewFilters as Filters,
} from '../api';
import { AttendancePanel } from '../components/review/AttendancePanel';
import { EvaluationsPanel } from '../components/review/EvaluationsPanel';
import { BalancePanel, type CheckedByGroup } from '../components/review/BalancePanel';
import { ConfirmDialog } from '../components/review/ConfirmDialog';
import { DossierDrawer, nameOf } from '../components/review/DossierDrawer';
import { RefusalAlert } from '../components/review/refusals';
import { ReviewFilters, useCountryNames } from '../components/review/ReviewFilters';
import { UnsavedChangesGuard } from '../../../components/UnsavedChanges';
import { PAGE_SIZES, useReviewFilters, type ReviewTab } from '../components/review/useReviewFilters';

type RowAction = Decision | 'attend' | 'complete' | 'no-show';

/** The row's buttons, in this order: the ones of the application's `allowedActions`. */
const ROW_ACTIONS: readonly RowAction[] = ['select', 'waitlist', 'attend', 'no-show', 'complete', 'reject'];
const DECISIONS: readonly Decision[] = ['select', 'waitlist', 'reject'];
/** The participant list: who holds or held a seat. */
const PARTICIPANT_STATUSES = ['selected', 'attended', 'completed'] as const;

/** A dialog a row action opens before it is sent: a reason to reject, days to attend, a confirmation of what cannot be undone. */
type Dialog = { action: 'reject' | 'attend' | 'complete' | 'no-show'; application: Application } | null;

/**
 * Staff review of an activity's applications: filters, sorting and pages over hundreds of
 * applications with their total, each applicant's dossier, bulk decisions whose refusals name each
 * person, the balance of the selection against the seats, the waitlist, downloads; and the
 * attendance sheet (tab) where attendance and completion are recorded in bulk.
 */
export function ApplicationsReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const state = useReviewFilters();
  const activity = useActivity(id);
  const { filters, pageSize, tab } = state;

  // The pages visited, by their cursors (null: the first); a new filter or page size starts again.
  const filtersKey = JSON.stringify([filters, pageSize]);
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({ key: filtersKey, cursors: [null] });
  if (paging.key !== filtersKey) setPaging({ key: filtersKey, cursors: [null] });
  const cursors = paging.key === filtersKey ? paging.cursors : [null];
  const page = useApplicationsPage(id, filters, cursors[cursors.length - 1], pageSize);
  // One guard for the page (a router takes one blocker): either tab may hold something typed and unsaved.
  const [dirty, setDirty] = useState({ review: false, attendance: false, evaluations: false });

  const onEvaluationsDirty = useCallback((evaluations: boolean) => setDirty((current) => (current.evaluations === evaluations ? current : { ...current, evaluations })), []);

  if (page.isPending) return <Loading />;
  if (page.isError && !page.data) return <RefusalAlert error={page.error} />;
  const current = page.data!;
  const listed = current.activity;
  const title = t('staff.applications.title', { code: listed.code });

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Text mb="sm">{listed.title}</Text>
      <ActivityLinks id={id} current="applications" delivered={activity.data ? activity.data.status === 'delivered' : undefined} />
      {/* Both tabs stay mounted: what is checked or typed in one survives a look at the other. */}
      <UnsavedChangesGuard dirty={dirty.review || dirty.attendance || dirty.evaluations} />
      <Tabs value={tab} onChange={(value) => state.setTab((value ?? 'review') as ReviewTab)}>
        <Tabs.List mb="md">
          <Tabs.Tab value="review">{t('review.tabs.review')}</Tabs.Tab>
          <Tabs.Tab value="attendance">{t('review.tabs.attendance')}</Tabs.Tab>
          <Tabs.Tab value="evaluations">{t('review.tabs.evaluations')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="review">
          <ReviewTabPanel
            activityId={id}
            state={state}
            page={current}
            pageError={page.isError ? page.error : null}
            fetching={page.isFetching}
            pageNumber={cursors.length}
            onNext={() => current.nextCursor && setPaging({ key: filtersKey, cursors: [...cursors, current.nextCursor] })}
            onPrevious={() => setPaging({ key: filtersKey, cursors: cursors.slice(0, -1) })}
            onDirty={(review) => setDirty((current) => (current.review === review ? current : { ...current, review }))}
          />
        </Tabs.Panel>
        <Tabs.Panel value="attendance">
          <AttendancePanel activity={listed} onDirty={(attendance) => setDirty((current) => (current.attendance === attendance ? current : { ...current, attendance }))} />
        </Tabs.Panel>
        <Tabs.Panel value="evaluations">
          <EvaluationsPanel activityId={id} onDirty={onEvaluationsDirty} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function ReviewTabPanel({
  activityId,
  state,
  page,
  pageError,
  fetching,
  pageNumber,
  onNext,
  onPrevious,
  onDirty,
}: {
  activityId: string;
  state: ReturnType<typeof useReviewFilters>;
  page: NonNullable<ReturnType<typeof useApplicationsPage>['data']>;
  pageError: unknown;
  fetching: boolean;
  pageNumber: number;
  onNext: () => void;
  onPrevious: () => void;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const countryName = useCountryNames();
  const countries = useCountries();
  const balance = useBalance(activityId);
  const waitlist = useApplicationsIn(activityId, 'waitlist', ['waitlisted']);
  const [checked, setChecked] = useState<Map<string, Application>>(new Map());
  const [bulkAction, setBulkAction] = useState<Decision | null>(null);
  const [bulkReason, setBulkReason] = useState('');
  const [confirmBulk, setConfirmBulk] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [days, setDays] = useState<number | string>('');
  const [opened, setOpened] = useState<Application | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const items = page.items;
  const activity = page.activity;
  const dirty = bulkReason.trim() !== '' || (dialog?.action === 'reject' && reason.trim() !== '');
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: applicationKeys.ofActivity(activityId) });

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
      setReason('');
      notifySuccess(t(`staff.applications.done.${action}`, { name: nameOf(application) }), t('common.close'));
      void refresh();
    },
    onError: () => void refresh(),
  });

  const bulk = useMutation({
    mutationFn: () =>
      decideMany(
        activityId,
        [...checked.keys()].map((applicationId) => ({ applicationId, action: bulkAction!, ...(bulkAction === 'reject' || bulkReason.trim() ? { reason: bulkReason.trim() } : {}) })),
      ),
    onMutate: (): void => {
      if (!decide.isPending) decide.reset();
      setDownloadError(null);
    },
    onSuccess: (result) => {
      setConfirmBulk(false);
      notifySuccess(t('staff.applications.bulkDone', { count: result.applied }), t('common.close'));
      setChecked(new Map());
      setBulkReason('');
      void refresh();
    },
    onError: () => setConfirmBulk(false),
  });
  const error = decide.error ?? bulk.error ?? downloadError;

  const decidable = items.filter((application) => DECISIONS.some((decision) => can(application, decision)));
  const allChecked = decidable.length > 0 && decidable.every((application) => checked.has(application.id));
  const pages = Math.max(1, Math.ceil(page.total / state.pageSize));
  // The dossier open, as the list shows it now (after a decision), or as it was opened.
  const dossier = opened ? (items.find((application) => application.id === opened.id) ?? opened) : null;

  // What selecting the checked applications would add to each group of the balance.
  const preview = useMemo<CheckedByGroup | undefined>(() => {
    if (bulkAction !== 'select' || checked.size === 0) return undefined;
    const byCode = new Map((countries.data ?? []).map((country) => [country.code, country]));
    const groups: CheckedByGroup = { country: new Map(), region: new Map(), gender: new Map(), ldc: new Map() };
    const add = (group: keyof CheckedByGroup, key: string) => groups[group].set(key, (groups[group].get(key) ?? 0) + 1);
    for (const application of checked.values()) {
      const country = byCode.get(application.country);
      add('country', application.country);
      add('region', country?.region ?? 'unknown');
      add('gender', application.applicant.gender ?? 'undisclosed');
      add('ldc', country?.ldc ? 'ldc' : 'other');
    }
    return groups;
  }, [bulkAction, checked, countries.data]);

  const check = (application: Application, on: boolean) =>
    setChecked((current) => {
      const next = new Map(current);
      if (on) next.set(application.id, application);
      else next.delete(application.id);
      return next;
    });
  const run = (action: RowAction, application: Application) => {
    if (action === 'reject' || action === 'attend' || action === 'complete' || action === 'no-show') {
      setReason('');
      setDays(application.attendedDays ?? activity.lengthDays ?? '');
      setDialog({ action, application });
      return;
    }
    decide.mutate({ action, application });
  };
  const submitDialog = (event?: FormEvent) => {
    event?.preventDefault();
    if (!dialog) return;
    if (dialog.action === 'reject') decide.mutate({ action: 'reject', application: dialog.application, reason: reason.trim() });
    else if (dialog.action === 'attend') decide.mutate({ action: 'attend', application: dialog.application, attendedDays: Number(days) });
    else decide.mutate({ action: dialog.action, application: dialog.application });
  };
  const submitBulk = (event: FormEvent) => {
    event.preventDefault();
    if (!bulkAction || checked.size === 0) return;
    // A rejection cannot be undone: confirmed first.
    if (bulkAction === 'reject') setConfirmBulk(true);
    else bulk.mutate();
  };
  const download = (statuses: 'filtered' | 'participants', format: 'csv' | 'xlsx') => {
    setDownloadError(null);
    const { sort: _sort, order: _order, ...filters } = state.filters;
    const query: Omit<Filters, 'sort' | 'order'> = statuses === 'participants' ? { status: [...PARTICIPANT_STATUSES] } : filters;
    downloadApplications(activityId, query, format, `applications-${activity.code}.${format}`).catch(setDownloadError);
  };

  const rowButtons = (application: Application) =>
    ROW_ACTIONS.filter((action) => can(application, action)).map((action) => (
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
    ));

  return (
    <>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <ReviewFilters state={state} />

          <RefusalAlert error={error} title={bulk.isError ? t('review.bulk.refusedTitle') : undefined} />

          <form onSubmit={submitBulk} aria-label={t('staff.applications.bulk')}>
            <Group align="flex-end" gap="sm" mb="md">
              <Select
                label={t('staff.applications.bulkAction')}
                data={DECISIONS.map((action) => ({ value: action, label: t(`staff.applications.action.${action}`) }))}
                value={bulkAction}
                onChange={(value) => setBulkAction(value as Decision | null)}
                placeholder={t('staff.applications.choose')}
                disabled={!can(activity, 'decide')}
              />
              <TextInput
                label={t('staff.applications.bulkReason')}
                value={bulkReason}
                onChange={(event) => setBulkReason(event.currentTarget.value)}
                required={bulkAction === 'reject'}
                style={{ flex: '1 1 220px' }}
              />
              <Button type="submit" disabled={!bulkAction || checked.size === 0} loading={bulk.isPending}>
                {t('staff.applications.applyBulk', { count: checked.size })}
              </Button>
              {checked.size > 0 && (
                <Button variant="subtle" onClick={() => setChecked(new Map())}>
                  {t('review.bulk.uncheck')}
                </Button>
              )}
            </Group>
          </form>

          <section aria-labelledby="applications-heading">
            <Group justify="space-between" align="flex-end" mb="xs">
              <Title order={2} size="h4" id="applications-heading">
                {t('review.list', { count: page.total })}
              </Title>
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default" size="sm">
                    {t('review.export.button')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{t('review.export.filtered')}</Menu.Label>
                  <Menu.Item onClick={() => download('filtered', 'csv')}>{t('review.export.csv')}</Menu.Item>
                  <Menu.Item onClick={() => download('filtered', 'xlsx')}>{t('review.export.xlsx')}</Menu.Item>
                  <Menu.Label>{t('review.export.participants')}</Menu.Label>
                  <Menu.Item onClick={() => download('participants', 'csv')}>{t('review.export.participantsCsv')}</Menu.Item>
                  <Menu.Item onClick={() => download('participants', 'xlsx')}>{t('review.export.participantsXlsx')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
            {pageError ? <RefusalAlert error={pageError} /> : null}
            {items.length === 0 ? (
              <Text>{state.filtered ? t('review.noMatch') : t('staff.applications.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={820} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-labelledby': 'applications-heading' } }}>
                <Table striped highlightOnHover data-testid="applications-table" style={{ opacity: fetching ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>
                        <Checkbox
                          aria-label={t('staff.applications.checkAll')}
                          checked={allChecked}
                          indeterminate={!allChecked && decidable.some((application) => checked.has(application.id))}
                          disabled={decidable.length === 0}
                          onChange={(event) => {
                            const on = event.currentTarget.checked;
                            setChecked((currentChecked) => {
                              const next = new Map(currentChecked);
                              for (const application of decidable) {
                                if (on) next.set(application.id, application);
                                else next.delete(application.id);
                              }
                              return next;
                            });
                          }}
                        />
                      </Table.Th>
                      <Table.Th>{t('staff.applications.applicant')}</Table.Th>
                      <Table.Th>{t('staff.applications.country')}</Table.Th>
                      <Table.Th>{t('review.filters.gender')}</Table.Th>
                      <Table.Th>{t('review.table.submitted')}</Table.Th>
                      <Table.Th>{t('staff.applications.status')}</Table.Th>
                      <Table.Th>{t('staff.applications.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((application) => (
                      <Table.Tr key={application.id} data-testid={`application-${application.id}`}>
                        <Table.Td>
                          <Checkbox
                            aria-label={t('staff.applications.check', { name: nameOf(application) })}
                            checked={checked.has(application.id)}
                            disabled={!decidable.includes(application)}
                            onChange={(event) => check(application, event.currentTarget.checked)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Anchor component="button" type="button" fw={500} onClick={() => setOpened(application)} aria-label={t('review.table.open', { name: nameOf(application) })}>
                            {nameOf(application)}
                          </Anchor>
                          <Text size="sm" c="gray.7" truncate="end" maw={240} title={application.applicant.email}>
                            {application.applicant.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>{countryName(application.country)}</Table.Td>
                        <Table.Td>{application.applicant.gender ? t(`review.genders.${application.applicant.gender}`) : '—'}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(String(application.submittedAt).slice(0, 10))}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={application.status} group="application" />
                          {application.waitlistPosition !== null && (
                            <Text size="sm" c="gray.7">
                              {t('staff.applications.position', { position: application.waitlistPosition })}
                            </Text>
                          )}
                          {application.endorsedAt && (
                            <Text size="sm" c="gray.7" data-testid="endorsement">
                              {application.nominationRank !== null ? t('review.table.endorsedRank', { rank: application.nominationRank }) : t('review.table.endorsed')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="wrap">
                            {rowButtons(application)}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Group justify="space-between" mt="md" component="nav" aria-label={t('review.pager.nav')} data-testid="pager">
              <Text size="sm" aria-live="polite" data-testid="page-summary">
                {t('review.pager.summary', { page: pageNumber, pages, total: page.total })}
              </Text>
              <Group gap="xs">
                <Select
                  aria-label={t('review.pager.size')}
                  data={PAGE_SIZES.map((size) => ({ value: String(size), label: t('review.pager.perPage', { count: size }) }))}
                  value={String(state.pageSize)}
                  onChange={(value) => value && state.setPageSize(Number(value))}
                  allowDeselect={false}
                  w={150}
                />
                <Button variant="default" onClick={onPrevious} disabled={pageNumber <= 1}>
                  {t('review.pager.previous')}
                </Button>
                <Button variant="default" onClick={onNext} disabled={!page.nextCursor} loading={fetching && pageNumber > 1}>
                  {t('review.pager.next')}
                </Button>
              </Group>
            </Group>
          </section>

          <section aria-labelledby="waitlist-heading">
            <Title order={2} size="h4" id="waitlist-heading" mt="xl" mb="xs">
              {t('staff.applications.waitlist')}
            </Title>
            {waitlist.isPending ? (
              <Loading />
            ) : waitlist.items.length === 0 ? (
              <Text>{t('staff.applications.waitlistEmpty')}</Text>
            ) : (
              <Stack gap={4} component="ol" data-testid="waitlist">
                {[...waitlist.items]
                  .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0))
                  .map((application) => (
                    <li key={application.id}>
                      {nameOf(application)} · {countryName(application.country)}
                    </li>
                  ))}
              </Stack>
            )}
          </section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <BalancePanel balance={balance.data} error={balance.error} checked={preview} />
        </Grid.Col>
      </Grid>

      <DossierDrawer
        application={dossier}
        onClose={() => setOpened(null)}
        actions={
          dossier && (
            <Group gap={6} wrap="wrap">
              {rowButtons(dossier)}
            </Group>
          )
        }
      />

      <Modal
        opened={dialog?.action === 'reject' || dialog?.action === 'attend'}
        onClose={() => setDialog(null)}
        title={dialog ? t(`staff.applications.dialog.${dialog.action}`, { name: nameOf(dialog.application) }) : ''}
        closeButtonProps={{ 'aria-label': t('review.closeDialog') }}
      >
        <form onSubmit={submitDialog}>
          {decide.isError && <RefusalAlert error={decide.error} />}
          {dialog?.action === 'reject' ? (
            <>
              <Text size="sm" mb="xs">
                {t('review.confirm.reject.text')}
              </Text>
              <Textarea label={t('staff.applications.reason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} required autosize minRows={2} data-autofocus />
            </>
          ) : (
            <NumberInput label={t('staff.applications.attendedDays')} value={days} onChange={setDays} min={0} max={activity.lengthDays ?? 366} required allowDecimal={false} data-autofocus />
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
      {(dialog?.action === 'complete' || dialog?.action === 'no-show') && (
        <ConfirmDialog
          opened
          title={t(`review.confirm.${dialog.action}.title`, { name: nameOf(dialog.application) })}
          text={t(`review.confirm.${dialog.action}.text`, { name: nameOf(dialog.application) })}
          confirmLabel={t(`review.confirm.${dialog.action}.button`)}
          loading={decide.isPending}
          error={decide.isError ? <RefusalAlert error={decide.error} /> : null}
          onClose={() => setDialog(null)}
          onConfirm={() => submitDialog()}
        />
      )}
      <ConfirmDialog
        opened={confirmBulk}
        title={t('review.confirm.rejectMany.title', { count: checked.size })}
        text={t('review.confirm.rejectMany.text', { count: checked.size, reason: bulkReason.trim() })}
        confirmLabel={t('review.confirm.rejectMany.button', { count: checked.size })}
        loading={bulk.isPending}
        onClose={() => setConfirmBulk(false)}
        onConfirm={() => bulk.mutate()}
      />
    </>
  );
}
