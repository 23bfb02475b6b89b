import { Alert, Anchor, Button, Group, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useReferenceNames } from '../../../api/reference';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { StatusBadge } from '../../applications/components/StatusBadge';
import { REQUEST_STATUSES } from '../../../api/enums';
import { useRequests, type RequestStatus } from '../api';

const ALL = 'all';

/** The national TA requests of the focal point's country. */
export function RequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = (REQUEST_STATUSES as readonly string[]).includes(raw ?? '') ? (raw as RequestStatus) : null;
  const requests = useRequests(status);
  const names = useReferenceNames();
  const items = requests.items;

  return (
    <>
      <PageTitle>{t('focal.requests.title')}</PageTitle>
      <Group justify="space-between" align="flex-end" mb="md">
        <Select
          label={t('focal.requests.filter')}
          maw={320}
          allowDeselect={false}
          value={status ?? ALL}
          onChange={(value) => setParams(value && value !== ALL ? { status: value } : {}, { replace: true })}
          data={[{ value: ALL, label: t('focal.requests.all') }, ...REQUEST_STATUSES.map((value) => ({ value, label: t(`focal.requestStatus.${value}`) }))]}
        />
        <Button component={Link} to="/focal/requests/new">
          {t('focal.requests.new')}
        </Button>
      </Group>
      {requests.isPending && <Loading />}
      {requests.isError && <ErrorMessage error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.isSuccess && items.length === 0 && (
        <Alert color="blue" c="dark.8">
          {t('focal.requests.empty')}
        </Alert>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="requests">
            <Table.Caption>{t('focal.requests.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('focal.requests.topics')}</Table.Th>
                <Table.Th scope="col">{t('focal.requests.quarter')}</Table.Th>
                <Table.Th scope="col">{t('focal.requests.created')}</Table.Th>
                <Table.Th scope="col">{t('focal.requests.status')}</Table.Th>
                <Table.Th scope="col">{t('focal.requests.decisionReason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((request) => (
                <Table.Tr key={request.id} data-testid="request-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/focal/requests/${request.id}`} fw={600}>
                      {names.topics(request.topics)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{request.preferredQuarter}</Table.Td>
                  <Table.Td>{formatDate(request.createdAt)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={request.status} group="focal.requestStatus" />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{request.decisionReason ?? '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore list={requests} />
    </>
  );
}
