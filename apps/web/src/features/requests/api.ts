import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorOf, unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { usePagedList } from '../../api/usePagedList';

export type RequestStatus = Schemas['RequestStatus'];
export type RequestFields = Schemas['CreateRequestDto'];
export type RequestContact = Schemas['RequestContactDto'];
/** A request as the list gives it (without its texts, contacts and documents). */
export type RequestSummary = Schemas['RequestSummary'];
export type NationalRequest = Schemas['RequestView'];
export type ReviewContext = Schemas['ReviewContext'];

/** What the caller may do to a request now (its `allowedActions`, decided by the API's request policy). */
export type RequestAction = Schemas['RequestAction'];

/** The national requests' query keys: the list (the focal point's country's, or every country's for staff), one request, its review context. */
export const requestKeys = {
  all: ['requests'] as const,
  lists: () => [...requestKeys.all, 'list'] as const,
  list: (status: RequestStatus | null) => [...requestKeys.lists(), status] as const,
  detail: (id: string) => [...requestKeys.all, 'detail', id] as const,
  reviewContext: (id: string) => [...requestKeys.all, 'review-context', id] as const,
};

/** The requests the caller may see (a focal point: their country's; staff: all), a page at a time. */
export function useRequests(status: RequestStatus | null, { keepPrevious = false }: { keepPrevious?: boolean } = {}) {
  return usePagedList({
    queryKey: requestKeys.list(status),
    fetchPage: ({ cursor, limit, signal }) =>
      unwrap(api.GET('/api/requests', { params: { query: { status: status ?? undefined, cursor, limit } }, signal })),
    keepPrevious,
  });
}

export function useRequest(id: string | undefined) {
  return useQuery({
    queryKey: requestKeys.detail(id ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/requests/{id}', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
    retry: false,
  });
}

/** POST /api/requests: multipart form, topics and contacts as JSON, the official letter as the file part. */
export function createRequest(fields: RequestFields, letter: File) {
  const body = new FormData();
  body.append('topics', JSON.stringify(fields.topics));
  body.append('preferredQuarter', fields.preferredQuarter);
  body.append('language', fields.language);
  body.append('needsAssessment', fields.needsAssessment);
  body.append('expectedOutcomes', fields.expectedOutcomes);
  body.append('targetAudience', fields.targetAudience);
  body.append('expectedParticipants', String(fields.expectedParticipants));
  body.append('contacts', JSON.stringify(fields.contacts));
  body.append('officialLetter', letter, letter.name);
  return unwrap(api.POST('/api/requests', { body: body as unknown as RequestFields }));
}

export function useReviewContext(id: string) {
  return useQuery({
    queryKey: requestKeys.reviewContext(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/requests/{id}/review-context', { params: { path: { id } }, signal })),
    retry: false,
  });
}

export async function downloadLetter(request: NationalRequest): Promise<Blob> {
  const { data, error, response } = await api.GET('/api/requests/{id}/official-letter', { params: { path: { id: request.id } }, parseAs: 'blob' });
  if (!response.ok || !data) throw errorOf(response.status, error);
  return data as Blob;
}
