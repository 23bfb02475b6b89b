import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';
import type { Schemas } from './types';

export type Profile = Schemas['ApplicantProfileDto'];

/**
 * The signed-in applicant's profile: read by the account pages and by the catalogue's sheet (is
 * her country eligible?), so it lives beside the client rather than in either feature.
 */
export const profileKeys = {
  all: ['account'] as const,
  profile: () => [...profileKeys.all, 'profile'] as const,
};

export function useProfile(enabled = true) {
  return useQuery({
    queryKey: profileKeys.profile(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/me/profile', { signal })),
    enabled,
  });
}
