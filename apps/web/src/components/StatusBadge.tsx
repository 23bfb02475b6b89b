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
};

/** A status as a light badge; `group` picks the texts (`status.activity|application|request.*`, i18n/locales). */
export function StatusBadge({ status, group }: { status: string; group: 'activity' | 'application' | 'request' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOURS[status] ?? 'gray'} c="dark.8" data-status={status}>
      {t(`status.${group}.${status}`, { defaultValue: status })}
    </Badge>
  );
}
