import { Anchor, Button, Group, MultiSelect, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ACTIVITY_STATUSES } from '../../../api/enums';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { LoadMore } from '../../../components/LoadMore';
import { PageTitle } from '../../../components/PageTitle';
import { StatusBadge } from '../../../components/StatusBadge';
import { usePlans } from '../../plans/api';
import { useActivities, type ActivitySearch } from '../api';
import type { ActivityListItem } from '../types';


/** Every activity, filtered by plan, status, type, dates and words (the filters live in the address). */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The plan picker offers every plan: the hook follows the pages to the last one.
  const plans = usePlans({ all: true });
  const [words, setWords] = useState(params.get('q') ?? '');
  const search: ActivitySearch = {
    ...(params.get('planId') ? { planId: params.get('planId')! } : {}),
    ...(params.get('status') ? { status: params.get('status')!.split(',') } : {}),
    ...(params.get('type') ? { type: [params.get('type')!] } : {}),
    ...(params.get('from') ? { from: params.get('from')! } : {}),
    ...(params.get('to') ? { to: params.get('to')! } : {}),
    ...(params.get('q') ? { q: params.get('q')! } : {}),
  };
  const activities = useActivities(search);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const submitWords = (event: FormEvent) => {
    event.preventDefault();
    set('q', words.trim() || null);
  };

  return (
    <>
      <PageTitle>{t('staff.activities.title')}</PageTitle>
      <Group mb="md">
        <Anchor component={Link} to="/staff/calendar">
          {t('staff.activities.calendarLink')}
        </Anchor>
      </Group>
      <form role="search" aria-label={t('staff.activities.search')} onSubmit={submitWords}>
        <Group align="flex-end" mb="sm">
          <TextInput label={t('staff.activities.search')} value={words} onChange={(event) => setWords(event.currentTarget.value)} style={{ flex: '1 1 260px' }} />
          <Button type="submit">{t('staff.activities.searchButton')}</Button>
        </Group>
      </form>
      <section aria-label={t('staff.activities.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} mb="lg">
          <Select
            label={t('staff.activities.plan')}
            clearable
            placeholder={t('common.any')}
            data={plans.items.map((plan) => ({ value: plan.id, label: `${plan.code} · ${plan.title}` }))}
            value={params.get('planId')}
            onChange={(value) => set('planId', value)}
          />
          <MultiSelect
            label={t('staff.activities.status')}
            clearable
            placeholder={params.get('status') ? undefined : t('common.any')}
            data={ACTIVITY_STATUSES.map((status) => ({ value: status, label: t(`status.activity.${status}`) }))}
            value={params.get('status')?.split(',') ?? []}
            onChange={(value) => set('status', value.join(',') || null)}
          />
          <Select
            label={t('staff.activities.type')}
            clearable
            placeholder={t('common.any')}
            data={['national', 'regional', 'global'].map((value) => ({ value, label: t(`types.${value}`) }))}
            value={params.get('type')}
            onChange={(value) => set('type', value)}
          />
          <TextInput type="date" label={t('staff.activities.from')} value={params.get('from') ?? ''} onChange={(event) => set('from', event.currentTarget.value || null)} />
          <TextInput type="date" label={t('staff.activities.to')} value={params.get('to') ?? ''} onChange={(event) => set('to', event.currentTarget.value || null)} />
        </SimpleGrid>
      </section>
      {activities.isPending && <Loading />}
      {activities.isError && <ErrorMessage error={activities.error} onRetry={() => void activities.refetch()} />}
      {activities.isSuccess && activities.count === 0 && <Text>{t('staff.activities.empty')}</Text>}
      {activities.isSuccess && activities.count > 0 && (
        <>
          <ActivityTable items={activities.items} />
          <LoadMore list={activities} />
        </>
      )}
    </>
  );
}

function ActivityTable({ items }: { items: ActivityListItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="activities-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staff.activities.code')}</Table.Th>
            <Table.Th>{t('staff.activities.name')}</Table.Th>
            <Table.Th>{t('staff.activities.status')}</Table.Th>
            <Table.Th>{t('staff.activities.type')}</Table.Th>
            <Table.Th>{t('staff.activities.dates')}</Table.Th>
            <Table.Th>{t('staff.activities.applications')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((activity) => (
            <Table.Tr key={activity.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/staff/activities/${activity.id}`}>
                  {activity.code}
                </Anchor>
              </Table.Td>
              <Table.Td>{activity.title}</Table.Td>
              <Table.Td>
                <StatusBadge status={activity.status} group="activity" />
              </Table.Td>
              <Table.Td>{t(`types.${activity.type}`)}</Table.Td>
              <Table.Td>{activity.startDate ? `${formatDate(activity.startDate)} – ${formatDate(activity.endDate)}` : ''}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/staff/activities/${activity.id}/applications`} aria-label={t('staff.activities.applicationsOf', { code: activity.code })}>
                  {t('staff.activities.applications')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
