import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<string, string> = {
  submitted: 'blue',
  endorsed: 'cyan',
  declined: 'red',
  selected: 'green',
  waitlisted: 'yellow',
  rejected: 'red',
  withdrawn: 'gray',
  attended: 'teal',
  completed: 'green',
  no_show: 'orange',
  under_review: 'yellow',
  approved: 'green',
};

/**
 * A status as a light badge with dark text (WCAG AA contrast). `group` is the i18n key holding the
 * status names: `applicant.status` for applications, `focal.requestStatus` for national requests.
 */
export function StatusBadge({ status, group = 'applicant.status', testId = 'status-badge' }: { status: string; group?: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOURS[status] ?? 'gray'} c="dark.8" data-testid={testId} data-status={status}>
      {t(`${group}.${status}`)}
    </Badge>
  );
}
