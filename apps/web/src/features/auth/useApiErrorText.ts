import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';

/**
 * The person's language for the refusals of accounts (sign-in, links, passwords): from the
 * refusal's code and params, never the server's English sentence. Null for other errors.
 */
export function useApiErrorText(): (error: unknown) => string | null {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError) || !error.body?.code) return null;
      const { code, params } = error.body as { code: string; params?: Record<string, unknown> };
      const key = `accountErrors.${code}`;
      if (!i18n.exists(key)) return null;
      const reason = typeof params?.reason === 'string' ? params.reason : 'guessable';
      const extra = error.body as unknown as { retryAfterSeconds?: unknown };
      const retry = typeof extra.retryAfterSeconds === 'number' ? extra.retryAfterSeconds : undefined;
      return t(key, { reason: t(`accountErrors.reasons.${reason}`, { defaultValue: '' }), minutes: retry ? Math.max(1, Math.ceil(retry / 60)) : 15 });
    },
    [t, i18n],
  );
}
