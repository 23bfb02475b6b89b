import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';

// Reference data changes with a migration, not during a visit: fetched once per page load.
const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export const referenceKeys = {
  all: ['reference'] as const,
  list: (name: 'countries' | 'regions' | 'topics') => [...referenceKeys.all, name] as const,
};

export function useCountries() {
  return useQuery({
    queryKey: referenceKeys.list('countries'),
    queryFn: () => unwrap(api.GET('/api/reference/countries')).then((page) => page.items),
    ...forever,
  });
}

export function useRegions() {
  return useQuery({
    queryKey: referenceKeys.list('regions'),
    queryFn: () => unwrap(api.GET('/api/reference/regions')).then((page) => page.items),
    ...forever,
  });
}

export function useTopics() {
  return useQuery({
    queryKey: referenceKeys.list('topics'),
    queryFn: () => unwrap(api.GET('/api/reference/topics')).then((page) => page.items),
    ...forever,
  });
}
