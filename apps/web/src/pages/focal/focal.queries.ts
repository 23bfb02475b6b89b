import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { Page } from '../../api/types';
import type { components } from '../../api/schema';
import type { Application, ApplicationStatus } from '../applicant/applicant.queries';

export const REQUEST_STATUSES = ['submitted', 'under_review', 'approved', 'rejected', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type RequestFields = components['schemas']['CreateRequestDto'];
export type RequestContact = components['schemas']['RequestContactDto'];

/** libs/requests requests.dto.ts RequestView */
export interface NationalRequest {
  id: string;
  country: string;
  countryName: string;
  requestedBy: string | null;
  topics: string[];
  preferredQuarter: string;
  language: RequestFields['language'];
  needsAssessment: string;
  expectedOutcomes: string;
  targetAudience: string;
  expectedParticipants: number;
  contacts: RequestContact[];
  documents: { kind: 'official_letter'; fileId: string; filename: string; mediaType: string; sizeBytes: number }[];
  status: RequestStatus;
  decisionReason: string | null;
  decidedAt: string | null;
  activityId: string | null;
  activityCode: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Edit until review starts; withdraw until a decision (libs/requests request-status.ts). */
export const EDITABLE: readonly RequestStatus[] = ['submitted'];
export const WITHDRAWABLE: readonly RequestStatus[] = ['submitted', 'under_review'];

export function useNominations(status: ApplicationStatus | null) {
  return useInfiniteQuery({
    queryKey: ['nominations', status],
    queryFn: ({ pageParam, signal }) =>
      unwrap<Page<Application>>(api.GET('/api/nominations', { params: { query: { status: status ?? undefined, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRequests(status: RequestStatus | null) {
  return useInfiniteQuery({
    queryKey: ['requests', status],
    queryFn: ({ pageParam, signal }) =>
      unwrap<Page<NationalRequest>>(api.GET('/api/requests', { params: { query: { status: status ?? undefined, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRequest(id: string | undefined) {
  return useQuery({
    queryKey: ['request', id],
    queryFn: ({ signal }) => unwrap<NationalRequest>(api.GET('/api/requests/{id}', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
    retry: false,
  });
}

/** POST /api/requests: multipart form, topics and contacts as JSON, the official letter as the file part. */
export function createRequest(fields: RequestFields, letter: File): Promise<NationalRequest> {
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
  return unwrap<NationalRequest>(api.POST('/api/requests', { body: body as unknown as RequestFields }));
}

export async function downloadLetter(request: NationalRequest): Promise<Blob> {
  const { data, response } = await api.GET('/api/requests/{id}/official-letter', { params: { path: { id: request.id } }, parseAs: 'blob' });
  if (!response.ok || !data) throw new ApiError(response.status, [response.statusText]);
  return data as Blob;
}
