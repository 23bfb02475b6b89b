import { Button, Collapse, Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetURLSearchParams } from 'react-router';
import { ACTIVITY_STATUSES } from '../../../api/enums';
import { useRegions, useTopics } from '../../../api/reference';
import { usePlan, usePlans } from '../../plans/api';
import { useCountryOptions, type ActivitySearch } from '../api';
import { usePhone } from '../../../components/usePhone';

/** The filters' names in the address: a filtered list (or calendar) can be shared by its URL. */
export const FILTER_KEYS = ['planId', 'productId', 'status', 'type', 'deliveryMode', 'plsLevel', 'region', 'country', 'topic', 'from', 'to', 'q'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const LISTS: readonly FilterKey[] = ['status', 'type', 'deliveryMode', 'topic'];
const SORTS = ['startDate', '-startDate', 'code', '-code', 'title', '-title', 'createdAt', '-createdAt'] as const;
export type ActivitySort = (typeof SORTS)[number];

/** The API's search from the address (`status=open,closed`; lists comma-separated); dates left out when `dates` is false (the calendar sets its own). */
export function searchFromParams(params: URLSearchParams, { dates = true }: { dates?: boolean } = {}): ActivitySearch {
  const search: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value || (!dates && (key === 'from' || key === 'to'))) continue;
    if (LISTS.includes(key)) search[key] = value.split(',').filter(Boolean);
    else if (key === 'plsLevel') search[key] = Number(value);
    else search[key] = value;
  }
  const sort = params.get('sort');
  if (sort && (SORTS as readonly string[]).includes(sort)) search.sort = sort;
  return search as ActivitySearch;
}

/**
 * Sets (or clears) one parameter of the address, keeping the others; the list starts again from its
 * first page. It starts from the address as it is now, not from the last rendered `params`: the
 * router commits navigations in a transition, so two quick changes (a sort, then a page size) would
 * otherwise see the same old address and the second would undo the first.
 */
export function setParam(setParams: SetURLSearchParams, key: string, value: string | null): void {
  const next = new URLSearchParams(window.location.search);
  if (value) next.set(key, value);
  else next.delete(key);
  setParams(next, { replace: true });
}

