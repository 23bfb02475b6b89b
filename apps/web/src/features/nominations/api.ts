import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { downloadBlob } from '../../api/download';
import type { Schemas } from '../../api/types';
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

/** The activities that need the country's nominations, with the quota used and left. */
export const nominationActivityKeys = {
  all: [...nominationKeys.all, 'activities'] as const,
  list: () => [...nominationActivityKeys.all, 'list'] as const,
  candidates: (activityId: string) => [...nominationActivityKeys.all, 'candidates', activityId] as const,
};

export function useNominationActivities() {
  return usePagedList({
    queryKey: nominationActivityKeys.list(),
    fetchPage: ({ cursor, limit, signal }) => unwrap(api.GET('/api/nominations/activities', { params: { query: { cursor, limit } }, signal })),
  });
}

/** The country's candidates to one activity with their dossiers, in the focal point's rank order. */
export function useCandidates(activityId: string) {
  return useQuery({
    queryKey: nominationActivityKeys.candidates(activityId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/nominations/activities/{activityId}/candidates', { params: { path: { activityId } }, signal })),
    retry: false,
  });
}

export function rankCandidates(activityId: string, applicationIds: string[]) {
  return unwrap(api.PUT('/api/nominations/activities/{activityId}/ranking', { params: { path: { activityId } }, body: { applicationIds } }));
}

export function endorseMany(applicationIds: string[], reason?: string) {
  return unwrap(api.POST('/api/nominations/endorse', { body: { applicationIds, reason } }));
}

export function declineOne(applicationId: string, reason: string) {
  return unwrap(api.POST('/api/applications/{id}/decline', { params: { path: { id: applicationId } }, body: { reason } }));
}

/** A document of a candidate's dossier, downloaded with the session. */
export function downloadDocument(applicationId: string, kind: Schemas['RequiredDocument'], filename: string) {
  return downloadBlob(api.GET('/api/applications/{id}/documents/{kind}', { params: { path: { id: applicationId, kind } }, parseAs: 'blob' }), filename);
}
