import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';

export type Profile = Schemas['ApplicantProfileDto'];

/** The account's query keys: the applicant's profile. */
export const accountKeys = {
  all: ['account'] as const,
  profile: () => [...accountKeys.all, 'profile'] as const,
};

export function useProfile() {
  return useQuery({
    queryKey: accountKeys.profile(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/me/profile', { signal })),
  });
}
