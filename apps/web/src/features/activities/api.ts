import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { downloadBlob } from '../../api/download';
import { ApiError, unwrap } from '../../api/errors';
import { useCountries } from '../../api/reference';
import type { paths } from '../../api/schema';
import type { Language, Schemas } from '../../api/types';
import { usePagedList } from '../../api/usePagedList';

export type ActivitySearch = Omit<NonNullable<paths['/api/activities']['get']['parameters']['query']>, 'cursor' | 'limit'>;
export type ActivityCountSearch = NonNullable<paths['/api/activities/count']['get']['parameters']['query']>;
export type CreateActivityBody = Schemas['CreateActivityDto'];
export type UpdateActivityBody = Schemas['UpdateActivityDto'];
export type SheetBody = Schemas['PutSheetDto'];
export type MaterialKind = Schemas['MaterialKind'];

/** The activities' query keys (staff list, its count and the calendar, one activity, its sheet, its back-to-office report). */
export const activityKeys = {
  all: ['activities'] as const,
  list: (search: ActivitySearch) => [...activityKeys.all, 'list', search] as const,
  count: (search: ActivityCountSearch) => [...activityKeys.all, 'count', search] as const,
  detail: (id: string) => [...activityKeys.all, 'detail', id] as const,
  sheet: (id: string) => [...activityKeys.all, 'sheet', id] as const,
  report: (id: string) => [...activityKeys.all, 'report', id] as const,
  divisions: () => [...activityKeys.all, 'divisions'] as const,
};

/** Activities matching `search`, a page at a time; `all` fetches every page (the calendar's month). */
export function useActivities(search: ActivitySearch, { all = false, pageSize, enabled = true }: { all?: boolean; pageSize?: number; enabled?: boolean } = {}) {
  return usePagedList({
    queryKey: activityKeys.list(search),
    fetchPage: ({ cursor, limit, signal }) => unwrap(api.GET('/api/activities', { params: { query: { ...search, cursor, limit } }, signal })),
    all,
    pageSize,
    enabled,
    keepPrevious: true,
  });
}

/** How many activities the filters match (the list pages; this is the whole count). */
export function useActivityCount(search: ActivitySearch) {
  const { sort: _sort, ...filters } = search;
  return useQuery({
    queryKey: activityKeys.count(filters),
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities/count', { params: { query: filters }, signal })),
    placeholderData: (previous) => previous,
  });
}

export function useActivity(id: string) {
  return useQuery({
    queryKey: activityKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities/{id}', { params: { path: { id } }, signal })),
    retry: false,
  });
}

/** The sheet, or null while the activity has none yet (the API answers 404 SHEET_NOT_FOUND: the editor then writes the first). */
export function useSheet(id: string) {
  return useQuery({
    queryKey: activityKeys.sheet(id),
    queryFn: async ({ signal }) => {
      try {
        return await unwrap(api.GET('/api/activities/{id}/sheet', { params: { path: { id } }, signal }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && error.body?.code === 'SHEET_NOT_FOUND') return null;
        throw error;
      }
    },
    retry: false,
  });
}

/** The report, or null while there is none (the API answers 404). */
export function useBackToOfficeReport(id: string) {
  return useQuery({
    queryKey: activityKeys.report(id),
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

/** The secretariat's divisions that lead activities (reference data: fetched once per visit). */
export function useDivisions() {
  return useQuery({
    queryKey: activityKeys.divisions(),
    queryFn: () => unwrap(api.GET('/api/reference/divisions')).then((page) => page.items),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** Countries as options of a picker, named in the interface language (the names the reference data keeps from i18n-iso-countries), by name. */
export function useCountryOptions() {
  const countries = useCountries();
  const { i18n } = useTranslation();
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const options = useMemo(
    () =>
      (countries.data ?? [])
        .map((country) => ({ value: country.code, label: country.names?.[language] ?? country.name, region: country.region }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [countries.data, language],
  );
  const nameOf = useMemo(() => {
    const names = new Map(options.map((option) => [option.value, option.label]));
    return (code: string | null | undefined) => (code ? (names.get(code) ?? code) : '');
  }, [options]);
  return { options, nameOf, isPending: countries.isPending };
}

export function createActivity(body: CreateActivityBody) {
  return unwrap(api.POST('/api/activities', { body }));
}

export function updateActivity(id: string, body: UpdateActivityBody) {
  return unwrap(api.PATCH('/api/activities/{id}', { params: { path: { id } }, body }));
}

export function cloneActivity(id: string, title?: string) {
  return unwrap(api.POST('/api/activities/{id}/clone', { params: { path: { id } }, body: title ? { title } : {} }));
}

export function saveSheet(id: string, body: SheetBody) {
  return unwrap(api.PUT('/api/activities/{id}/sheet', { params: { path: { id } }, body }));
}

export function publishSheet(id: string) {
  return unwrap(api.POST('/api/activities/{id}/sheet/publish', { params: { path: { id } } }));
}

export function addLinkMaterial(id: string, material: { title: string; kind: MaterialKind; url: string; language?: Language }) {
  return unwrap(api.POST('/api/activities/{id}/sheet/materials', { params: { path: { id } }, body: material as never }));
}

/** An uploaded material: multipart with the file, its title, kind and language. */
export function uploadMaterial(id: string, material: { title: string; kind: MaterialKind; language?: Language; file: File }) {
  const body = new FormData();
  body.append('title', material.title);
  body.append('kind', material.kind);
  if (material.language) body.append('language', material.language);
  body.append('file', material.file, material.file.name);
  return unwrap(api.POST('/api/activities/{id}/sheet/materials', { params: { path: { id } }, body: body as never }));
}

export function removeMaterial(id: string, materialId: string) {
  return unwrap(api.DELETE('/api/activities/{id}/sheet/materials/{materialId}', { params: { path: { id, materialId } } }));
}

export function downloadMaterial(id: string, materialId: string, filename: string) {
  return downloadBlob(api.GET('/api/activities/{id}/sheet/materials/{materialId}/file', { params: { path: { id, materialId } }, parseAs: 'blob' }), filename);
}

/** The activity's own calendar event (needs the token, so fetched and saved as a file). */
export function downloadActivityIcs(id: string, code: string) {
  return downloadBlob(api.GET('/api/activities/{id}/calendar.ics', { params: { path: { id } }, parseAs: 'blob' }), `${code}.ics`);
}

function csvForm(file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return body as never;
}

/** Every row of the file with its problems, nothing saved. */
export function checkImport(planId: string, file: File) {
  return unwrap(api.POST('/api/ta-plans/{id}/activities/import/check', { params: { path: { id: planId } }, body: csvForm(file) }));
}

/** Imports every row, or none (a 422 listing the problems). */
export function importActivities(planId: string, file: File) {
  return unwrap(api.POST('/api/ta-plans/{id}/activities/import', { params: { path: { id: planId } }, body: csvForm(file) }));
}

export function downloadImportTemplate(planId: string) {
  return downloadBlob(api.GET('/api/ta-plans/{id}/activities/import/template', { params: { path: { id: planId } }, parseAs: 'blob' }), 'activities-import.csv');
}
