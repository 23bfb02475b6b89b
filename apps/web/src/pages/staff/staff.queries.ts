import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import type { RequestStatus } from './staff.types';

export type ActivitySearch = Omit<NonNullable<paths['/api/activities']['get']['parameters']['query']>, 'cursor'>;

export function usePlans() {
  return useQuery({
    queryKey: ['staff', 'plans'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/ta-plans', { params: { query: { limit: 200 } }, signal })),
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: ['staff', 'plan', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/ta-plans/{id}', { params: { path: { id } }, signal })),
    retry: false,
  });
}

export function useMatrix(id: string) {
  return useQuery({
    queryKey: ['staff', 'matrix', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/ta-plans/{id}/matrix', { params: { path: { id } }, signal })),
    retry: false,
  });
}

export function useActivities(search: ActivitySearch) {
  return useQuery({
    queryKey: ['staff', 'activities', search],
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities', { params: { query: { limit: 200, ...search } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string) {
  return useQuery({
    queryKey: ['staff', 'activity', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities/{id}', { params: { path: { id } }, signal })),
    retry: false,
  });
}

export function useSheet(id: string) {
  return useQuery({
    queryKey: ['staff', 'sheet', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities/{id}/sheet', { params: { path: { id } }, signal })),
    retry: false,
  });
}

export function useApplications(id: string) {
  return useQuery({
    queryKey: ['staff', 'applications', id],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/activities/{id}/applications', { params: { path: { id }, query: { limit: 200 } }, signal })),
    retry: false,
  });
}

/** The report, or null while there is none (the API answers 404). */
export function useBackToOfficeReport(id: string) {
  return useQuery({
    queryKey: ['staff', 'report', id],
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

export function useRequests(status: RequestStatus | null) {
  return useQuery({
    queryKey: ['staff', 'requests', status],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/requests', { params: { query: { limit: 200, ...(status ? { status } : {}) } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useReviewContext(id: string) {
  return useQuery({
    queryKey: ['staff', 'request', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/requests/{id}/review-context', { params: { path: { id } }, signal })),
    retry: false,
  });
}

/** Fetches a download that needs the session's token and hands it to the browser as a file. */
export async function downloadBlob(call: Promise<{ data?: unknown; error?: unknown; response: Response }>, fallbackName: string): Promise<void> {
  const result = await call;
  if (!result.response.ok) {
    await unwrap(Promise.resolve(result));
    return;
  }
  const blob = result.data as Blob;
  const disposition = result.response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
