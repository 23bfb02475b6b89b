import { Anchor, Button, Card, Collapse, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { memo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { countryName } from '../../../api/errors';
import { useCountries, useRegions, useTopics } from '../../../api/reference';
import { useAuth } from '../../auth/AuthContext';
import type { ActivityType, CatalogueItem, DeliveryMode } from '../../../api/types';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { currentLanguage } from '../../../i18n';
import { ActivityBadges } from '../components/ActivityFacts';
import { useProfile } from '../../../api/profile';
import { useCatalogue, type CatalogueFilters } from '../api';
import { usePhone } from '../../../components/usePhone';

const TYPES: ActivityType[] = ['national', 'regional', 'global'];
const MODES: DeliveryMode[] = ['face_to_face', 'online', 'hybrid', 'e_learning'];
const FILTER_KEYS = ['q', 'region', 'topic', 'type', 'deliveryMode', 'country', 'language', 'deadlineBefore'] as const;
const LANGUAGE_CODES = ['en', 'fr', 'es'] as const;
/** "Applications close within": days from today, as the deadlineBefore filter's date. */
const DEADLINE_WINDOWS = [
  ['within2weeks', 14],
  ['within1month', 31],
  ['within3months', 92],
] as const;
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The public catalogue: search and filters live in the address, so a search can be shared. */
export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : []))) as CatalogueFilters;
  const [words, setWords] = useState(filters.q ?? '');
  const catalogue = useCatalogue(filters, currentLanguage());
  const regions = useRegions();
  const topics = useTopics();
  const countries = useCountries();
  const { user } = useAuth();
  const isApplicant = user?.role === 'applicant';
  const profile = useProfile(isApplicant);
  const myCountry = isApplicant ? (profile.data?.country ?? null) : null;
  const lang = currentLanguage();
  const countryLabel = (code: string) => {
    const country = (countries.data ?? []).find((one) => one.code === code);
    return country ? ((country.names as Record<string, string> | undefined)?.[lang] ?? country.name) : code;
  };
  // On a phone the filters fold away behind one button; from a tablet up they are always shown.
  const phone = usePhone();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const deadlineWindow = filters.deadlineBefore
    ? (DEADLINE_WINDOWS.find(([, days]) => dayFromToday(days) === filters.deadlineBefore)?.[0] ?? null)
    : null;
  const items = catalogue.items;

  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string | null) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilter('q', words.trim() || null);
  };

  return (
    <>
      <PageTitle>{t('catalogue.title')}</PageTitle>
      <Text mb="lg">{t('catalogue.intro')}</Text>

      <form role="search" onSubmit={search} aria-label={t('catalogue.search')}>
        <Group align="flex-end" gap="sm" mb="md">
          <TextInput
            label={t('catalogue.search')}
            placeholder={t('catalogue.searchPlaceholder')}
            value={words}
            onChange={(event) => setWords(event.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
            name="q"
          />
          <Button type="submit">{t('catalogue.searchButton')}</Button>
        </Group>
      </form>

      {phone && (
        <Button variant="default" mb="sm" fullWidth onClick={() => setFiltersOpen((open) => !open)} aria-expanded={filtersOpen} aria-controls="catalogue-filters">
          {filtersOpen ? t('catalogue.hideFilters') : t('catalogue.showFilters')}
          {Object.keys(filters).filter((key) => key !== 'q').length > 0 ? ` (${Object.keys(filters).filter((key) => key !== 'q').length})` : ''}
        </Button>
      )}
      <Collapse expanded={!phone || filtersOpen}>
      {/* Folded filters are not rendered at all: a phone's first visit does not pay for four pickers it does not show. */}
      {(!phone || filtersOpen) && (
      <section aria-label={t('catalogue.filters')} id="catalogue-filters">
        {myCountry && (
          <Switch
            mb="sm"
            label={t('catalogue.openToMyCountry', { country: countryLabel(myCountry) })}
            checked={filters.country === myCountry}
            onChange={(event) => setFilter('country', event.currentTarget.checked ? myCountry : null)}
            data-testid="open-to-my-country"
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="lg">
          {!myCountry && (
            <Select
              label={t('catalogue.openTo')}
              placeholder={t('catalogue.any')}
              clearable
              searchable
              data={(countries.data ?? []).map((country) => ({ value: country.code, label: countryLabel(country.code) }))}
              value={filters.country ?? null}
              onChange={(value) => setFilter('country', value)}
            />
          )}
          <Select
            label={t('catalogue.language')}
            placeholder={t('catalogue.any')}
            clearable
            data={LANGUAGE_CODES.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
            value={filters.language ?? null}
            onChange={(value) => setFilter('language', value)}
          />
          <Select
            label={t('catalogue.deadlineWithin')}
            placeholder={t('catalogue.any')}
            clearable
            data={DEADLINE_WINDOWS.map(([key]) => ({ value: key, label: t(`catalogue.${key}`) }))}
            value={deadlineWindow}
            onChange={(value) => {
              const window = DEADLINE_WINDOWS.find(([key]) => key === value);
              setFilter('deadlineBefore', window ? dayFromToday(window[1]) : null);
            }}
          />
          <Select
            label={t('catalogue.region')}
            placeholder={t('catalogue.any')}
            clearable
            data={(regions.data ?? []).map((region) => ({ value: region.code, label: region.name }))}
            value={filters.region ?? null}
            onChange={(value) => setFilter('region', value)}
          />
          <Select
            label={t('catalogue.topic')}
            placeholder={t('catalogue.any')}
            clearable
            searchable
            data={(topics.data ?? []).map((topic) => ({ value: topic.code, label: topic.name }))}
            value={filters.topic ?? null}
            onChange={(value) => setFilter('topic', value)}
          />
          <Select
            label={t('catalogue.type')}
            placeholder={t('catalogue.any')}
            clearable
            data={TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
            value={filters.type ?? null}
            onChange={(value) => setFilter('type', value)}
          />
          <Select
            label={t('catalogue.deliveryMode')}
            placeholder={t('catalogue.any')}
            clearable
            data={MODES.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))}
            value={filters.deliveryMode ?? null}
            onChange={(value) => setFilter('deliveryMode', value)}
          />
        </SimpleGrid>
      </section>
      )}
      </Collapse>

      <section aria-labelledby="catalogue-results">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="catalogue-results">
            {t('catalogue.results')}
          </Title>
          <Group gap="md">
            {Object.keys(filters).length > 0 && (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  setWords('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                {t('catalogue.clear')}
              </Button>
            )}
            <Anchor href={`/api/catalogue.ics?lang=${i18n.resolvedLanguage}`} size="sm">
              {t('catalogue.calendarFeed')}
            </Anchor>
            <Anchor component={Link} to="/publications" size="sm">
              {t('auditor.publications.catalogueLink')}
            </Anchor>
          </Group>
        </Group>

        {catalogue.isPending && <Loading />}
        {catalogue.isError && <ErrorMessage error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
        {catalogue.isSuccess && items.length === 0 && <Text data-testid="catalogue-empty">{t('catalogue.empty')}</Text>}
        {items.length > 0 && (
          <>
            <Text size="sm" c="gray.7" mb="sm" aria-live="polite">
              {t('catalogue.shown', { count: items.length })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" className="plain-list" data-testid="catalogue-list">
              {items.map((activity) => (
                <li key={activity.id}>
                  <ActivityCard activity={activity} />
                </li>
              ))}
            </SimpleGrid>
          </>
        )}
        {/* The count is said above the list, in the catalogue's words. */}
        <LoadMore list={catalogue} showCount={false} />
      </section>
    </>
  );
}

/** One activity of the list; memoised, so typing in the search box or a filter's data arriving does not redraw 50 cards. */
const ActivityCard = memo(function ActivityCard({ activity }: { activity: CatalogueItem }) {
  const { t } = useTranslation();
  const place = activity.venueCity ? [activity.venueCity, activity.venueCountry && countryName(activity.venueCountry)].filter(Boolean).join(', ') : t('catalogue.online');
  return (
    <Card withBorder padding="md" h="100%" data-testid="catalogue-card">
      <Stack gap="xs">
        <Title order={3} size="h4">
          <Anchor component={Link} to={`/catalogue/${activity.id}`} c="trta.8">
            {activity.title}
          </Anchor>
        </Title>
        <ActivityBadges activity={activity} />
        <Text size="sm">
          {activity.startDate && t('catalogue.dates', { start: formatDate(activity.startDate), end: formatDate(activity.endDate) })} · {place}
        </Text>
        <Text size="sm" fw={600}>
          {activity.applicationDeadline ? t('catalogue.deadline', { date: formatDate(activity.applicationDeadline) }) : t('catalogue.noDeadline')}
        </Text>
        {activity.objectives && (
          <Text size="sm" lineClamp={3} lang={activity.servedLanguage}>
            {activity.objectives}
          </Text>
        )}
      </Stack>
    </Card>
  );
});
