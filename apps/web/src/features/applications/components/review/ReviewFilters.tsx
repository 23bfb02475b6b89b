import { Button, Collapse, Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES, GENDERS } from '../../../../api/enums';
import { useCountries, useRegions } from '../../../../api/reference';
import type { Language } from '../../../../api/types';
import type { ReviewFilters as Filters } from '../../api';
import { REVIEW_SORTS, type useReviewFilters } from './useReviewFilters';
import { usePhone } from '../../../../components/usePhone';

/** The country names in the interface language, by code (for filters, rows and the balance). */
export function useCountryNames(): (code: string) => string {
  const { i18n } = useTranslation();
  const countries = useCountries();
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const names = new Map((countries.data ?? []).map((country) => [country.code, country.names?.[language] ?? country.name]));
  return (code) => names.get(code) ?? code;
}

/** The filters and order of the review; every change goes to the URL (useReviewFilters). */
export function ReviewFilters({ state }: { state: ReturnType<typeof useReviewFilters> }) {
  const { t, i18n } = useTranslation();
  const { filters, setFilter } = state;
  const countries = useCountries();
  const regions = useRegions();
  const [words, setWords] = useState(filters.q ?? '');
  const search = useDebouncedCallback((value: string) => setFilter('q', value.trim() || null), 400);
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const countryOptions = (countries.data ?? [])
    .map((country) => ({ value: country.code, label: country.names?.[language] ?? country.name }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const regionOptions = (regions.data ?? [])
    .filter((region) => region.beneficiary)
    .map((region) => ({ value: region.code, label: t(`review.regions.${region.code}`, { defaultValue: region.name }) }));
  const value = <K extends keyof Filters>(key: K) => (filters[key] === undefined ? null : String(filters[key]));
  // On a phone the filters fold away under a button, so that the list is not pushed a screen down.
  const phone = usePhone();
  const [unfolded, setUnfolded] = useState(false);
  const active = ['status', 'country', 'region', 'gender', 'ldc'].filter((key) => filters[key as keyof Filters] !== undefined).length;

  const searchInput = (
    <TextInput
      label={t('review.filters.search')}
      value={words}
      onChange={(event) => {
        setWords(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
    />
  );
  return (
    <form role="search" aria-label={t('review.filters.title')} onSubmit={(event) => event.preventDefault()}>
      {phone && (
        <Group align="flex-end" gap="sm" mb="sm" wrap="nowrap">
          <div style={{ flex: 1 }}>{searchInput}</div>
          <Button variant="default" onClick={() => setUnfolded((open) => !open)} aria-expanded={unfolded} aria-controls="review-filters">
            {t('review.filters.more', { count: active })}
          </Button>
        </Group>
      )}
      <Collapse expanded={!phone || unfolded} id="review-filters">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="sm">
          {!phone && searchInput}
          <MultiSelect
            label={t('review.filters.status')}
            placeholder={filters.status?.length ? undefined : t('review.filters.any')}
            data={APPLICATION_STATUSES.map((status) => ({ value: status, label: t(`status.application.${status}`) }))}
            value={filters.status ?? []}
            onChange={(statuses) => setFilter('status', statuses)}
            clearable
          />
          <Select
            label={t('review.filters.country')}
            placeholder={t('review.filters.any')}
            data={countryOptions}
            value={value('country')}
            onChange={(code) => setFilter('country', code)}
            searchable
            clearable
          />
          <Select
            label={t('review.filters.region')}
            placeholder={t('review.filters.any')}
            data={regionOptions}
            value={value('region')}
            onChange={(code) => setFilter('region', code)}
            clearable
          />
          <Select
            label={t('review.filters.gender')}
            placeholder={t('review.filters.any')}
            data={GENDERS.map((gender) => ({ value: gender, label: t(`review.genders.${gender}`) }))}
            value={value('gender')}
            onChange={(gender) => setFilter('gender', gender)}
            clearable
          />
          <Select
            label={t('review.filters.ldc')}
            placeholder={t('review.filters.any')}
            data={[
              { value: 'true', label: t('review.filters.ldcOnly') },
              { value: 'false', label: t('review.filters.ldcOthers') },
            ]}
            value={value('ldc')}
            onChange={(ldc) => setFilter('ldc', ldc)}
            clearable
          />
          <Select
            label={t('review.filters.sort')}
            data={REVIEW_SORTS.map((sort) => ({ value: sort, label: t(`review.filters.sorts.${sort}`) }))}
            value={filters.sort ?? 'submitted'}
            onChange={(sort) => setFilter('sort', sort === 'submitted' ? null : sort)}
            allowDeselect={false}
          />
          <Select
            label={t('review.filters.order')}
            data={[
              { value: 'asc', label: t('review.filters.orders.asc') },
              { value: 'desc', label: t('review.filters.orders.desc') },
            ]}
            value={filters.order ?? 'asc'}
            onChange={(order) => setFilter('order', order === 'asc' ? null : order)}
            allowDeselect={false}
          />
        </SimpleGrid>
      </Collapse>
      {state.filtered && (
        <Group mb="sm">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              setWords('');
              state.clear();
            }}
          >
            {t('review.filters.clear')}
          </Button>
        </Group>
      )}
    </form>
  );
}
