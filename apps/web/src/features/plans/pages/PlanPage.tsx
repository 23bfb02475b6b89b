import { Accordion, Anchor, Button, Group, Modal, Paper, SimpleGrid, Table, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { useReferenceNames } from '../../../api/reference';
import { downloadBlob } from '../../../api/download';
import { ACTIVITY_STATUSES } from '../../../api/enums';
import { Allowed } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate, formatDateRange, formatMoney } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { LoadMore } from '../../../components/LoadMore';
import { notifySuccess } from '../../../components/notify';
import { PageTitle } from '../../../components/PageTitle';
import { StatusBadge } from '../../../components/StatusBadge';
import stacked from '../../../components/StackedTable.module.css';
import { useActivities } from '../../activities/api';
import { ImportActivities } from '../../activities/components/ImportActivities';
import { useMatrix, usePlan, usePlanTransition, type Plan, type PlanDetail } from '../api';

const TABS = ['matrix', 'products', 'import'] as const;
type Tab = (typeof TABS)[number];

/** One plan, in tabs: the products matrix (counts by status that open the list, each product's activities a page at a time), products and key results, the CSV import. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const plan = usePlan(id);
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'matrix';

  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorMessage error={plan.error} onRetry={() => void plan.refetch()} />;
  const current = plan.data;

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
      <Group mb="lg" gap="md">
        <Allowed record={current} action="add-activity">
          <Button component={Link} to={`/staff/activities/new?planId=${id}`}>
            {t('staff.plans.newActivity')}
          </Button>
        </Allowed>
        <Anchor component={Link} to={`/staff/activities?planId=${id}`}>
          {t('staff.plans.activities')}
        </Anchor>
        <Anchor component={Link} to={`/staff/calendar?planId=${id}`}>
          {t('staff.plans.calendar')}
        </Anchor>
        <Anchor href={`/api/ta-plans/${id}/document.pdf`}>{t('staff.plans.document')}</Anchor>
      </Group>
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'matrix' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="matrix">{t('staff.plans.matrix')}</Tabs.Tab>
          <Tabs.Tab value="products">{t('staff.plans.productsAndResults')}</Tabs.Tab>
          <Allowed record={current} action="add-activity">
            <Tabs.Tab value="import">{t('staff.plans.import')}</Tabs.Tab>
          </Allowed>
        </Tabs.List>
        <Tabs.Panel value="matrix">
          <Matrix plan={current} />
        </Tabs.Panel>
        <Tabs.Panel value="products">
          <ProductsAndResults plan={current} />
        </Tabs.Panel>
        <Tabs.Panel value="import">
          <ImportActivities planId={id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** The products matrix: one row per product with its counts by status (each opening the filtered list), then each product's activities. */
