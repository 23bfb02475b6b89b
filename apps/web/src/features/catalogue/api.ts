import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Language } from '../../api/types';
import type { paths } from '../../api/schema';
import { usePagedList } from '../../api/usePagedList';
import { CATALOGUE_PAGE_SIZE } from './first-visit';

export type CatalogueFilters = Omit<NonNullable<paths['/api/catalogue']['get']['parameters']['query']>, 'cursor' | 'limit' | 'lang'>;

/** The catalogue's query keys: every query of the feature takes its key from here. */
export const catalogueKeys = {
  all: ['catalogue'] as const,
  list: (lang: Language, filters: CatalogueFilters) => [...catalogueKeys.all, 'list', lang, filters] as const,
  entry: (id: string, lang: Language) => [...catalogueKeys.all, 'entry', id, lang] as const,
};

/** The catalogue in pages (keyset cursor), in the interface language. */
export function useCatalogue(filters: CatalogueFilters, lang: Language) {
  return usePagedList({
    queryKey: catalogueKeys.list(lang, filters),
    fetchPage: ({ cursor, limit, signal }) => unwrap(api.GET('/api/catalogue', { params: { query: { ...filters, lang, cursor, limit } }, signal })),
    keepPrevious: true,
    pageSize: CATALOGUE_PAGE_SIZE,
  });
}

/** One activity's sheet, in the interface language when the sheet has it. */
export function useCatalogueEntry(id: string, lang: Language) {
  return useQuery({
    queryKey: catalogueKeys.entry(id, lang),
    queryFn: ({ signal }) => unwrap(api.GET('/api/catalogue/{id}', { params: { path: { id }, query: { lang } }, signal })),
    retry: false,
  });
}

export type ApplyCheck = import('../../api/types').Schemas['ApplyCheckView'];
export type ApplyRefusal = import('../../api/types').Schemas['ApplyRefusalView'];

/** The query keys of what the catalogue asks about the signed-in applicant. */
export const applyCheckKeys = {
  all: ['apply-check'] as const,
  of: (activityId: string) => [...applyCheckKeys.all, activityId] as const,
};

/**
 * Whether the signed-in applicant's form to the activity can succeed now (the server's rules:
 * `allowedActions` holds `apply`), else why not; their application or draft. Only for applicants.
 */
export function useApplyCheck(activityId: string, enabled: boolean) {
  return useQuery({
    queryKey: applyCheckKeys.of(activityId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/me/activities/{activityId}/apply-check', { params: { path: { activityId } }, signal })),
    enabled,
    retry: false,
  });
}

/** "Add to my calendar": one activity as an .ics file. */
export const calendarUrl = (activityId: string, lang: Language) => `/api/catalogue/${activityId}/calendar.ics?lang=${lang}`;
