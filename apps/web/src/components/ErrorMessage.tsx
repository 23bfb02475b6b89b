import { Alert, Button, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';

/**
 * An error a person can read: the API's own messages, or "the server cannot be reached".
 * `messages` overrides what the error says (e.g. the messages left over once fields took theirs).
 */
export function ErrorMessage({ error, messages, onRetry, title }: { error?: unknown; messages?: string[]; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const unreachable = error instanceof ApiError && error.unreachable;
  const lines = messages ?? (error instanceof ApiError ? error.messages : error ? [String(error)] : []);
  if (!unreachable && lines.length === 0 && !error) return null;
  return (
    <Alert role="alert" color="red" title={title ?? (unreachable ? t('errors.unreachable') : t('errors.title'))} mb="md" data-testid="error-message">
      {!unreachable && lines.length === 1 && lines[0]}
      {!unreachable && lines.length > 1 && (
        <List size="sm">
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
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