/** The activities' filters (plan, product, status, type, mode, level, region, country, topic, dates, words), kept in the address. */
export function ActivityFilters({ params, setParams, dates = true }: { params: URLSearchParams; setParams: SetURLSearchParams; dates?: boolean }) {
  const { t } = useTranslation();
  const plans = usePlans({ all: true });
  const planId = params.get('planId');
  const plan = usePlan(planId ?? '', !!planId);
  const regions = useRegions();
  const topics = useTopics();
  const countries = useCountryOptions();
  const [words, setWords] = useState(params.get('q') ?? '');
  const set = (key: FilterKey, value: string | null) => setParam(setParams, key, value);
  const list = (key: FilterKey) => params.get(key)?.split(',').filter(Boolean) ?? [];
  const setList = (key: FilterKey, values: string[]) => set(key, values.join(',') || null);
  const submitWords = (event: FormEvent) => {
    event.preventDefault();
    set('q', words.trim() || null);
  };
  const any = t('common.any');
  const activeCount = FILTER_KEYS.filter((key) => key !== 'q' && params.get(key) && (dates || (key !== 'from' && key !== 'to'))).length;
  const active = activeCount > 0 || !!params.get('q');
  // On a phone the filters fold away under a button, so the list is not a screen below them.
  const phone = usePhone();
  const [unfolded, setUnfolded] = useState<boolean | null>(null);
  const shown = unfolded ?? !phone;

  return (
    <>
      <form role="search" aria-label={t('staff.activities.search')} onSubmit={submitWords}>
        <Group align="flex-end" mb="sm" gap="sm">
          <TextInput
            label={t('staff.activities.search')}
            description={t('staff.activities.searchHint')}
            value={words}
            onChange={(event) => setWords(event.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
            name="q"
          />
          <Button type="submit">{t('staff.activities.searchButton')}</Button>
        </Group>
      </form>
      {phone && (
        <Button variant="default" mb="sm" onClick={() => setUnfolded(!shown)} aria-expanded={shown} aria-controls="activity-filters">
          {shown ? t('staff.activities.hideFilters') : t('staff.activities.showFilters', { count: activeCount })}
        </Button>
      )}
      <Collapse expanded={shown}>
        <section aria-label={t('staff.activities.filters')} id="activity-filters">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4, lg: 6 }} mb="sm" spacing="sm">
            <Select
              label={t('staff.activities.plan')}
              clearable
              placeholder={any}
              data={plans.items.map((item) => ({ value: item.id, label: `${item.code} · ${item.title}` }))}
              value={planId}
              onChange={(value) => {
                const next = new URLSearchParams(window.location.search);
                if (value) next.set('planId', value);
                else next.delete('planId');
                // A product belongs to one plan.
                next.delete('productId');
                setParams(next, { replace: true });
              }}
            />
            <Select
              label={t('staff.activities.product')}
              clearable
              searchable
              disabled={!planId}
              placeholder={planId ? any : t('staff.activities.choosePlan')}
              data={(plan.data?.products ?? []).map((product) => ({ value: product.id, label: `${product.code} · ${product.name}` }))}
              value={params.get('productId')}
              onChange={(value) => set('productId', value)}
            />
            <MultiSelect
              label={t('staff.activities.status')}
              clearable
              placeholder={list('status').length ? undefined : any}
              data={ACTIVITY_STATUSES.map((status) => ({ value: status, label: t(`status.activity.${status}`) }))}
              value={list('status')}
              onChange={(value) => setList('status', value)}
            />
            <MultiSelect
              label={t('staff.activities.type')}
              clearable
              placeholder={list('type').length ? undefined : any}
              data={['national', 'regional', 'global'].map((value) => ({ value, label: t(`types.${value}`) }))}
              value={list('type')}
              onChange={(value) => setList('type', value)}
            />
            <MultiSelect
              label={t('staff.activities.mode')}
              clearable
              placeholder={list('deliveryMode').length ? undefined : any}
              data={['face_to_face', 'online', 'hybrid', 'e_learning'].map((value) => ({ value, label: t(`modes.${value}`) }))}
              value={list('deliveryMode')}
              onChange={(value) => setList('deliveryMode', value)}
            />
            <Select
              label={t('staff.activities.level')}
              clearable
              placeholder={any}
              data={['1', '2', '3'].map((value) => ({ value, label: t(`staff.activity.level.${value}`) }))}
              value={params.get('plsLevel')}
              onChange={(value) => set('plsLevel', value)}
            />
            <Select
              label={t('staff.activities.region')}
              clearable
              placeholder={any}
              data={(regions.data ?? []).filter((region) => region.beneficiary).map((region) => ({ value: region.code, label: region.name }))}
              value={params.get('region')}
              onChange={(value) => set('region', value)}
            />
            <Select
              label={t('staff.activities.country')}
              clearable
              searchable
              placeholder={any}
              nothingFoundMessage={t('staff.activity.noCountry')}
              data={countries.options.map(({ value, label }) => ({ value, label }))}
              value={params.get('country')}
              onChange={(value) => set('country', value)}
            />
            <MultiSelect
              label={t('staff.activities.topic')}
              description={t('staff.activities.topicHint')}
              clearable
              searchable
              placeholder={list('topic').length ? undefined : any}
              data={(topics.data ?? []).map((topic) => ({ value: topic.code, label: topic.name }))}
              value={list('topic')}
              onChange={(value) => setList('topic', value)}
            />
            {dates && (
              <>
                <TextInput type="date" label={t('staff.activities.from')} value={params.get('from') ?? ''} onChange={(event) => set('from', event.currentTarget.value || null)} />
                <TextInput type="date" label={t('staff.activities.to')} value={params.get('to') ?? ''} onChange={(event) => set('to', event.currentTarget.value || null)} />
              </>
            )}
          </SimpleGrid>
          {active && (
            <Button
              variant="subtle"
              size="compact-sm"
              mb="md"
              onClick={() => {
                const next = new URLSearchParams(window.location.search);
                for (const key of FILTER_KEYS) if (dates || (key !== 'from' && key !== 'to')) next.delete(key);
                setWords('');
                setParams(next, { replace: true });
              }}
            >
              {t('staff.activities.clearFilters')}
            </Button>
          )}
        </section>
      </Collapse>
    </>
  );
}

export { SORTS as ACTIVITY_SORTS };
