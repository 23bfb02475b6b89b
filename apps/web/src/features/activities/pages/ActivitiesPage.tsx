import { Anchor, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { LoadMore } from '../../../components/LoadMore';
import { StatusBadge } from '../../../components/StatusBadge';
import { usePlans } from '../../plans/api';
import { useActivities, type ActivitySearch } from '../api';
import { ACTIVITY_STATUSES } from '../../../api/enums';
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
              <Table.Td>
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

/** A month of activities on a grid of weeks, each activity on the days it runs. */
export function CalendarPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const month = dayjs(params.get('month') ? `${params.get('month')}-01` : undefined).startOf('month');
  const first = month.startOf('week');
  const last = month.endOf('month').endOf('week');
  // Every activity of the month, however many: the hook follows the pages to the last one.
  const activities = useActivities({ from: month.format('YYYY-MM-DD'), to: month.endOf('month').format('YYYY-MM-DD') }, { all: true });
  const go = (offset: number) => setParams(new URLSearchParams({ month: month.add(offset, 'month').format('YYYY-MM') }), { replace: true });

  const days: dayjs.Dayjs[] = [];
  for (let day = first; !day.isAfter(last, 'day'); day = day.add(1, 'day')) days.push(day);
  const weeks = Array.from({ length: days.length / 7 }, (_, index) => days.slice(index * 7, index * 7 + 7));
  const on = (day: dayjs.Dayjs) =>
    activities.items.filter((activity) => {
      if (!activity.startDate) return false;
      const start = dayjs(activity.startDate);
      const end = dayjs(activity.endDate ?? activity.startDate);
      return !day.isBefore(start, 'day') && !day.isAfter(end, 'day');
    });

  return (
    <>
      <PageTitle>{t('staff.calendar.title')}</PageTitle>
      <Group justify="space-between" mb="md">
        <Button variant="default" onClick={() => go(-1)}>
          {t('staff.calendar.previous')}
        </Button>
        <Title order={2} size="h3" id="calendar-month" aria-live="polite">
          {month.format('MMMM YYYY')}
        </Title>
        <Button variant="default" onClick={() => go(1)}>
          {t('staff.calendar.next')}
        </Button>
      </Group>
      {activities.isError && <ErrorMessage error={activities.error} onRetry={() => void activities.refetch()} />}
      {activities.isPending ? (
        <Loading />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table withColumnBorders aria-labelledby="calendar-month" data-testid="calendar" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  {weeks[0].map((day) => (
                    <Table.Th key={day.format('d')} scope="col">
                      {day.format('ddd')}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {weeks.map((week) => (
                  <Table.Tr key={week[0].format('YYYY-MM-DD')}>
                    {week.map((day) => (
                      <Table.Td key={day.format('YYYY-MM-DD')} valign="top" bg={day.month() === month.month() ? undefined : 'gray.0'} style={{ height: 96 }}>
                        <Text size="sm" fw={600} c={day.month() === month.month() ? 'dark.8' : 'gray.7'}>
                          <time dateTime={day.format('YYYY-MM-DD')} aria-label={day.format('LL')}>
                            {day.date()}
                          </time>
                        </Text>
                        {on(day).map((activity) => (
                          <UnstyledButton
                            key={activity.id}
                            component={Link}
                            to={`/staff/activities/${activity.id}`}
                            display="block"
                            fz="xs"
                            mt={2}
                            px={4}
                            bg="blue.0"
                            c="dark.8"
                            style={{ borderRadius: 4, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                            title={`${activity.code} · ${activity.title}`}
                          >
                            {activity.code} {activity.title}
                          </UnstyledButton>
                        ))}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
