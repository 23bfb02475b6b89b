import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';

// Reference data changes with a migration, not during a visit: fetched once per page load.
const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export function useCountries() {
  return useQuery({
    queryKey: ['reference', 'countries'],
    queryFn: () => unwrap(api.GET('/api/reference/countries')).then((page) => page.items),
    ...forever,
  });
}

export function useRegions() {
  return useQuery({
    queryKey: ['reference', 'regions'],
    queryFn: () => unwrap(api.GET('/api/reference/regions')).then((page) => page.items),
    ...forever,
  });
}

export function useTopics() {
  return useQuery({
    queryKey: ['reference', 'topics'],
    queryFn: () => unwrap(api.GET('/api/reference/topics')).then((page) => page.items),
    ...forever,
  });
}
