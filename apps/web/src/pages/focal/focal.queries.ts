import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';
import type { ApplicationStatus } from '../applicant/applicant.queries';

export type RequestStatus = Schemas['RequestStatus'];
export type RequestFields = Schemas['CreateRequestDto'];
export type RequestContact = Schemas['RequestContactDto'];
/** A request as the list gives it (without its texts, contacts and documents). */
export type RequestSummary = Schemas['RequestSummary'];
export type NationalRequest = Schemas['RequestView'];

/** Edit until review starts; withdraw until a decision (libs/requests request-status.ts). */
export const EDITABLE: readonly RequestStatus[] = ['submitted'];
export const WITHDRAWABLE: readonly RequestStatus[] = ['submitted', 'under_review'];

export function useNominations(status: ApplicationStatus | null) {
  return useInfiniteQuery({
    queryKey: ['nominations', status],
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/api/nominations', { params: { query: { status: status ?? undefined, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRequests(status: RequestStatus | null) {
  return useInfiniteQuery({
    queryKey: ['requests', status],
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/api/requests', { params: { query: { status: status ?? undefined, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRequest(id: string | undefined) {
  return useQuery({
    queryKey: ['request', id],
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

export async function downloadLetter(request: NationalRequest): Promise<Blob> {
  const { data, response } = await api.GET('/api/requests/{id}/official-letter', { params: { path: { id: request.id } }, parseAs: 'blob' });
  if (!response.ok || !data) throw new ApiError(response.status, [response.statusText]);
  return data as Blob;
}
