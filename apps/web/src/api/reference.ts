import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intl } from '../components/format';
import { api } from './client';
import { countryName, unwrap } from './errors';

// Reference data changes with a migration, not during a visit: fetched once per page load.
const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export type ReferenceList = 'countries' | 'regions' | 'topics' | 'divisions' | 'productCategories' | 'plsLevels';

export const referenceKeys = {
  all: ['reference'] as const,
  list: (name: ReferenceList) => [...referenceKeys.all, name] as const,
};

export function useCountries(enabled = true) {
  return useQuery({
    enabled,
    queryKey: referenceKeys.list('countries'),
    queryFn: () => unwrap(api.GET('/api/reference/countries')).then((page) => page.items),
    ...forever,
  });
}

export function useRegions(enabled = true) {
  return useQuery({
    enabled,
    queryKey: referenceKeys.list('regions'),
    queryFn: () => unwrap(api.GET('/api/reference/regions')).then((page) => page.items),
    ...forever,
  });
}

export function useTopics(enabled = true) {
  return useQuery({
    enabled,
    queryKey: referenceKeys.list('topics'),
    queryFn: () => unwrap(api.GET('/api/reference/topics')).then((page) => page.items),
    ...forever,
  });
}

export function useDivisions(enabled = true) {
  return useQuery({
    enabled,
    queryKey: referenceKeys.list('divisions'),
    queryFn: () => unwrap(api.GET('/api/reference/divisions')).then((page) => page.items),
    ...forever,
  });
}

export function useProductCategories(enabled = true) {
  return useQuery({
    enabled,
    queryKey: referenceKeys.list('productCategories'),
    queryFn: () => unwrap(api.GET('/api/reference/product-categories')).then((page) => page.items),
    ...forever,
  });
}

/** The translation groups of the reference lists whose names the web translates (i18n/reference/*.json). */
const GROUPS = {
  region: 'regions',
  topic: 'topics',
  division: 'divisions',
  productCategory: 'productCategories',
  plsLevel: 'plsLevels',
} as const;
type Kind = keyof typeof GROUPS;

/**
 * Names of reference data in the interface language: the API's lists carry codes and English
 * names, the web translates them by code (i18n/reference/{en,fr,es}.json, checked against
 * libs/reference by i18n/reference.spec.ts); countries by their ISO code through
 * i18n-iso-countries. A code the web does not know shows as `fallback` (the API's name), else
 * as the code itself.
 *
 *   const names = useReferenceNames();
 *   names.topic('trade_facilitation')   // "Facilitation des échanges"
 *   names.country('KEN')                // "Kenya"
 */
export function useReferenceNames() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const name = useCallback(
    (kind: Kind, code: string | null | undefined, fallback?: string) => {
      if (!code) return '';
      const key = `reference.${GROUPS[kind]}.${code}`;
      return i18n.exists(key) ? t(key) : (fallback ?? code);
    },
    // `language`: the names change with it
    [t, i18n, language],
  );
  return useMemo(
    () => ({
      region: (code: string | null | undefined, fallback?: string) => name('region', code, fallback),
      topic: (code: string | null | undefined, fallback?: string) => name('topic', code, fallback),
      division: (code: string | null | undefined, fallback?: string) => name('division', code, fallback),
      productCategory: (code: string | null | undefined, fallback?: string) => name('productCategory', code, fallback),
      plsLevel: (code: string | null | undefined, fallback?: string) => name('plsLevel', code, fallback),
      country: (code: string | null | undefined) => (code ? countryName(code) : ''),
      /** Several topic codes as one phrase, in the language. */
      topics: (codes: readonly string[]) => intl.list(language ?? 'en', { style: 'long', type: 'conjunction' }).format(codes.map((code) => name('topic', code))),
      /** Several country codes as one phrase, in the language. */
      countries: (codes: readonly string[]) => intl.list(language ?? 'en', { style: 'long', type: 'conjunction' }).format(codes.map(countryName)),
    }),
    [name, language],
  );
}

/**
 * Options for a select of a reference list, labelled in the interface language and sorted by
 * that label (`value` is the code the API takes).
 */
export function useReferenceOptions(kind: 'country' | Kind): { value: string; label: string }[] {
  const names = useReferenceNames();
  const { i18n } = useTranslation();
  const countryList = useCountries(kind === 'country');
  const regions = useRegions(kind === 'region');
  const topics = useTopics(kind === 'topic');
  const divisions = useDivisions(kind === 'division');
  const categories = useProductCategories(kind === 'productCategory');
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const items: { code: string; name: string }[] | undefined =
      kind === 'country'
        ? countryList.data
        : kind === 'region'
          ? regions.data
          : kind === 'topic'
            ? topics.data
            : kind === 'division'
              ? divisions.data
              : kind === 'productCategory'
                ? categories.data
                : [];
    const label = (item: { code: string; name: string }) => (kind === 'country' ? names.country(item.code) : names[kind](item.code, item.name));
    return (items ?? []).map((item) => ({ value: item.code, label: label(item) })).sort((a, b) => a.label.localeCompare(b.label, language));
  }, [kind, countryList.data, regions.data, topics.data, divisions.data, categories.data, names, language]);
}
