import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { LoadMore } from '../../../components/LoadMore';
import { PageTitle } from '../../../components/PageTitle';
import { usePlans } from '../api';


/** Every TA Plan, newest first. */
export function PlansPage() {
  const { t } = useTranslation();
  const plans = usePlans();
  return (
    <>
      <PageTitle>{t('staff.plans.title')}</PageTitle>
      {plans.isPending && <Loading />}
      {plans.isError && <ErrorMessage error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.isSuccess && plans.count === 0 && <Text>{t('staff.plans.empty')}</Text>}
      {plans.isSuccess && plans.count > 0 && (
        <>
          <Table.ScrollContainer minWidth={600}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staff.plans.code')}</Table.Th>
                  <Table.Th>{t('staff.plans.name')}</Table.Th>
                  <Table.Th>{t('staff.plans.period')}</Table.Th>
                  <Table.Th>{t('staff.plans.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plans.items.map((plan) => (
                  <Table.Tr key={plan.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/staff/plans/${plan.id}`}>
                        {plan.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{plan.title}</Table.Td>
                    <Table.Td>
                      {formatDate(plan.periodStart)} – {formatDate(plan.periodEnd)}
                    </Table.Td>
                    <Table.Td>{t(`staff.plans.planStatus.${plan.status}`, { defaultValue: plan.status })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore list={plans} />
        </>
      )}
    </>
  );
}
