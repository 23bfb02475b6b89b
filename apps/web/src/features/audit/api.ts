import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, errorOf, unwrap } from '../../api/errors';
import { usePagedList } from '../../api/usePagedList';
import type { AuditReportView, ExportFormat } from './types';

/** The audit reports' query keys. */
export const auditKeys = {
  all: ['audit-reports'] as const,
  list: () => [...auditKeys.all, 'list'] as const,
  detail: (id: string) => [...auditKeys.all, 'detail', id] as const,
};

/** The reports, newest first, a page at a time. */
export function useAuditReports() {
  return usePagedList({
    queryKey: auditKeys.list(),
    fetchPage: ({ cursor, limit, signal }) => unwrap(api.GET('/api/audit-reports', { params: { query: { cursor, limit } }, signal })),
    keepPrevious: true,
  });
}

export const isRunning = (report: Pick<AuditReportView, 'status'> | undefined) => report?.status === 'queued' || report?.status === 'running';

/** One report; asked again every second while it is queued or running (the live progress bar). */
export function useAuditReport(id: string) {
  return useQuery({
    queryKey: auditKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/audit-reports/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
    refetchIntervalInBackground: true,
    staleTime: 0,
    retry: (failures, error) => failures < 2 && error instanceof ApiError && (error.unreachable || error.status >= 502),
  });
}

/** POST → 202 with the report queued (or the one already queued or running for that year). */
export function useRequestReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => unwrap(api.POST('/api/audit-reports', { body: { year } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.list() }),
  });
}

export function useFinalizeReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/audit-reports/{id}/finalize', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : match?.[2];
  return name || fallback;
}

/**
 * The export needs the bearer token, so a plain link cannot fetch it: fetch it with the client,
 * then hand the bytes to the browser as a download through an object URL.
 */
export async function downloadExport(report: Pick<AuditReportView, 'id' | 'year' | 'version'>, format: ExportFormat): Promise<void> {
  let result;
  try {
    result = await api.GET('/api/audit-reports/{id}/export', { params: { path: { id: report.id }, query: { format } }, parseAs: 'blob' });
  } catch {
    throw new ApiError(0, []);
  }
  if (!result.response.ok) {
    // openapi-fetch reads an error body as JSON (or text), whatever parseAs asked for.
    throw errorOf(result.response.status, result.error);
  }
  const blob = result.data as Blob;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameOf(result.response, `audit-${report.year}-v${report.version}.${format}`);
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
