import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, knowsRefusal, refusalText } from '../../api/errors';

/**
 * The refusal of an account form (sign-in, links, passwords, users) as one sentence in the
 * person's language, through the app's one refusal translation (i18n/refusals); null when the
 * error is not a refusal the web knows, or is a 400 whose problems belong beside their fields.
 */
export function useApiErrorText(): (error: unknown) => string | null {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return useCallback(
    (error: unknown) => (language && error instanceof ApiError && error.code && error.problems.length === 0 && knowsRefusal(error.code) ? refusalText(error) : null),
    [language],
  );
}
