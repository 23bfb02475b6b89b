import { Anchor, Button, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReferenceNames } from '../../../api/reference';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate, formatNumber } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { useFocalPointHome } from '../api';
import { HomeRow, HomeSection, RequestRow } from './HomeSection';
import { LatestNotifications } from './LatestNotifications';

/** The focal point's home: nominations waiting with the country's quota used and left per activity; the country's requests. */
export function FocalPointHome() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const home = useFocalPointHome();
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorMessage error={home.error} onRetry={() => void home.refetch()} />;
  const { country, nominations, nominationsWaiting, requests } = home.data;
  return (
    <Stack gap="md">
      {country && <Text>{t('home.focal.country', { country: names.country(country) })}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <HomeSection
          title={t('home.focal.nominations', { count: nominationsWaiting, formatted: formatNumber(nominationsWaiting) })}
          total={nominations.total}
          shown={nominations.items.length}
          empty={t('home.focal.noNominations')}
          link="/focal/nominations"
          linkLabel={t('home.focal.allNominations')}
          testId="home-nominations"
        >
          {nominations.items.map((row) => (
            <HomeRow
              key={row.activity.id}
              testId="home-nomination"
              title={
                <Anchor component={Link} to="/focal/nominations">
                  {row.activity.title}
                </Anchor>
              }
              details={
                <>
                  {row.activity.code}
                  {row.activity.applicationDeadline ? ` · ${t('home.deadline', { date: formatDate(row.activity.applicationDeadline) })}` : ''}
                  <br />
                  <span data-testid="quota">{t('home.focal.quota', { used: formatNumber(row.endorsed), quota: formatNumber(row.quota), left: formatNumber(row.left), count: row.left })}</span>
                  <Progress
                    mt={4}
                    value={row.quota ? (row.endorsed / row.quota) * 100 : 100}
                    color={row.left === 0 ? 'red.8' : 'trta'}
                    aria-hidden
                  />
                </>
              }
              side={
                <Text size="sm" fw={700} data-testid="waiting">
                  {t('home.focal.waiting', { count: row.waiting, formatted: formatNumber(row.waiting) })}
                </Text>
              }
            />
          ))}
        </HomeSection>
        <HomeSection
          title={t('home.focal.requests')}
          total={requests.total}
          shown={requests.items.length}
          empty={t('home.focal.noRequests')}
          link="/focal/requests"
          linkLabel={t('home.focal.allRequests')}
          testId="home-requests"
          actions={
            <Button component={Link} to="/focal/requests/new" size="compact-sm" variant="light">
              {t('home.focal.newRequest')}
            </Button>
          }
        >
          {requests.items.map((request) => (
            <RequestRow key={request.id} request={request} to={`/focal/requests/${request.id}`} testId="home-request" />
          ))}
        </HomeSection>
      </SimpleGrid>
      <LatestNotifications />
    </Stack>
  );
}
