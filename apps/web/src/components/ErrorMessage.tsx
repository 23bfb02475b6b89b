import { Alert, Button, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';

/**
 * An error a person can read, in their language: the API's refusal translated from its code and
 * params (and a 400's field problems), or "the server cannot be reached". Never the server's
 * English sentence on a French or Spanish page (api/errors.ts). `messages` overrides the lines
 * (e.g. the ones left over once form fields took theirs, from `useServerErrors` or `fieldErrors`).
 */
export function ErrorMessage({ error, messages, onRetry, title }: { error?: unknown; messages?: string[]; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const unreachable = error instanceof ApiError && error.unreachable;
  const lines = messages ?? (error instanceof ApiError ? error.messages : []);
  if (!unreachable && lines.length === 0 && !error) return null;
  return (
    <Alert
      role="alert"
      color="red"
      title={title ?? (unreachable ? t('errors.unreachable') : t('errors.title'))}
      mb="md"
      data-testid="error-message"
      data-code={error instanceof ApiError ? error.code : undefined}
    >
      {!unreachable && lines.length === 1 && lines[0]}
      {!unreachable && lines.length > 1 && (
        <List size="sm">
          {lines.map((line, index) => (
            <List.Item key={`${index}-${line}`}>{line}</List.Item>
          ))}
        </List>
      )}
      {onRetry && (
        <Button mt="sm" size="xs" variant="white" color="red" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      )}
    </Alert>
  );
}
