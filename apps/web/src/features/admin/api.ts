import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Role, Schemas } from '../../api/types';
import { usePagedList } from '../../api/usePagedList';

export type ManagedUser = Schemas['ManagedUserView'];
export type UserHistoryEntry = Schemas['UserHistoryView'];
export type UserStatus = 'active' | 'disabled' | 'unverified';

export interface UserFilters {
  q: string;
  role: Role | null;
  status: UserStatus | null;
}

/** The users page's query keys: the list per filter, and one person's history. */
export const adminKeys = {
  all: ['admin-users'] as const,
  lists: () => [...adminKeys.all, 'list'] as const,
  list: (filters: UserFilters) => [...adminKeys.lists(), filters] as const,
  history: (id: string) => [...adminKeys.all, 'history', id] as const,
};

export function useUsers(filters: UserFilters) {
  return usePagedList({
    queryKey: adminKeys.list(filters),
    keepPrevious: true,
    fetchPage: ({ cursor, limit, signal }) =>
      unwrap(
        api.GET('/api/users', {
          params: { query: { cursor, limit, q: filters.q || undefined, role: filters.role ?? undefined, status: filters.status ?? undefined } },
          signal,
        }),
      ),
  });
}

export function useUserHistory(id: string) {
  return usePagedList({
    queryKey: adminKeys.history(id),
    fetchPage: ({ cursor, limit, signal }) => unwrap(api.GET('/api/users/{id}/history', { params: { path: { id }, query: { cursor, limit } }, signal })),
  });
}

export type UserChange =
  | { action: 'disable' | 'enable' | 'sendReset' }
  | { action: 'change'; role?: Role; country?: string };

/** One admin action on a person; the list and the history are fetched again after it. */
export function useUserAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: UserChange): Promise<ManagedUser> => {
      const path = { params: { path: { id } } };
      switch (change.action) {
        case 'disable':
          return unwrap(api.POST('/api/users/{id}/disable', path));
        case 'enable':
          return unwrap(api.POST('/api/users/{id}/enable', path));
        case 'sendReset':
          return unwrap(api.POST('/api/users/{id}/password-reset', path));
        case 'change':
          return unwrap(api.PATCH('/api/users/{id}', { ...path, body: { role: change.role, country: change.country } }));
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
