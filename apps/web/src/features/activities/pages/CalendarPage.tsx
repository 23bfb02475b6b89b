import { Button, Group, Paper, Table, Text, Title, UnstyledButton } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { useActivities } from '../api';


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
