import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { Page } from '../../api/types';
import type { components } from '../../api/schema';

export const APPLICATION_STATUSES = [
  'submitted',
  'endorsed',
  'declined',
  'selected',
  'waitlisted',
  'rejected',
  'withdrawn',
  'attended',
  'completed',
  'no_show',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type DocumentKind = components['schemas']['ApplicationDocumentDto']['kind'];
export type Profile = components['schemas']['ApplicantProfileDto'];

/** The applicant may withdraw from these, before the activity starts (libs/applications application-status.ts). */
export const WITHDRAWABLE: readonly ApplicationStatus[] = ['submitted', 'endorsed', 'selected', 'waitlisted'];

/** libs/applications applications.dto.ts ApplicationView */
export interface Application {
  id: string;
  activityId: string;
  activityCode: string;
  activityTitle: string;
  activityStartDate: string | null;
  applicantId: string;
  country: string;
  motivation: string;
  status: ApplicationStatus;
  submittedAt: string;
  endorsedAt: string | null;
  nominationReason: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  waitlistPosition: number | null;
  attendedDays: number | null;
  completedAt: string | null;
  certificateCode: string | null;
  withdrawnAt: string | null;
  version: number;
  applicant: {
    fullName: string | null;
    email: string;
    gender: string | null;
    nationality: string | null;
    country: string | null;
    institutionType: string | null;
    institution: string | null;
    position: string | null;
  };
  documents: { kind: DocumentKind; fileId: string; filename: string; mediaType: string; sizeBytes: number }[];
}

/** libs/participation evaluations.dto.ts EvaluationView */
export interface Evaluation {
  applicationId: string;
  satisfaction: number;
  relevance: number;
  preTestScore: number | null;
  postTestScore: number | null;
  comments: string | null;
  appliedInWork: boolean | null;
  followUpComments: string | null;
  followUpAt: string | null;
  submittedAt: string;
}

/** libs/files StoredFileInfo */
export interface StoredFile {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
}

export function useMyApplications() {
  return useQuery({
    queryKey: ['me', 'applications'],
    queryFn: ({ signal }) => unwrap<Page<Application>>(api.GET('/api/me/applications', { params: { query: { limit: 100 } }, signal })),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: ['application', id],
    queryFn: ({ signal }) => unwrap<Application>(api.GET('/api/applications/{id}', { params: { path: { id } }, signal })),
    retry: false,
  });
}

/** Everything kept about the applicant (GET /api/me/data); the only place that returns their evaluations. */
export function useMyData() {
  return useQuery({
    queryKey: ['me', 'data'],
    queryFn: ({ signal }) => unwrap<{ evaluations: Evaluation[] } & Record<string, unknown>>(api.GET('/api/me/data', { signal })),
  });
}

export function useProfile() {
  return useQuery({
    queryKey: ['me', 'profile'],
    queryFn: ({ signal }) => unwrap<Profile & { updatedAt: string }>(api.GET('/api/me/profile', { signal })),
  });
}

/** One document for a participation form: POST /api/me/files (multipart, one file part). */
export async function uploadFile(file: File): Promise<StoredFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  return unwrap<StoredFile>(api.POST('/api/me/files', { body: body as unknown as { file: string } }));
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
