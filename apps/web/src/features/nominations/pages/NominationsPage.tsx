import { Alert, Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { APPLICATION_STATUSES } from '../../../api/enums';
import type { ApplicationStatus } from '../../applications/api';
import { StatusBadge } from '../../applications/components/StatusBadge';
import { nominationActivityKeys, nominationKeys, useNominationActivities, useNominations } from '../api';
import { NominationDialog, type Nominating } from '../components/NominationDialog';

const ALL = 'all';

/** The applications of the focal point's country to activities that need a nomination: endorse or decline. */
export function NominationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? 'submitted';
  const status = (APPLICATION_STATUSES as readonly string[]).includes(raw) ? (raw as ApplicationStatus) : null;
  const nominations = useNominations(status);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Nominating>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: nominationKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: nominationActivityKeys.all }),
    ]);
  const quotas = useNominationActivities();

  const items = nominations.items;
  return (
    <>
      <PageTitle>{t('focal.nominations.title')}</PageTitle>
      <Text mb="md">{t('focal.nominations.intro')}</Text>
      <ActivitiesWithQuota />
      <Select
        label={t('focal.nominations.filter')}
        maw={320}
        mb="md"
        allowDeselect={false}
        value={status ?? ALL}
        onChange={(value) => {
          setDone(null);
          setParams(value && value !== 'submitted' ? { status: value } : {}, { replace: true });
        }}
        data={[{ value: ALL, label: t('focal.nominations.all') }, ...APPLICATION_STATUSES.map((value) => ({ value, label: t(`applicant.status.${value}`) }))]}
      />
      {done && (
        <Alert color="green" c="dark.8" mb="md" role="status">
          {done}
        </Alert>
      )}
      {nominations.isPending && <Loading />}
      {nominations.isError && <ErrorMessage error={nominations.error} onRetry={() => void nominations.refetch()} />}
      {nominations.isSuccess && items.length === 0 && (
        <Alert color="blue" c="dark.8">
          {t('focal.nominations.empty')}
        </Alert>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="nominations">
            <Table.Caption>{t('focal.nominations.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('focal.nominations.applicant')}</Table.Th>
                <Table.Th scope="col">{t('focal.nominations.activity')}</Table.Th>
                <Table.Th scope="col">{t('focal.nominations.submitted')}</Table.Th>
                <Table.Th scope="col">{t('focal.nominations.status')}</Table.Th>
                <Table.Th scope="col">{t('focal.nominations.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((application) => {
                const name = application.applicant.fullName ?? application.applicant.email;
                return (
                  <Table.Tr key={application.id} data-testid="nomination-row">
                    <Table.Td>
                      <Text fw={600}>{name}</Text>
                      <Text size="sm" c="gray.7">
                        {[application.applicant.position, application.applicant.institution].filter(Boolean).join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text>{application.activityTitle}</Text>
                      <Text size="sm" c="gray.7">
                        {application.activityCode}
                        {application.activityStartDate ? ` · ${formatDate(application.activityStartDate)}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDate(application.submittedAt)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={application.status} />
                      {application.nominationReason && (
                        <Text size="sm" c="gray.7" mt={4}>
                          {application.nominationReason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {(can(application, 'endorse') || can(application, 'decline')) && (
                        <Group gap="xs" wrap="nowrap">
                          {can(application, 'endorse') && (
                          <Button size="xs" onClick={() => setConfirming({ kind: 'endorse', applications: [application] })} aria-label={t('focal.nominations.endorseWho', { name })}>
                            {t('focal.nominations.endorse')}
                          </Button>
                          )}
                          {can(application, 'decline') && (
                          <Button size="xs" color="red.9" variant="outline" onClick={() => setConfirming({ kind: 'decline', applications: [application] })} aria-label={t('focal.nominations.declineWho', { name })}>
                            {t('focal.nominations.decline')}
                          </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore list={nominations} />
      <NominationDialog
        confirming={confirming}
        left={confirming ? (quotas.items.find((item) => item.activityId === confirming.applications[0].activityId)?.left ?? null) : null}
        onClose={() => setConfirming(null)}
        onDone={async (message) => {
          setConfirming(null);
          setDone(message);
          await refresh();
        }}
      />
    </>
  );
}

/** The activities waiting for the country's nominations, with the quota used and left; each opens its candidates. */
function ActivitiesWithQuota() {
  const { t } = useTranslation();
  const activities = useNominationActivities();
  if (activities.isPending) return <Loading />;
  if (activities.isError) return <ErrorMessage error={activities.error} onRetry={() => void activities.refetch()} />;
  if (activities.items.length === 0) return null;
  return (
    <section aria-labelledby="by-activity" style={{ marginBottom: 24 }}>
      <Title order={2} size="h4" id="by-activity" mb="xs">
        {t('focal.activity.byActivity')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" className="plain-list" data-testid="nomination-activities">
        {activities.items.map((activity) => (
          <li key={activity.activityId}>
            <Card withBorder padding="md" h="100%">
              <Stack gap={4}>
                <Anchor component={Link} to={`/focal/nominations/${activity.activityId}`} fw={600}>
                  {activity.activityTitle}
                </Anchor>
                <Text size="sm" c="gray.7">
                  {activity.activityCode}
                  {activity.startDate ? ` · ${formatDate(activity.startDate)}` : ''}
                </Text>
                <Text size="sm" fw={600}>
                  {t('focal.activity.quota', { endorsed: activity.endorsed, quota: activity.quota, left: activity.left })}
                </Text>
                <Text size="sm">{t('focal.activity.facts', { candidates: activity.candidates, waiting: activity.waiting })}</Text>
              </Stack>
            </Card>
          </li>
        ))}
      </SimpleGrid>
      <LoadMore list={activities} />
    </section>
  );
}
