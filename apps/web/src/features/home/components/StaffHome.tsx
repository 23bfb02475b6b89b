import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate, formatNumber } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { StatusBadge } from '../../../components/StatusBadge';
import { useStaffHome, type HomeActivity } from '../api';
import { HomeRow, HomeSection, RequestRow } from './HomeSection';

function ActivityTitle({ activity, to }: { activity: HomeActivity; to: string }) {
  return (
    <Anchor component={Link} to={to}>
      {activity.code} · {activity.title}
    </Anchor>
  );
}

/** Staff's home: applications to review; activities needing action (deadline passed, sheet missing, no back-to-office report); national requests. */
export function StaffHome() {
  const { t } = useTranslation();
  const home = useStaffHome();
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorMessage error={home.error} onRetry={() => void home.refetch()} />;
  const { applicationsToReview, applicationsPending, deadlinePassed, sheetMissing, reportMissing, requestsToReview } = home.data;
  const starts = (activity: HomeActivity) => (activity.startDate ? t('home.starts', { date: formatDate(activity.startDate) }) : t('home.noDate'));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <HomeSection
          title={t('home.staff.review', { count: applicationsPending, formatted: formatNumber(applicationsPending) })}
          total={applicationsToReview.total}
          shown={applicationsToReview.items.length}
          empty={t('home.staff.noReview')}
          link="/staff/activities?status=confirmed,open,closed"
          linkLabel={t('home.staff.scheduledActivities')}
          testId="home-review"
        >
          {applicationsToReview.items.map(({ activity, pending }) => (
            <HomeRow
              key={activity.id}
              testId="home-review-row"
              title={<ActivityTitle activity={activity} to={`/staff/activities/${activity.id}/applications`} />}
              details={starts(activity)}
              side={
                <Text size="sm" fw={700}>
                  {t('home.staff.pending', { count: pending, formatted: formatNumber(pending) })}
                </Text>
              }
            />
          ))}
        </HomeSection>
        <HomeSection
          title={t('home.staff.requests')}
          total={requestsToReview.total}
          shown={requestsToReview.items.length}
          empty={t('home.staff.noRequests')}
          link="/staff/requests"
          linkLabel={t('home.staff.allRequests')}
          testId="home-staff-requests"
        >
          {requestsToReview.items.map((request) => (
            <RequestRow key={request.id} request={request} to={`/staff/requests/${request.id}`} testId="home-staff-request" />
          ))}
        </HomeSection>
      </SimpleGrid>
      <Text component="h2" fw={700} fz="h3" mt="sm">
        {t('home.staff.needingAction')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <HomeSection
          title={t('home.staff.deadlinePassed')}
          total={deadlinePassed.total}
          shown={deadlinePassed.items.length}
          empty={t('home.staff.noDeadlinePassed')}
          link="/staff/activities?status=open,closed"
          linkLabel={t('home.staff.openAndClosed')}
          alwaysLink={false}
          testId="home-deadline-passed"
        >
          {deadlinePassed.items.map(({ activity, pending }) => (
            <HomeRow
              key={activity.id}
              testId="home-deadline-row"
              title={<ActivityTitle activity={activity} to={`/staff/activities/${activity.id}`} />}
              details={
                <>
                  {t('home.staff.deadlineWas', { date: formatDate(activity.applicationDeadline) })}
                  {pending > 0 ? ` · ${t('home.staff.pending', { count: pending, formatted: formatNumber(pending) })}` : ''}
                </>
              }
              side={<StatusBadge status={activity.status} group="activity" />}
            />
          ))}
        </HomeSection>
        <HomeSection
          title={t('home.staff.sheetMissing')}
          total={sheetMissing.total}
          shown={sheetMissing.items.length}
          empty={t('home.staff.noSheetMissing')}
          link="/staff/activities?status=planned,confirmed"
          linkLabel={t('home.staff.plannedAndConfirmed')}
          alwaysLink={false}
          testId="home-sheet-missing"
        >
          {sheetMissing.items.map(({ activity }) => (
            <HomeRow
              key={activity.id}
              testId="home-sheet-row"
              title={<ActivityTitle activity={activity} to={`/staff/activities/${activity.id}`} />}
              details={starts(activity)}
              side={<StatusBadge status={activity.status} group="activity" />}
            />
          ))}
        </HomeSection>
        <HomeSection
          title={t('home.staff.reportMissing')}
          total={reportMissing.total}
          shown={reportMissing.items.length}
          empty={t('home.staff.noReportMissing')}
          link="/staff/activities?status=delivered"
          linkLabel={t('home.staff.delivered')}
          alwaysLink={false}
          testId="home-report-missing"
        >
          {reportMissing.items.map(({ activity }) => (
            <HomeRow
              key={activity.id}
              testId="home-report-row"
              title={<ActivityTitle activity={activity} to={`/staff/activities/${activity.id}/report`} />}
              details={starts(activity)}
            />
          ))}
        </HomeSection>
      </SimpleGrid>
    </Stack>
  );
}
