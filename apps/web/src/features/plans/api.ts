import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { usePagedList } from '../../api/usePagedList';

export type Plan = Schemas['PlanView'];
export type PlanAction = Schemas['PlanAction'];
/** A plan with its products and results framework (GET /api/ta-plans/:id). */
export type PlanDetail = Schemas['PlanDetailView'];

/** The TA Plans' query keys (plans, one plan, its products matrix). */
export const planKeys = {
  all: ['plans'] as const,
  list: () => [...planKeys.all, 'list'] as const,
  detail: (id: string) => [...planKeys.all, 'detail', id] as const,
  matrix: (id: string) => [...planKeys.all, 'matrix', id] as const,
};

/**
 * The TA Plans, newest first, a page at a time; `all` fetches every page (the plan pickers).
 * `enabled: false` for visitors who may not list them.
 */
export function usePlans({ all = false, enabled = true }: { all?: boolean; enabled?: boolean } = {}) {
  return usePagedList({
    queryKey: planKeys.list(),
    fetchPage: ({ cursor, limit, signal }) => unwrap(api.GET('/api/ta-plans', { params: { query: { cursor, limit } }, signal })),
    all,
    enabled,
  });
}

export function usePlan(id: string, enabled = true) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/ta-plans/{id}', { params: { path: { id } }, signal })),
    retry: false,
    enabled,
  });
}

/** The matrix's counts and sums by product; the activities themselves are paged per product (GET /api/activities). */
export function useMatrix(id: string) {
  return useQuery({
    queryKey: planKeys.matrix(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/ta-plans/{id}/matrix', { params: { path: { id }, query: { activities: false } }, signal })),
    retry: false,
  });
}

/** The lifecycle steps of a plan (draft → adopted → closed); the buttons are shown from the plan's `allowedActions`. */
export type PlanTransition = Extract<PlanAction, 'adopt' | 'close'>;

export function usePlanTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (transition: PlanTransition) =>
      unwrap(
        transition === 'adopt'
          ? api.POST('/api/ta-plans/{id}/adopt', { params: { path: { id } } })
          : api.POST('/api/ta-plans/{id}/close', { params: { path: { id } } }),
      ),
    // The plan, the list's status and the pickers (a closed plan takes no more activities) change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}
