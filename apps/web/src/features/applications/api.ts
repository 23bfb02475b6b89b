import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { downloadBlob, saveBlob } from '../../api/download';
import { errorOf, unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
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

/** One document for a participation form: POST /api/me/files (multipart, one file part). */
export async function uploadFile(file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return unwrap(api.POST('/api/me/files', { body: body as unknown as { file: string } }));
}

/** The certificate PDF in `lang` (the interface language), else the participant's own. */
export async function downloadCertificate(application: Application, lang?: Schemas['Language']): Promise<void> {
  const { data, error, response } = await api.GET('/api/applications/{id}/certificate.pdf', { params: { path: { id: application.id }, query: { lang } }, parseAs: 'blob' });
  if (!response.ok || !data) throw errorOf(response.status, error);
  saveBlob(data as Blob, `certificate-${application.certificateCode ?? application.activityCode}.pdf`);
}

// ---------------------------------------------------------------------------------------------
// Staff's review of an activity's applications (issue 12): pages with filters, the balance of
// the seats, dossiers, downloads, bulk decisions, attendance and completions.

type ReviewQuery = NonNullable<paths['/api/activities/{id}/applications']['get']['parameters']['query']>;

/** The filters and order of the review, as the list takes them (and the URL keeps them). */
export type ReviewFilters = Pick<ReviewQuery, 'status' | 'country' | 'region' | 'gender' | 'ldc' | 'q' | 'sort' | 'order'>;
export type ReviewSort = NonNullable<ReviewQuery['sort']>;
export type ApplicationsPage = Schemas['ActivityApplicationsPageView'];
export type ReviewActivity = Schemas['ApplicationsActivityView'];
export type Balance = Schemas['ApplicationsBalanceView'];
export type Dossier = Schemas['ApplicationDossierView'];
export type BulkProblem = Schemas['BulkProblem'];
export type Decision = Schemas['DecisionDto']['action'];

/** The review's keys, under the activity's applications so that one invalidation refreshes them all. */
export const reviewKeys = {
  page: (activityId: string, filters: ReviewFilters, cursor: string | null, limit: number) =>
    [...applicationKeys.ofActivity(activityId), 'page', filters, cursor, limit] as const,
  waitlist: (activityId: string) => [...applicationKeys.ofActivity(activityId), 'waitlist'] as const,
  participants: (activityId: string) => [...applicationKeys.ofActivity(activityId), 'participants'] as const,
  balance: (activityId: string) => [...applicationKeys.ofActivity(activityId), 'balance'] as const,
  evaluations: (activityId: string) => [...applicationKeys.ofActivity(activityId), 'evaluations'] as const,
  dossier: (applicationId: string) => [...applicationKeys.detail(applicationId), 'dossier'] as const,
};

/** One page of an activity's applications: the filters, the cursor of the page (null: the first) and its size. */
export function useApplicationsPage(activityId: string, filters: ReviewFilters, cursor: string | null, limit: number) {
  return useQuery({
    queryKey: reviewKeys.page(activityId, filters, cursor, limit),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/activities/{id}/applications', { params: { path: { id: activityId }, query: { ...filters, cursor: cursor ?? undefined, limit } }, signal })),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Every application of the activity in `statuses`, first come first, all pages (the waitlist, the attendance sheet). */
export function useApplicationsIn(activityId: string, key: 'waitlist' | 'participants', statuses: ApplicationStatus[]) {
  return usePagedList({
    queryKey: reviewKeys[key](activityId),
    fetchPage: ({ cursor, limit, signal }) =>
      unwrap(api.GET('/api/activities/{id}/applications', { params: { path: { id: activityId }, query: { status: statuses, cursor, limit } }, signal })),
    all: true,
    retry: false,
  });
}

export type ActivityEvaluation = Schemas['ActivityEvaluationView'];

/** The activity's evaluation results: responses against participations, means, learning gain. */
export function useEvaluationResults(activityId: string) {
  return useQuery({
    queryKey: [...reviewKeys.evaluations(activityId), 'results'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities/{id}/evaluations', { params: { path: { id: activityId } }, signal })),
    retry: false,
  });
}

/** The activity's evaluations with their participants, by name, a page at a time. */
export function useActivityEvaluations(activityId: string) {
  return usePagedList({
    queryKey: [...reviewKeys.evaluations(activityId), 'responses'],
    fetchPage: ({ cursor, limit, signal }) =>
      unwrap(api.GET('/api/activities/{id}/evaluations/responses', { params: { path: { id: activityId }, query: { cursor, limit } }, signal })),
    retry: false,
  });
}

/** Staff enter (or correct) a participant's test scores, 0 to 100; null clears one. */
export function saveTestScores(applicationId: string, scores: { preTestScore: number | null; postTestScore: number | null }) {
  return unwrap(api.PUT('/api/applications/{id}/evaluation/test-scores', { params: { path: { id: applicationId } }, body: scores }));
}

export function useBalance(activityId: string) {
  return useQuery({
    queryKey: reviewKeys.balance(activityId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities/{id}/applications/balance', { params: { path: { id: activityId } }, signal })),
    retry: false,
  });
}

export function useDossier(applicationId: string | null) {
  return useQuery({
    queryKey: reviewKeys.dossier(applicationId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/applications/{id}/dossier', { params: { path: { id: applicationId! } }, signal })),
    enabled: applicationId !== null,
    retry: false,
  });
}

/** The activity's applications matching `filters` as a CSV or XLSX file. */
export function downloadApplications(activityId: string, filters: Omit<ReviewFilters, 'sort' | 'order'>, format: 'csv' | 'xlsx', fallbackName: string) {
  return downloadBlob(
    api.GET('/api/activities/{id}/applications', { params: { path: { id: activityId }, query: { ...filters, format } }, parseAs: 'blob' }),
    fallbackName,
  );
}

/** A document of an application, downloaded with the session's token. */
export function downloadDocument(applicationId: string, kind: DocumentKind, filename: string) {
  return downloadBlob(api.GET('/api/applications/{id}/documents/{kind}', { params: { path: { id: applicationId, kind } }, parseAs: 'blob' }), filename);
}

export function decideMany(activityId: string, decisions: Schemas['DecisionDto'][]) {
  return unwrap(api.POST('/api/activities/{id}/applications/decisions', { params: { path: { id: activityId } }, body: { decisions } }));
}

export function attendMany(activityId: string, records: Schemas['AttendanceRecordDto'][]) {
  return unwrap(api.POST('/api/activities/{id}/attendance', { params: { path: { id: activityId } }, body: { records } }));
}

export function attendEveryone(activityId: string, attendedDays?: number) {
  return unwrap(api.POST('/api/activities/{id}/attendance/everyone', { params: { path: { id: activityId } }, body: attendedDays === undefined ? {} : { attendedDays } }));
}

export function completeMany(activityId: string, applicationIds?: string[]) {
  return unwrap(api.POST('/api/activities/{id}/completions', { params: { path: { id: activityId } }, body: applicationIds ? { applicationIds } : {} }));
}

export type ApplicationDraft = Schemas['ApplicationDraftView'];

/** Keeps the participation form on the server as it is (PUT .../applications/draft), to finish later on any device. */
export function saveDraft(activityId: string, body: Schemas['SaveDraftDto']) {
  return unwrap(api.PUT('/api/activities/{id}/applications/draft', { params: { path: { id: activityId } }, body }));
}

/** The applicant's saved drafts, a page at a time. */
export function useMyDrafts() {
  return usePagedList({
    queryKey: [...applicationKeys.all, 'drafts'] as const,
    fetchPage: ({ cursor, limit, signal }) => unwrap(api.GET('/api/me/drafts', { params: { query: { cursor, limit } }, signal })),
  });
}
