import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';

export type ApplicantHome = Schemas['ApplicantHomeView'];
export type FocalPointHome = Schemas['FocalPointHomeView'];
export type StaffHome = Schemas['StaffHomeView'];
export type AuditorHome = Schemas['AuditorHomeView'];
export type HomeActivity = Schemas['HomeActivityView'];
export type HomeApplication = Schemas['HomeApplicationView'];
export type HomeRequest = StaffHome['requestsToReview']['items'][number];
export type NextStep = NonNullable<HomeApplication['nextStep']>;

/** Rows of each list on a home page; `total` says how many the list has in all. */
export const HOME_LIMIT = 5;

/** One summary per role (GET /api/home/<role>). */
export const homeKeys = {
  all: ['home'] as const,
  role: (role: 'applicant' | 'focal-point' | 'staff' | 'auditor') => [...homeKeys.all, role] as const,
};

export function useApplicantHome() {
  return useQuery({
    queryKey: homeKeys.role('applicant'),
    queryFn: ({ signal }) => unwrap(api.GET('/api/home/applicant', { params: { query: { limit: HOME_LIMIT } }, signal })),
  });
}

export function useFocalPointHome() {
  return useQuery({
    queryKey: homeKeys.role('focal-point'),
    queryFn: ({ signal }) => unwrap(api.GET('/api/home/focal-point', { params: { query: { limit: HOME_LIMIT } }, signal })),
  });
}

export function useStaffHome() {
  return useQuery({
    queryKey: homeKeys.role('staff'),
    queryFn: ({ signal }) => unwrap(api.GET('/api/home/staff', { params: { query: { limit: HOME_LIMIT } }, signal })),
  });
}

export function useAuditorHome() {
  return useQuery({
    queryKey: homeKeys.role('auditor'),
    queryFn: ({ signal }) => unwrap(api.GET('/api/home/auditor', { params: { query: { limit: HOME_LIMIT } }, signal })),
  });
}