function Matrix({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const matrix = useMatrix(plan.id);
  const money = (value: string | null | undefined) => formatMoney(value, i18n.language);
  const matrixDownload = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') =>
      downloadBlob(api.GET('/api/ta-plans/{id}/matrix', { params: { path: { id: plan.id }, query: { format } }, parseAs: 'blob' }), `matrix-${plan.code}.${format}`),
  });
  const listOf = (filters: Record<string, string>) => `/staff/activities?${new URLSearchParams({ planId: plan.id, ...filters }).toString()}`;

  return (
    <section aria-labelledby="matrix-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="matrix-heading">
          {t('staff.plans.matrix')}
        </Title>
        <Group gap="sm">
          <Button variant="default" size="compact-md" onClick={() => matrixDownload.mutate('csv')}>
            {t('staff.plans.downloadCsv')}
          </Button>
          <Button variant="default" size="compact-md" onClick={() => matrixDownload.mutate('xlsx')}>
            {t('staff.plans.downloadXlsx')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="gray.7" mb="sm">
        {t('staff.plans.matrixHint')}
      </Text>
      <ErrorMessage error={matrixDownload.error} />
      {matrix.isPending && <Loading />}
      {matrix.isError && <ErrorMessage error={matrix.error} onRetry={() => void matrix.refetch()} />}
      {matrix.isSuccess && (
        <>
          {/* Focusable, so that a keyboard can scroll it where it is wider than the screen. */}
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
                    <Table.Td ta="right">
                      <Anchor component={Link} to={listOf({ productId: product.productId })} aria-label={t('staff.plans.countLink', { count: product.activityCount, product: product.code })}>
                        {product.activityCount}
                      </Anchor>
                    </Table.Td>
                    {ACTIVITY_STATUSES.map((status) => (
                      <Table.Td key={status} ta="right">
                        {product.byStatus[status] > 0 ? (
                          <Anchor
                            component={Link}
                            to={listOf({ productId: product.productId, status })}
                            aria-label={t('staff.plans.statusLink', { count: product.byStatus[status], status: t(`status.activity.${status}`), product: product.code })}
                          >
                            {product.byStatus[status]}
                          </Anchor>
                        ) : (
                          0
                        )}
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
                  <Table.Th ta="right">
                    <Anchor component={Link} to={listOf({})}>
                      {matrix.data.totals.activityCount}
                    </Anchor>
                  </Table.Th>
                  {ACTIVITY_STATUSES.map((status) => (
                    <Table.Th key={status} ta="right">
                      {matrix.data.totals.byStatus[status] > 0 ? (
                        <Anchor
                          component={Link}
                          to={listOf({ status })}
                          aria-label={t('staff.plans.statusTotalLink', { count: matrix.data.totals.byStatus[status], status: t(`status.activity.${status}`) })}
                        >
                          {matrix.data.totals.byStatus[status]}
                        </Anchor>
                      ) : (
                        0
                      )}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{money(matrix.data.totals.plannedBudget)}</Table.Th>
                  <Table.Th ta="right">{money(matrix.data.totals.budgetPlannedTotal)}</Table.Th>
                  <Table.Th ta="right">{money(matrix.data.totals.budgetActualTotal)}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>

          <Title order={2} size="h3" mt="xl" mb="sm" id="by-product-heading">
            {t('staff.plans.byProduct')}
          </Title>
          <Accordion variant="separated" multiple keepMounted={false} aria-labelledby="by-product-heading">
            {matrix.data.products.map((product) => (
              <Accordion.Item key={product.productId} value={product.productId} data-testid={`product-${product.code}`}>
                <Accordion.Control>
                  <Text fw={600} span>
                    {product.code} · {product.name}
                  </Text>{' '}
                  <Text span c="gray.7" size="sm">
                    ({t('staff.plans.activitiesCount', { count: product.activityCount })})
                  </Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <ProductActivities plan={plan} productId={product.productId} productCode={product.code} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </>
      )}
    </section>
  );
}

/** A product's activities, a page at a time, with column headers; a new activity in this product. */
function ProductActivities({ plan, productId, productCode }: { plan: Plan; productId: string; productCode: string }) {
  const { t, i18n } = useTranslation();
  const activities = useActivities({ planId: plan.id, productId });
  return (
    <>
      <Group mb="sm" gap="md">
        <Allowed record={plan} action="add-activity">
          <Button size="compact-sm" component={Link} to={`/staff/activities/new?planId=${plan.id}&productId=${productId}`} aria-label={t('staff.plans.newActivityIn', { product: productCode })}>
            {t('staff.plans.newActivity')}
          </Button>
        </Allowed>
        <Anchor component={Link} to={`/staff/activities?planId=${plan.id}&productId=${productId}`} size="sm">
          {t('staff.plans.openList')}
        </Anchor>
      </Group>
      {activities.isPending && <Loading />}
      {activities.isError && <ErrorMessage error={activities.error} onRetry={() => void activities.refetch()} />}
      {activities.isSuccess && activities.count === 0 && <Text size="sm">{t('staff.plans.noActivities')}</Text>}
      {activities.isSuccess && activities.count > 0 && (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staff.activities.code')}</Table.Th>
                  <Table.Th>{t('staff.activities.name')}</Table.Th>
                  <Table.Th>{t('staff.activities.status')}</Table.Th>
                  <Table.Th>{t('staff.activities.type')}</Table.Th>
                  <Table.Th>{t('staff.activities.mode')}</Table.Th>
                  <Table.Th>{t('staff.activities.dates')}</Table.Th>
                  <Table.Th ta="right">{t('staff.plans.budgetPlanned')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {activities.items.map((activity) => (
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
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateRange(activity.startDate, activity.endDate)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(activity.budgetPlanned, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore list={activities} />
        </>
      )}
    </>
  );
}

/** The plan's products (each with a new activity of its own) and its results framework. */
function ProductsAndResults({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  const { products, keyResults } = plan;
  return (
    <>
      <section aria-labelledby="products-heading">
        <Title order={2} size="h3" id="products-heading" mb="sm">
          {t('staff.plans.products')}
        </Title>
        {/* Focusable, so that a keyboard can scroll it where it is wider than the screen; one card per product on a phone. */}
        <Table.ScrollContainer minWidth={0} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-labelledby': 'products-heading' } }}>
          <Table striped mb="lg" className={stacked.stacked}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.plans.code')}</Table.Th>
                <Table.Th>{t('staff.plans.name')}</Table.Th>
                <Table.Th>{t('staff.plans.category')}</Table.Th>
                <Table.Th ta="right">{t('staff.plans.plannedBudget')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('staff.plans.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.map((product) => (
                <Table.Tr key={product.id}>
                  <Table.Td data-label={t('staff.plans.code')}>{product.code}</Table.Td>
                  <Table.Td data-label={t('staff.plans.name')}>{product.name}</Table.Td>
                  <Table.Td data-label={t('staff.plans.category')}>{names.productCategory(product.category)}</Table.Td>
                  <Table.Td data-label={t('staff.plans.plannedBudget')} ta="right">
                    {formatMoney(product.plannedBudget, i18n.language)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Allowed record={plan} action="add-activity">
                      <Anchor component={Link} to={`/staff/activities/new?planId=${plan.id}&productId=${product.id}`} aria-label={t('staff.plans.newActivityIn', { product: product.code })}>
                        {t('staff.plans.newActivity')}
                      </Anchor>
                    </Allowed>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      {keyResults.length > 0 && (
        <section aria-labelledby="key-results-heading">
          <Title order={2} size="h3" id="key-results-heading" mb="sm">
            {t('staff.plans.keyResults')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
            {keyResults.map((result) => (
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
          <Modal opened={confirming} onClose={confirm.close} title={t('staff.plans.closeTitle', { code: plan.code })} closeButtonProps={{ 'aria-label': t('staff.closeDialog') }}>
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
