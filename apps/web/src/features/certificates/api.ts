import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

export const certificateKeys = {
  all: ['certificates'] as const,
  verification: (code: string) => [...certificateKeys.all, code] as const,
};

/** A certificate checked by its code (public); nothing is asked while the code is blank. */
export function useCertificate(code: string) {
  return useQuery({
    queryKey: certificateKeys.verification(code),
    queryFn: () => unwrap(api.GET('/api/certificates/{code}', { params: { path: { code } } })),
    enabled: code !== '',
    retry: false,
  });
}
