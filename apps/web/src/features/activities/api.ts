import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import { usePagedList } from '../../api/usePagedList';

export type ActivitySearch = Omit<NonNullable<paths['/api/activities']['get']['parameters']['query']>, 'cursor' | 'limit'>;

/** The activities' query keys (staff list and calendar, one activity, its sheet, its back-to-office report). */
export const activityKeys = {
  all: ['activities'] as const,
  list: (search: ActivitySearch) => [...activityKeys.all, 'list', search] as const,
  detail: (id: string) => [...activityKeys.all, 'detail', id] as const,
  sheet: (id: string) => [...activityKeys.all, 'sheet', id] as const,
  report: (id: string) => [...activityKeys.all, 'report', id] as const,
};

/** Activities matching `search`, a page at a time; `all` fetches every page (the calendar's month). */
export function useActivities(search: ActivitySearch, { all = false }: { all?: boolean } = {}) {
  return usePagedList({
    queryKey: activityKeys.list(search),
    fetchPage: ({ cursor, limit, signal }) => unwrap(api.GET('/api/activities', { params: { query: { ...search, cursor, limit } }, signal })),
    all,
    keepPrevious: true,
  });
}

export function useActivity(id: string) {
  return useQuery({
    queryKey: activityKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities/{id}', { params: { path: { id } }, signal })),
    retry: false,
  });
}

export function useSheet(id: string) {
  return useQuery({
    queryKey: activityKeys.sheet(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities/{id}/sheet', { params: { path: { id } }, signal })),
    retry: false,
  });
}

/** The report, or null while there is none (the API answers 404). */
export function useBackToOfficeReport(id: string) {
  return useQuery({
    queryKey: activityKeys.report(id),
    queryFn: async ({ signal }) => {
      try {
        return await unwrap(api.GET('/api/activities/{id}/back-to-office-report', { params: { path: { id } }, signal }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    retry: false,
  });
}
