import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';

export type ApplicationStatus = Schemas['ApplicationStatus'];
export type DocumentKind = Schemas['RequiredDocument'];
export type Profile = Schemas['ApplicantProfileDto'];
export type Application = Schemas['ApplicationView'];
/** An evaluation as the applicant's data download gives it back. */
export type Evaluation = Schemas['PersonalEvaluationView'];

/** The applicant may withdraw from these, before the activity starts (libs/applications application-status.ts). */
export const WITHDRAWABLE: readonly ApplicationStatus[] = ['submitted', 'endorsed', 'selected', 'waitlisted'];

export function useMyApplications() {
  return useQuery({
    queryKey: ['me', 'applications'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/me/applications', { params: { query: { limit: 100 } }, signal })),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: ['application', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/applications/{id}', { params: { path: { id } }, signal })),
    retry: false,
  });
}

/** Everything kept about the applicant (GET /api/me/data); the only place that returns their evaluations. */
export function useMyData() {
  return useQuery({
    queryKey: ['me', 'data'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/me/data', { signal })),
  });
}

export function useProfile() {
  return useQuery({
    queryKey: ['me', 'profile'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/me/profile', { signal })),
  });
}

/** One document for a participation form: POST /api/me/files (multipart, one file part). */
export async function uploadFile(file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return unwrap(api.POST('/api/me/files', { body: body as unknown as { file: string } }));
}

/** Saves a response as a file the browser downloads (for downloads that need the session's token). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadCertificate(application: Application): Promise<void> {
  const { data, response } = await api.GET('/api/applications/{id}/certificate.pdf', { params: { path: { id: application.id } }, parseAs: 'blob' });
  if (!response.ok || !data) throw new ApiError(response.status, [response.statusText]);
  saveBlob(data as Blob, `certificate-${application.certificateCode ?? application.activityCode}.pdf`);
}
