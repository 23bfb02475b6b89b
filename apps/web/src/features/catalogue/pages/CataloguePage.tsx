import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useReferenceNames, useReferenceOptions } from '../../../api/reference';
import type { ActivityType, CatalogueItem, DeliveryMode } from '../../../api/types';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { currentLanguage } from '../../../i18n';
import { ActivityBadges } from '../components/ActivityFacts';
import { useCatalogue, type CatalogueFilters } from '../api';

const TYPES: ActivityType[] = ['national', 'regional', 'global'];
const MODES: DeliveryMode[] = ['face_to_face', 'online', 'hybrid', 'e_learning'];
const FILTER_KEYS = ['q', 'region', 'topic', 'type', 'deliveryMode'] as const;

/** The public catalogue: search and filters live in the address, so a search can be shared. */
export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : []))) as CatalogueFilters;
  const [words, setWords] = useState(filters.q ?? '');
  const catalogue = useCatalogue(filters, currentLanguage());
  const regions = useReferenceOptions('region');
  const topics = useReferenceOptions('topic');
  const items = catalogue.items;

  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string | null) => {
    const next = new URLSearchParams(params);
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

      <section aria-label={t('catalogue.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="lg">
          <Select
            label={t('catalogue.region')}
            placeholder={t('catalogue.any')}
            clearable
            data={regions}
            value={filters.region ?? null}
            onChange={(value) => setFilter('region', value)}
          />
          <Select
            label={t('catalogue.topic')}
            placeholder={t('catalogue.any')}
            clearable
            searchable
            data={topics}
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

function ActivityCard({ activity }: { activity: CatalogueItem }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const place = activity.venueCity ? [activity.venueCity, names.country(activity.venueCountry)].filter(Boolean).join(', ') : t('catalogue.online');
  return (
    <Card withBorder padding="md" h="100%">
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
}
