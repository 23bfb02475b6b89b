import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { ErrorMessage } from './ErrorMessage';
import { PageTitle } from './PageTitle';

/**
 * A detail page whose record did not load: "not found" (404, or a malformed id's 400) in the
 * page's own words, any other failure as the API said it, with a retry.
 */
export function LoadFailure({ error, notFound, onRetry, back }: { error: unknown; notFound: string; onRetry: () => void; back?: ReactNode }) {
  const { t } = useTranslation();
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  return (
    <>
      {back}
      <PageTitle>{t('notFound.title')}</PageTitle>
      {missing ? <Text>{notFound}</Text> : <ErrorMessage error={error} onRetry={onRetry} />}
    </>
  );
}
