import { Anchor, Button, Group, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { MAX_PAGE_SIZE, PAGE_SIZE } from '../../../api/usePagedList';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDateRange } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { LoadMore } from '../../../components/LoadMore';
import { PageTitle } from '../../../components/PageTitle';
import { StatusBadge } from '../../../components/StatusBadge';
import { useActivities, useActivityCount, useCountryOptions } from '../api';
import { ACTIVITY_SORTS, ActivityFilters, searchFromParams, setParam } from '../components/ActivityFilters';
import type { ActivityListItem } from '../types';

const PAGE_SIZES = [String(PAGE_SIZE), '100', String(MAX_PAGE_SIZE)];

/** Every activity: filters, words or a code, sorting and page size live in the address, so a list can be shared. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = searchFromParams(params);
  const size = PAGE_SIZES.includes(params.get('size') ?? '') ? Number(params.get('size')) : PAGE_SIZE;
  const activities = useActivities(search, { pageSize: size });
  const count = useActivityCount(search);
  const total = count.data?.total;
  const planId = params.get('planId');
  const newActivity = `/staff/activities/new${planId ? `?planId=${planId}${params.get('productId') ? `&productId=${params.get('productId')}` : ''}` : ''}`;

  return (
    <>
      <PageTitle>{t('staff.activities.title')}</PageTitle>
      <Group mb="md" gap="sm">
        <Button component={Link} to={newActivity}>
          {t('staff.activities.new')}
        </Button>
        {planId && (
          <Button component={Link} to={`/staff/plans/${planId}?tab=import`} variant="default">
            {t('staff.activities.import')}
          </Button>
        )}
        <Anchor component={Link} to={`/staff/calendar${params.toString() ? `?${params.toString()}` : ''}`}>
          {t('staff.activities.calendarLink')}
        </Anchor>
      </Group>
      <ActivityFilters key={params.get('q') ?? ''} params={params} setParams={setParams} />
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <Text fw={600} aria-live="polite" data-testid="match-count">
          {total === undefined ? '' : t('staff.activities.matches', { count: total })}
        </Text>
        <Group gap="sm" align="flex-end">
          <Select
            label={t('staff.activities.sort')}
            allowDeselect={false}
            w={220}
            data={ACTIVITY_SORTS.map((value) => ({ value, label: t(`staff.activities.sorts.${value}`) }))}
            value={params.get('sort') ?? 'startDate'}
            onChange={(value) => setParam(setParams, 'sort', value === 'startDate' ? null : value)}
          />
          <Select
            label={t('staff.activities.pageSize')}
            allowDeselect={false}
            w={120}
            data={PAGE_SIZES}
            value={String(size)}
            onChange={(value) => setParam(setParams, 'size', value === String(PAGE_SIZE) ? null : value)}
          />
        </Group>
      </Group>
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
  const countries = useCountryOptions();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid="activities-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staff.activities.code')}</Table.Th>
            <Table.Th>{t('staff.activities.name')}</Table.Th>
            <Table.Th>{t('staff.activities.status')}</Table.Th>
            <Table.Th>{t('staff.activities.type')}</Table.Th>
            <Table.Th>{t('staff.activities.mode')}</Table.Th>
            <Table.Th>{t('staff.activities.where')}</Table.Th>
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
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge status={activity.status} group="activity" />
              </Table.Td>
              <Table.Td>{t(`types.${activity.type}`)}</Table.Td>
              <Table.Td>{t(`modes.${activity.deliveryMode}`)}</Table.Td>
              <Table.Td>
                {activity.type === 'national'
                  ? countries.nameOf(activity.beneficiaryCountries[0])
                  : activity.type === 'regional'
                    ? t('staff.activities.countries', { count: activity.beneficiaryCountries.length })
                    : t('staff.activities.everyCountry')}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateRange(activity.startDate, activity.endDate)}
              </Table.Td>
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
