import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLOURS: Record<string, string> = {
  planned: 'gray',
  confirmed: 'blue',
  open: 'green',
  closed: 'yellow',
  delivered: 'teal',
  cancelled: 'red',
  postponed: 'orange',
  submitted: 'gray',
  endorsed: 'blue',
  declined: 'red',
  selected: 'green',
  waitlisted: 'yellow',
  rejected: 'red',
  withdrawn: 'gray',
  attended: 'teal',
  completed: 'teal',
  no_show: 'orange',
  under_review: 'blue',
  approved: 'green',
  draft: 'gray',
  adopted: 'green',
  queued: 'gray',
  running: 'blue',
  failed: 'red',
};

export type StatusGroup = 'activity' | 'application' | 'request' | 'plan' | 'auditReport';

/**
 * A status as a light badge, never cut (theme.ts); `group` picks the texts
 * (`status.activity|application|request.*` in i18n/locales, `status.plan|auditReport.*` in i18n/reference).
 */
export function StatusBadge({ status, group }: { status: string; group: StatusGroup }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOURS[status] ?? 'gray'} c="dark.8" data-status={status}>
      {t(`status.${group}.${status}`)}
    </Badge>
  );
}
