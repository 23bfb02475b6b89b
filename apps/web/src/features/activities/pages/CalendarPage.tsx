import { Anchor, Button, Group, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ACTIVITY_STATUSES } from '../../../api/enums';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate, formatDateRange } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { StatusBadge } from '../../../components/StatusBadge';
import { downloadActivityIcs, useActivities } from '../api';
import { ActivityFilters, searchFromParams } from '../components/ActivityFilters';
import type { ActivityListItem, ActivityStatus } from '../types';
import classes from './CalendarPage.module.css';

/** The colours of the statuses, as the status badges have them. */
const STATUS_COLOURS: Record<ActivityStatus, string> = {
  planned: 'gray',
  confirmed: 'blue',
  open: 'green',
  closed: 'yellow',
  delivered: 'teal',
  cancelled: 'red',
  postponed: 'orange',
};
const DAY = 'YYYY-MM-DD';

/** One activity's piece of a week: the columns it covers, and whether it goes on before or after. */
interface Segment {
  activity: ActivityListItem;
  first: number;
  span: number;
  before: boolean;
  after: boolean;
  lane: number;
}

/** The week's activities as bars, each on one lane over the days it runs (greedy: longest first among those starting together). */
function segmentsOf(activities: ActivityListItem[], weekStart: Dayjs): Segment[] {
  const weekEnd = weekStart.add(6, 'day');
  const segments: Segment[] = [];
  for (const activity of activities) {
    if (!activity.startDate) continue;
    const start = dayjs(activity.startDate);
    const end = dayjs(activity.endDate ?? activity.startDate);
    if (end.isBefore(weekStart, 'day') || start.isAfter(weekEnd, 'day')) continue;
    const from = start.isBefore(weekStart, 'day') ? weekStart : start;
    const to = end.isAfter(weekEnd, 'day') ? weekEnd : end;
    const first = from.diff(weekStart, 'day');
    segments.push({ activity, first, span: to.diff(from, 'day') + 1, before: start.isBefore(weekStart, 'day'), after: end.isAfter(weekEnd, 'day'), lane: 0 });
  }
  segments.sort((a, b) => a.first - b.first || b.span - a.span || a.activity.code.localeCompare(b.activity.code));
  const laneEnds: number[] = [];
  for (const segment of segments) {
    let lane = laneEnds.findIndex((end) => end < segment.first);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = segment.first + segment.span - 1;
    segment.lane = lane;
  }
  return segments;
}

