import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../api/errors';
import { formatDate } from '../../../../components/format';
import { ErrorMessage } from '../../../../components/ErrorMessage';

/** A refused item of a batch as the API lists it: the application, the person, the refusal's code and params. */
export interface RefusedItem {
  applicationId: string;
  applicantName?: string | null;
  problem: string;
  code?: string;
  params?: Record<string, unknown>;
}

const DATE_PARAMS = new Set(['startDate', 'endDate', 'deadline']);

/**
 * A refusal in the interface language, from its stable `code` and its `params` (`review.refusals.<CODE>`):
 * dates, statuses and actions in the params are themselves translated. Without a translation, the API's
 * English sentence.
 */
export function useRefusalText() {
  const { t } = useTranslation();
  return (code: string | undefined, params: Record<string, unknown> | undefined, fallback: string): string => {
    if (!code) return fallback;
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(params ?? {})) {
      if (DATE_PARAMS.has(key) && typeof value === 'string') values[key] = formatDate(value);
      else if (key === 'status' && typeof value === 'string') values[key] = t(`status.application.${value}`, { defaultValue: value });
      else if (key === 'action' && typeof value === 'string') values[key] = t(`review.actionNames.${value}`, { defaultValue: value });
      else if (key === 'allowedFrom' && Array.isArray(value)) values[key] = value.map((status) => t(`status.application.${String(status)}`, { defaultValue: String(status) })).join(', ');
      else values[key] = value;
    }
    return t(`review.refusals.${code}`, { ...values, defaultValue: fallback });
  };
}

/**
 * A refused call as a person reads it: the refusal translated from its code, and for a batch each
 * refused application by name with its reason. Anything else (the server unreachable, an
 * unexpected error) as the shared ErrorMessage shows it.
 */
export function RefusalAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const text = useRefusalText();
  if (!error) return null;
  if (!(error instanceof ApiError) || error.unreachable || !error.body?.code) return <ErrorMessage error={error} title={title} />;
  const body = error.body as typeof error.body & { errors?: RefusedItem[] };
  const items = body.errors ?? [];
  return (
    <Alert role="alert" color="red" title={title ?? t('errors.title')} mb="md" data-testid="error-message">
      <Text size="sm">{text(body.code, body.params, error.messages.join('; '))}</Text>
      {items.length > 0 && (
        <List size="sm" mt="xs" data-testid="refused-items">
          {items.map((item) => (
            <List.Item key={`${item.applicationId}-${item.code ?? ''}`}>
              <Text span fw={600} size="sm">
                {item.applicantName ?? t('review.unnamed')}
              </Text>
              {': '}
              {item.code ? text(item.code, item.params, item.problem) : t('review.refusals.REPEATED')}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** Light alerts (yellow, blue) with a dark title: Mantine's own title colour on their tint fails WCAG AA contrast. */
export const ALERT_STYLES = { title: { color: 'var(--mantine-color-dark-7)' } } as const;
