import { Alert, Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { LoadMore } from '../../../components/LoadMore';
import stacked from '../../../components/StackedTable.module.css';
import { useMyApplications, useMyDrafts } from '../api';
import { StatusBadge } from '../components/StatusBadge';

/** The applicant's dashboard: every application with its status, waitlist position and dates. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const applications = useMyApplications();
  const drafts = useMyDrafts();

  return (
    <>
      <PageTitle>{t('applicant.applications.title')}</PageTitle>
      <Group justify="space-between" mb="md">
        <Text>{t('applicant.applications.intro')}</Text>
        <Button component={Link} to="/catalogue" variant="default">
          {t('applicant.applications.findActivity')}
        </Button>
      </Group>
      {drafts.count > 0 && (
        <section aria-labelledby="drafts" data-testid="drafts">
          <Text component="h2" fw={700} size="lg" id="drafts" mb="xs">
            {t('applicant.drafts.title')}
          </Text>
          <ul className="plain-list">
            {drafts.items.map((draft) => (
              <li key={draft.activityId} style={{ marginBottom: 8 }}>
                <Group gap="sm" wrap="wrap">
                  <Anchor component={Link} to={`/catalogue/${draft.activityId}/apply`} fw={600}>
                    {t('applicant.drafts.continue', { title: draft.activityTitle })}
                  </Anchor>
                  <Text size="sm" c="gray.7">
                    {t('applicant.drafts.saved', { date: formatDate(draft.updatedAt) })}
                    {draft.applicationDeadline ? ` · ${t('applicant.drafts.deadline', { date: formatDate(draft.applicationDeadline) })}` : ''}
                  </Text>
                </Group>
              </li>
            ))}
          </ul>
          <LoadMore list={drafts} />
        </section>
      )}
      {applications.isPending && <Loading />}
      {applications.isError && <ErrorMessage error={applications.error} onRetry={() => void applications.refetch()} />}
      {applications.isSuccess && applications.count === 0 && (
        <Alert color="blue" c="dark.8">
          {t('applicant.applications.empty')}
        </Alert>
      )}
      {applications.count > 0 && (
        <>
          <Table.ScrollContainer minWidth={0}>
            <Table striped highlightOnHover data-testid="my-applications" className={stacked.stacked}>
              <Table.Caption>{t('applicant.applications.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('applicant.applications.activity')}</Table.Th>
                  <Table.Th scope="col">{t('applicant.applications.starts')}</Table.Th>
                  <Table.Th scope="col">{t('applicant.applications.submitted')}</Table.Th>
                  <Table.Th scope="col">{t('applicant.applications.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {applications.items.map((application) => (
                  <Table.Tr key={application.id} data-testid="application-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/my/applications/${application.id}`} fw={600}>
                        {application.activityTitle}
                      </Anchor>
                      <Text size="sm" c="gray.7">
                        {application.activityCode}
                      </Text>
                    </Table.Td>
                    <Table.Td data-label={t('applicant.applications.starts')}>{application.activityStartDate ? formatDate(application.activityStartDate) : '—'}</Table.Td>
                    <Table.Td data-label={t('applicant.applications.submitted')}>{formatDate(application.submittedAt)}</Table.Td>
                    <Table.Td data-label={t('applicant.applications.status')}>
                      <StatusBadge status={application.status} />
                      {application.status === 'waitlisted' && application.waitlistPosition !== null && (
                        <Text size="sm" c="gray.7" mt={4}>
                          {t('applicant.applications.waitlistPosition', { position: application.waitlistPosition })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore list={applications} />
        </>
      )}
    </>
  );
}
