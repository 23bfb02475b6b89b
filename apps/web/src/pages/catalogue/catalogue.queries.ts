import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Language } from '../../api/types';
import type { paths } from '../../api/schema';

export type CatalogueFilters = Omit<NonNullable<paths['/api/catalogue']['get']['parameters']['query']>, 'cursor' | 'limit' | 'lang'>;

/** The catalogue in pages (keyset cursor), in the interface language. */
export function useCatalogue(filters: CatalogueFilters, lang: Language) {
  return useInfiniteQuery({
    queryKey: ['catalogue', lang, filters],
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/api/catalogue', { params: { query: { ...filters, lang, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One activity's sheet, in the interface language when the sheet has it. */
export function useCatalogueEntry(id: string, lang: Language) {
  return useQuery({
    queryKey: ['catalogue', 'entry', id, lang],
    queryFn: ({ signal }) => unwrap(api.GET('/api/catalogue/{id}', { params: { path: { id }, query: { lang } }, signal })),
    retry: false,
  });
}
