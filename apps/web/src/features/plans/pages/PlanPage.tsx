import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { downloadBlob } from '../../../api/download';
import { ACTIVITY_STATUSES } from '../../../api/enums';
import { useReferenceNames } from '../../../api/reference';
import { Allowed } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate, formatMoney } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { notifySuccess } from '../../../components/notify';
import { PageTitle } from '../../../components/PageTitle';
import { StatusBadge } from '../../../components/StatusBadge';
import { useMatrix, usePlan, usePlanTransition, type Plan } from '../api';


/** One plan: its products, key results and the products matrix with its downloads. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  const plan = usePlan(id);
  const matrix = useMatrix(id);
  const matrixDownload = useMutation({
    mutationFn: ({ format, code }: { format: 'csv' | 'xlsx'; code: string }) =>
      downloadBlob(api.GET('/api/ta-plans/{id}/matrix', { params: { path: { id }, query: { format } }, parseAs: 'blob' }), `matrix-${code}.${format}`),
  });
  const money = (value: string | null | undefined) => formatMoney(value, i18n.language);

  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorMessage error={plan.error} onRetry={() => void plan.refetch()} />;
  const current = plan.data;
  const download = (format: 'csv' | 'xlsx') => matrixDownload.mutate({ format, code: current.code });

  return (
    <>
      <PageTitle title={`${current.code} · ${current.title}`}>
        {t('staff.plans.plan')} {current.code} · {current.title}
      </PageTitle>
      <Text mb="md">
        {formatDate(current.periodStart)} – {formatDate(current.periodEnd)} · {t(`staff.plans.planStatus.${current.status}`, { defaultValue: current.status })}
        {current.ceilingPerCountry !== null && ` · ${t('staff.plans.ceiling', { count: current.ceilingPerCountry })}`}
      </Text>
      <PlanLifecycle plan={current} />
      <Group mb="lg">
        <Anchor component={Link} to={`/staff/activities?planId=${id}`}>
          {t('staff.plans.activities')}
        </Anchor>
        <Anchor href={`/api/ta-plans/${id}/document.pdf`}>{t('staff.plans.document')}</Anchor>
      </Group>

      <section aria-labelledby="products-heading">
        <Title order={2} size="h3" id="products-heading" mb="sm">
          {t('staff.plans.products')}
        </Title>
        {/* Focusable, so that a keyboard can scroll it where it is wider than the screen. */}
        <Table.ScrollContainer minWidth={600} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-labelledby': 'products-heading' } }}>
          <Table striped mb="lg">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.plans.code')}</Table.Th>
                <Table.Th>{t('staff.plans.name')}</Table.Th>
                <Table.Th>{t('staff.plans.category')}</Table.Th>
                <Table.Th ta="right">{t('staff.plans.plannedBudget')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {current.products.map((product) => (
                <Table.Tr key={product.id}>
                  <Table.Td>{product.code}</Table.Td>
                  <Table.Td>{product.name}</Table.Td>
                  <Table.Td>{names.productCategory(product.category)}</Table.Td>
                  <Table.Td ta="right">{money(product.plannedBudget)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      {current.keyResults.length > 0 && (
        <section aria-labelledby="key-results-heading">
          <Title order={2} size="h3" id="key-results-heading" mb="sm">
            {t('staff.plans.keyResults')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
            {current.keyResults.map((result) => (
              <Paper withBorder p="sm" key={result.id}>
                <Text fw={600}>
                  {result.code} · {result.title}
                </Text>
                {result.indicators.map((indicator) => (
                  <Text size="sm" key={indicator.id}>
                    {indicator.description}: {t('staff.plans.target', { target: indicator.target, unit: indicator.unit })}
                  </Text>
                ))}
              </Paper>
            ))}
          </SimpleGrid>
        </section>
      )}

      <section aria-labelledby="matrix-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="matrix-heading">
            {t('staff.plans.matrix')}
          </Title>
          <Group gap="sm">
            <Button variant="default" size="compact-md" onClick={() => download('csv')}>
              {t('staff.plans.downloadCsv')}
            </Button>
            <Button variant="default" size="compact-md" onClick={() => download('xlsx')}>
              {t('staff.plans.downloadXlsx')}
            </Button>
          </Group>
        </Group>
        <ErrorMessage error={matrixDownload.error} />
        {matrix.isPending && <Loading />}
        {matrix.isError && <ErrorMessage error={matrix.error} onRetry={() => void matrix.refetch()} />}
        {matrix.isSuccess && (
          <Table.ScrollContainer minWidth={900} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-labelledby': 'matrix-heading' } }}>
            <Table striped withTableBorder data-testid="matrix" aria-labelledby="matrix-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('staff.plans.product')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('staff.plans.activityCount')}
                  </Table.Th>
                  {ACTIVITY_STATUSES.map((status) => (
                    <Table.Th scope="col" key={status} ta="right">
                      {t(`status.activity.${status}`)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col" ta="right">
                    {t('staff.plans.plannedBudget')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('staff.plans.budgetPlannedTotal')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('staff.plans.budgetActualTotal')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {matrix.data.products.map((product) => (
                  <Table.Tr key={product.productId}>
                    <Table.Th scope="row">
                      {product.code} · {product.name}
                    </Table.Th>
                    <Table.Td ta="right">{product.activityCount}</Table.Td>
                    {ACTIVITY_STATUSES.map((status) => (
                      <Table.Td key={status} ta="right">
                        {product.byStatus[status]}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">{money(product.plannedBudget)}</Table.Td>
                    <Table.Td ta="right">{money(product.budgetPlannedTotal)}</Table.Td>
                    <Table.Td ta="right">{money(product.budgetActualTotal)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('staff.plans.totals')}</Table.Th>
                  <Table.Th ta="right">{matrix.data.totals.activityCount}</Table.Th>
                  {ACTIVITY_STATUSES.map((status) => (
                    <Table.Th key={status} ta="right">
                      {matrix.data.totals.byStatus[status]}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{money(matrix.data.totals.plannedBudget)}</Table.Th>
                  <Table.Th ta="right">{money(matrix.data.totals.budgetPlannedTotal)}</Table.Th>
                  <Table.Th ta="right">{money(matrix.data.totals.budgetActualTotal)}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
        {matrix.isSuccess &&
          matrix.data.products
            .filter((product) => product.activities.length > 0)
            .map((product) => (
              <Paper withBorder p="sm" mt="md" key={product.productId}>
                <Title order={3} size="h5" mb="xs">
                  {product.code} · {product.name}
                </Title>
                <Table.ScrollContainer minWidth={560}>
                  <Table>
                    <Table.Tbody>
                      {product.activities.map((activity) => (
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
                          <Table.Td>{formatDate(activity.startDate)}</Table.Td>
                          <Table.Td ta="right">{money(activity.budgetPlanned)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            ))}
      </section>
    </>
  );
}

/** Adopt / Close, each shown only when the plan's `allowedActions` has it. */
function PlanLifecycle({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const transition = usePlanTransition(plan.id);
  const [confirming, confirm] = useDisclosure(false);
  const close = () =>
    transition.mutate('close', {
      onSuccess: () => {
        confirm.close();
        notifySuccess(t('staff.plans.closed', { code: plan.code }), t('common.close'));
      },
    });
  return (
    <Allowed record={plan} action={['adopt', 'close']}>
      <ErrorMessage error={transition.error} />
      <Group mb="md" gap="sm" role="group" aria-label={t('staff.plans.lifecycle')}>
        <Allowed record={plan} action="adopt">
          <Button
            loading={transition.isPending && transition.variables === 'adopt'}
            onClick={() => transition.mutate('adopt', { onSuccess: () => notifySuccess(t('staff.plans.adopted', { code: plan.code }), t('common.close')) })}
          >
            {t('staff.plans.adopt')}
          </Button>
        </Allowed>
        <Allowed record={plan} action="close">
          <Button variant="default" onClick={confirm.open}>
            {t('staff.plans.closePlan')}
          </Button>
          {/* Closing freezes the products and the results framework for good: the person confirms it. */}
          <Modal opened={confirming} onClose={confirm.close} title={t('staff.plans.closeTitle', { code: plan.code })}>
            <Text mb="md">{t('staff.plans.closeWarning')}</Text>
            <ErrorMessage error={transition.error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={confirm.close}>
                {t('common.cancel')}
              </Button>
              <Button color="red.9" loading={transition.isPending && transition.variables === 'close'} onClick={close}>
                {t('staff.plans.closeConfirm')}
              </Button>
            </Group>
          </Modal>
        </Allowed>
      </Group>
    </Allowed>
  );
}
