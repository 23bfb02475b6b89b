import { Anchor, Badge, Button, Checkbox, Group, List, Paper, SegmentedControl, Select, SimpleGrid, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useReferenceNames } from '../../../api/reference';
import { Allowed, can } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { LoadMore } from '../../../components/LoadMore';
import { notifySuccess } from '../../../components/notify';
import { StatusBadge } from '../../../components/StatusBadge';
import { activityKeys } from '../../activities/api';
import { usePlan } from '../../plans/api';
import { requestKeys, useRequests, useReviewContext, type RequestAction, type RequestStatus, type ReviewContext } from '../api';
import { REQUEST_STATUSES } from '../../../api/enums';

/** The management committee's queue of national requests, by status. */
export function RequestQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as RequestStatus | null) ?? null;
  const requests = useRequests(status, { keepPrevious: true });
  const names = useReferenceNames();
  return (
    <>
      <PageTitle>{t('staff.requests.title')}</PageTitle>
      <Text id="status-filter-label" mb={4}>
        {t('staff.requests.filter')}
      </Text>
      <SegmentedControl
        aria-labelledby="status-filter-label"
        mb="lg"
        data={[{ value: 'all', label: t('common.all') }, ...REQUEST_STATUSES.map((value) => ({ value, label: t(`status.request.${value}`) }))]}
        value={status ?? 'all'}
        onChange={(value) => setParams(value === 'all' ? new URLSearchParams() : new URLSearchParams({ status: value }), { replace: true })}
        style={{ maxWidth: '100%', overflowX: 'auto' }}
      />
      {requests.isPending && <Loading />}
      {requests.isError && <ErrorMessage error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.isSuccess && requests.count === 0 && <Text>{t('staff.requests.empty')}</Text>}
      {requests.isSuccess && requests.count > 0 && (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="requests-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staff.requests.country')}</Table.Th>
                  <Table.Th>{t('staff.requests.quarter')}</Table.Th>
                  <Table.Th>{t('staff.requests.topics')}</Table.Th>
                  <Table.Th>{t('staff.requests.status')}</Table.Th>
                  <Table.Th>{t('staff.requests.submitted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {requests.items.map((request) => (
                  <Table.Tr key={request.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/staff/requests/${request.id}`}>
                        {names.country(request.country)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{request.preferredQuarter}</Table.Td>
                    <Table.Td>{names.topics(request.topics)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={request.status} group="request" />
                    </Table.Td>
                    <Table.Td>{formatDate(String(request.createdAt).slice(0, 10))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore list={requests} />
        </>
      )}
    </>
  );
}

/** One request with what the committee weighs, and its decisions. */
export function RequestReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const context = useReviewContext(id);
  const names = useReferenceNames();
  if (context.isPending) return <Loading />;
  if (context.isError) return <ErrorMessage error={context.error} onRetry={() => void context.refetch()} />;
  const { request, country, earlierRequests, deliveredActivities, plan } = context.data;
  const title = t('staff.requests.requestTitle', { country: names.country(country.code), quarter: request.preferredQuarter });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Group mb="md">
        <StatusBadge status={request.status} group="request" />
        {request.activityCode && request.activityId && (
          <Anchor component={Link} to={`/staff/activities/${request.activityId}`}>
            {t('staff.requests.scheduledAs', { code: request.activityCode })}
          </Anchor>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="request-heading">
          <Title order={2} size="h4" id="request-heading" mb="xs">
            {t('staff.requests.request')}
          </Title>
          <Text size="sm">
            <b>{t('staff.requests.topics')}:</b> {names.topics(request.topics)}
          </Text>
          <Text size="sm">
            <b>{t('staff.requests.participants')}:</b> {request.expectedParticipants} · <b>{t('staff.requests.language')}:</b> {t(`languages.${request.language}`)}
          </Text>
          <Text size="sm" mt="xs">
            <b>{t('staff.requests.needs')}:</b> {request.needsAssessment}
          </Text>
          <Text size="sm" mt="xs">
            <b>{t('staff.requests.outcomes')}:</b> {request.expectedOutcomes}
          </Text>
          <Text size="sm" mt="xs">
            <b>{t('staff.requests.audience')}:</b> {request.targetAudience}
          </Text>
          {request.decisionReason && (
            <Text size="sm" mt="xs">
              <b>{t('staff.requests.decisionReason')}:</b> {request.decisionReason}
            </Text>
          )}
          {request.ceilingOverrideReason && (
            <Text size="sm" mt="xs">
              <b>{t('staff.requests.overrideReason')}:</b> {request.ceilingOverrideReason}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="country-heading" data-testid="review-context">
          <Title order={2} size="h4" id="country-heading" mb="xs">
            {names.country(country.code)}
          </Title>
          <Group gap="xs" mb="xs">
            <Badge variant="light" color={country.ldc ? 'orange' : 'gray'} c="dark.8">
              {country.ldc ? t('staff.requests.ldc') : t('staff.requests.notLdc')}
            </Badge>
          </Group>
          <Text size="sm" data-testid="ceiling">
            {plan
              ? plan.ceilingPerCountry !== null
                ? t('staff.requests.ceilingCount', { count: context.data.nationalActivitiesInPlan, ceiling: plan.ceilingPerCountry, plan: plan.code })
                : t('staff.requests.noCeiling', { count: context.data.nationalActivitiesInPlan, plan: plan.code })
              : t('staff.requests.noPlan')}
          </Text>
          {context.data.ceilingReached && (
            <Text size="sm" c="red.9" fw={600}>
              {t('staff.requests.ceilingReached')}
            </Text>
          )}
          <Title order={3} size="h5" mt="md">
            {t('staff.requests.earlier')}
          </Title>
          {earlierRequests.length === 0 ? (
            <Text size="sm">{t('staff.requests.none')}</Text>
          ) : (
            <List size="sm">
              {earlierRequests.map((earlier) => (
                <List.Item key={earlier.id}>
                  {earlier.preferredQuarter} · {names.topics(earlier.topics)} · {t(`status.request.${earlier.status}`)}
                  {earlier.activityCode ? ` · ${earlier.activityCode}` : ''}
                </List.Item>
              ))}
            </List>
          )}
          <Title order={3} size="h5" mt="md">
            {t('staff.requests.delivered')}
          </Title>
          {deliveredActivities.length === 0 ? (
            <Text size="sm">{t('staff.requests.none')}</Text>
          ) : (
            <List size="sm">
              {deliveredActivities.map((activity) => (
                <List.Item key={activity.id}>
                  {activity.code} · {activity.title} · {formatDate(activity.startDate)}
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      </SimpleGrid>
      <Decisions context={context.data} />
    </>
  );
}

/** The committee's decisions; which of them show is the request's `allowedActions`. */
const DECISIONS: readonly RequestAction[] = ['review', 'approve', 'reject', 'schedule'];

function Decisions({ context }: { context: ReviewContext }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { request } = context;
  const plan = usePlan(context.plan?.id ?? '', !!context.plan);
  const [approveReason, setApproveReason] = useState('');
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [rejectReason, setRejectReason] = useState('');
  const [productId, setProductId] = useState<string | null>(null);
  const path = { params: { path: { id: request.id } } };

  const act = useMutation({
    mutationFn: (action: 'review' | 'approve' | 'reject' | 'schedule') => {
      switch (action) {
        case 'review':
          return unwrap(api.POST('/api/requests/{id}/review', path));
        case 'approve':
          return unwrap(
            api.POST('/api/requests/{id}/approve', {
              ...path,
              body: { ...(approveReason.trim() ? { reason: approveReason.trim() } : {}), ...(override ? { overrideCeiling: true, overrideReason: overrideReason.trim() } : {}) },
            }),
          );
        case 'reject':
          return unwrap(api.POST('/api/requests/{id}/reject', { ...path, body: { reason: rejectReason.trim() } }));
        case 'schedule':
          // Answers the request with the national activity it was scheduled as.
          return unwrap(api.POST('/api/requests/{id}/schedule', { ...path, body: { productId: productId ?? '' } })).then((scheduled) => scheduled.request);
      }
    },
    onSuccess: (_data, action) => {
      notifySuccess(t(`staff.requests.done.${action}`), t('common.close'));
      // The request, its review context and the queue; a scheduled request is also a new activity.
      void queryClient.invalidateQueries({ queryKey: requestKeys.all });
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
    },
  });
  const submit = (action: 'approve' | 'reject' | 'schedule') => (event: FormEvent) => {
    event.preventDefault();
    act.mutate(action);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decision-heading">
      <Title order={2} size="h4" id="decision-heading" mb="sm">
        {t('staff.requests.decision')}
      </Title>
      <ErrorMessage error={act.error} />
      <Allowed record={request} action="review">
        <Button onClick={() => act.mutate('review')} loading={act.isPending}>
          {t('staff.requests.startReview')}
        </Button>
      </Allowed>
      <Allowed record={request} action={['approve', 'reject']}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Allowed record={request} action="approve">
            <form onSubmit={submit('approve')} aria-label={t('staff.requests.approve')}>
              <Textarea label={t('staff.requests.approveReason')} value={approveReason} onChange={(event) => setApproveReason(event.currentTarget.value)} autosize minRows={2} />
              {(context.ceilingReached || override) && (
                <>
                  <Checkbox mt="sm" label={t('staff.requests.override')} checked={override} onChange={(event) => setOverride(event.currentTarget.checked)} />
                  {override && (
                    <Textarea mt="sm" label={t('staff.requests.overrideReason')} required value={overrideReason} onChange={(event) => setOverrideReason(event.currentTarget.value)} autosize minRows={2} />
                  )}
                </>
              )}
              <Button type="submit" mt="sm" loading={act.isPending && act.variables === 'approve'}>
                {t('staff.requests.approve')}
              </Button>
            </form>
          </Allowed>
          <Allowed record={request} action="reject">
            <form onSubmit={submit('reject')} aria-label={t('staff.requests.reject')}>
              <Textarea label={t('staff.requests.rejectReason')} required value={rejectReason} onChange={(event) => setRejectReason(event.currentTarget.value)} autosize minRows={2} />
              <Button type="submit" mt="sm" color="red.9" loading={act.isPending && act.variables === 'reject'}>
                {t('staff.requests.reject')}
              </Button>
            </form>
          </Allowed>
        </SimpleGrid>
      </Allowed>
      <Allowed record={request} action="schedule">
        <form onSubmit={submit('schedule')} aria-label={t('staff.requests.schedule')}>
          <Select
            label={t('staff.requests.product')}
            required
            data={(plan.data?.products ?? []).map((product) => ({ value: product.id, label: `${product.code} · ${product.name}` }))}
            value={productId}
            onChange={setProductId}
            maw={420}
          />
          <Button type="submit" mt="sm" loading={act.isPending && act.variables === 'schedule'}>
            {t('staff.requests.schedule')}
          </Button>
        </form>
      </Allowed>
      {!DECISIONS.some((action) => can(request, action)) && <Text>{t('staff.requests.closed')}</Text>}
    </Paper>
  );
}