/**
 * Activities on a month or a week: each activity one bar over the days it runs (a piece per week
 * when it crosses weeks), coloured by status, today marked, the list's filters; below, the same
 * activities as a list with each one's own calendar file (.ics).
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'week' ? 'week' : 'month';
  const anchor = dayjs(params.get('date') ?? (params.get('month') ? `${params.get('month')}-01` : undefined));
  const today = dayjs();
  const first = view === 'month' ? anchor.startOf('month').startOf('week') : anchor.startOf('week');
  const last = view === 'month' ? anchor.endOf('month').endOf('week') : anchor.endOf('week');
  const weeks: Dayjs[] = [];
  for (let week = first; !week.isAfter(last, 'day'); week = week.add(7, 'day')) weeks.push(week);
  // Every activity of the period, however many: the hook follows the pages to the last one.
  const activities = useActivities({ ...searchFromParams(params, { dates: false }), from: first.format(DAY), to: last.format(DAY) }, { all: true });

  const go = (date: Dayjs, nextView = view) => {
    const next = new URLSearchParams(window.location.search);
    next.delete('month');
    next.set('date', date.format(DAY));
    if (nextView === 'week') next.set('view', 'week');
    else next.delete('view');
    setParams(next, { replace: true });
  };
  const unit = view === 'month' ? 'month' : 'week';
  const heading =
    view === 'month' ? anchor.format('MMMM YYYY') : t('staff.calendar.weekOf', { start: formatDate(first.format(DAY)), end: formatDate(first.add(6, 'day').format(DAY)) });
  const inPeriod = activities.items.filter((activity) => activity.startDate);

  return (
    <>
      <PageTitle>{t('staff.calendar.title')}</PageTitle>
      <ActivityFilters key={params.get('q') ?? ''} params={params} setParams={setParams} dates={false} />
      <Group justify="space-between" mb="md" gap="sm">
        <Group gap="xs">
          <Button variant="default" onClick={() => go(anchor.subtract(1, unit))}>
            {t(`staff.calendar.previous.${view}`)}
          </Button>
          <Button variant="default" onClick={() => go(today)}>
            {t('staff.calendar.today')}
          </Button>
          <Button variant="default" onClick={() => go(anchor.add(1, unit))}>
            {t(`staff.calendar.next.${view}`)}
          </Button>
        </Group>
        <Title order={2} size="h3" id="calendar-period" aria-live="polite">
          {heading}
        </Title>
        <SegmentedControl
          aria-label={t('staff.calendar.view')}
          value={view}
          onChange={(value) => go(anchor, value as 'month' | 'week')}
          data={[
            { value: 'month', label: t('staff.calendar.month') },
            { value: 'week', label: t('staff.calendar.week') },
          ]}
        />
      </Group>
      <Group gap="md" mb="sm" aria-label={t('staff.calendar.legend')} role="group">
        {ACTIVITY_STATUSES.map((status) => (
          <Text key={status} size="sm">
            <span className={classes.legend} style={{ background: `var(--mantine-color-${STATUS_COLOURS[status]}-1)`, borderColor: `var(--mantine-color-${STATUS_COLOURS[status]}-7)` }} />
            {t(`status.activity.${status}`)}
          </Text>
        ))}
      </Group>
      {activities.isError && <ErrorMessage error={activities.error} onRetry={() => void activities.refetch()} />}
      {activities.isPending ? (
        <Loading />
      ) : (
        <div className={classes.scroller} tabIndex={0} role="region" aria-labelledby="calendar-period">
          <div className={`${classes.calendar} ${view === 'week' ? classes.weekView : ''}`} data-testid="calendar" data-view={view}>
            <div className={classes.weekdays} aria-hidden="true">
              {Array.from({ length: 7 }, (_, index) => first.add(index, 'day')).map((day) => (
                <div key={day.format('d')} className={classes.weekday}>
                  {view === 'week' ? day.format('ddd D MMM') : day.format('ddd')}
                </div>
              ))}
            </div>
            {weeks.map((weekStart) => (
              <Week key={weekStart.format(DAY)} weekStart={weekStart} month={view === 'month' ? anchor.month() : null} today={today} segments={segmentsOf(inPeriod, weekStart)} tall={view === 'week'} />
            ))}
          </div>
        </div>
      )}
      {activities.isSuccess && (
        <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="calendar-list">
          <Title order={2} size="h4" id="calendar-list" mb="sm">
            {t('staff.calendar.list', { count: inPeriod.length })}
          </Title>
          {inPeriod.length === 0 ? <Text>{t('staff.calendar.empty')}</Text> : <PeriodList activities={inPeriod} />}
        </Paper>
      )}
    </>
  );
}

function Week({ weekStart, month, today, segments, tall }: { weekStart: Dayjs; month: number | null; today: Dayjs; segments: Segment[]; tall: boolean }) {
  const { t } = useTranslation();
  const days = Array.from({ length: 7 }, (_, index) => weekStart.add(index, 'day'));
  return (
    <div className={classes.week} style={{ minHeight: tall ? 320 : 104 }}>
      <div className={classes.days} aria-hidden="true">
        {days.map((day) => (
          <div
            key={day.format(DAY)}
            className={`${classes.day} ${month !== null && day.month() !== month ? classes.outside : ''} ${day.isSame(today, 'day') ? classes.todayColumn : ''}`}
          />
        ))}
      </div>
      <div className={classes.lanes}>
        {days.map((day, index) => (
          <div key={day.format(DAY)} className={classes.dayNumber} style={{ gridRow: 1, gridColumn: index + 1 }}>
            <time dateTime={day.format(DAY)} aria-label={day.format('LL')} aria-current={day.isSame(today, 'day') ? 'date' : undefined}>
              <span className={day.isSame(today, 'day') ? classes.today : undefined} title={day.isSame(today, 'day') ? t('staff.calendar.todayMark') : undefined}>
                {day.date()}
              </span>
            </time>
          </div>
        ))}
        {segments.map((segment) => {
          const { activity } = segment;
          const colour = STATUS_COLOURS[activity.status];
          const dates = formatDateRange(activity.startDate, activity.endDate);
          return (
            <Link
              key={activity.id}
              to={`/staff/activities/${activity.id}`}
              className={`${classes.bar} ${segment.before ? classes.continuesBefore : ''} ${segment.after ? classes.continuesAfter : ''}`}
              style={{
                gridRow: segment.lane + 2,
                gridColumn: `${segment.first + 1} / span ${segment.span}`,
                background: `var(--mantine-color-${colour}-1)`,
                borderLeftColor: segment.before ? 'transparent' : `var(--mantine-color-${colour}-7)`,
              }}
              title={`${activity.code} · ${activity.title} · ${dates} · ${t(`status.activity.${activity.status}`)}`}
              aria-label={`${activity.code} ${activity.title}, ${dates}, ${t(`status.activity.${activity.status}`)}`}
              data-activity={activity.code}
              data-status={activity.status}
            >
              {activity.code} {activity.title}
            </Link>
          );
        })}
      </div>
    </div>
  );
}

/** The period's activities in a list, each with its .ics. */
function PeriodList({ activities }: { activities: ActivityListItem[] }) {
  const { t } = useTranslation();
  const download = useMutation({ mutationFn: (activity: ActivityListItem) => downloadActivityIcs(activity.id, activity.code) });
  return (
    <>
      <ErrorMessage error={download.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="calendar-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staff.activities.code')}</Table.Th>
              <Table.Th>{t('staff.activities.name')}</Table.Th>
              <Table.Th>{t('staff.activities.dates')}</Table.Th>
              <Table.Th>{t('staff.activities.status')}</Table.Th>
              <Table.Th>{t('staff.calendar.ics')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {activities.map((activity) => (
              <Table.Tr key={activity.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={`/staff/activities/${activity.id}`}>
                    {activity.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>{activity.title}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateRange(activity.startDate, activity.endDate)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StatusBadge status={activity.status} group="activity" />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => download.mutate(activity)}
                    loading={download.isPending && download.variables?.id === activity.id}
                    title={t('staff.calendar.icsOf', { code: activity.code })}
                  >
                    {activity.code}.ics
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
