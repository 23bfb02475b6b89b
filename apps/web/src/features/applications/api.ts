import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { saveBlob } from '../../api/download';
import { errorOf, unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { usePagedList } from '../../api/usePagedList';

export type ApplicationStatus = Schemas['ApplicationStatus'];
export type DocumentKind = Schemas['RequiredDocument'];
export type Application = Schemas['ApplicationView'];
/** An evaluation as the applicant's data download gives it back. */
export type Evaluation = Schemas['PersonalEvaluationView'];

/** The applications' query keys: the applicant's own (list, one, their data) and an activity's, reviewed by staff. */
export const applicationKeys = {
  all: ['applications'] as const,
  mine: () => [...applicationKeys.all, 'mine'] as const,
  detail: (id: string) => [...applicationKeys.all, 'detail', id] as const,
  /** GET /api/me/data: the only place that returns the applicant's evaluations. */
  myData: () => [...applicationKeys.all, 'my-data'] as const,
  ofActivity: (activityId: string) => [...applicationKeys.all, 'activity', activityId] as const,
};

/** The applicant's applications, a page at a time. */
export function useMyApplications() {
  return usePagedList({
    queryKey: applicationKeys.mine(),
    fetchPage: ({ cursor, limit, signal }) => unwrap(api.GET('/api/me/applications', { params: { query: { cursor, limit } }, signal })),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/applications/{id}', { params: { path: { id } }, signal })),
    retry: false,
  });
}

/** Everything kept about the applicant (GET /api/me/data); the only place that returns their evaluations. */
export function useMyData() {
  return useQuery({
    queryKey: applicationKeys.myData(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/me/data', { signal })),
  });
}

/** An activity's applications for staff, a page at a time; every page also carries the seats, the waitlist and the activity. */
export function useActivityApplications(activityId: string) {
  return usePagedList({
    queryKey: applicationKeys.ofActivity(activityId),
    fetchPage: ({ cursor, limit, signal }) =>
      unwrap(api.GET('/api/activities/{id}/applications', { params: { path: { id: activityId }, query: { cursor, limit } }, signal })),
    retry: false,
  });
}

/** One document for a participation form: POST /api/me/files (multipart, one file part). */
export async function uploadFile(file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return unwrap(api.POST('/api/me/files', { body: body as unknown as { file: string } }));
}

export async function downloadCertificate(application: Application): Promise<void> {
  const { data, error, response } = await api.GET('/api/applications/{id}/certificate.pdf', { params: { path: { id: application.id } }, parseAs: 'blob' });
  if (!response.ok || !data) throw errorOf(response.status, error);
  saveBlob(data as Blob, `certificate-${application.certificateCode ?? application.activityCode}.pdf`);
}
