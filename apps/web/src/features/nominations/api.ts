import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { usePagedList } from '../../api/usePagedList';
import type { ApplicationStatus } from '../applications/api';

/** The focal point's nominations (their country's applications to activities that need one). */
export const nominationKeys = {
  all: ['nominations'] as const,
  lists: () => [...nominationKeys.all, 'list'] as const,
  list: (status: ApplicationStatus | null) => [...nominationKeys.lists(), status] as const,
};

export function useNominations(status: ApplicationStatus | null) {
  return usePagedList({
    queryKey: nominationKeys.list(status),
    fetchPage: ({ cursor, limit, signal }) =>
      unwrap(api.GET('/api/nominations', { params: { query: { status: status ?? undefined, cursor, limit } }, signal })),
  });
}
