import { Anchor, Badge, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

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

/** A status as a light badge; `group` picks the texts (activity, application or request statuses). */
export function StatusBadge({ status, group }: { status: string; group: 'activity' | 'application' | 'request' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOURS[status] ?? 'gray'} c="dark.8" data-status={status}>
      {t(`staff.status.${group}.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** An exact decimal string shown as money; never summed in the browser. */
export function formatMoney(value: string | null | undefined, language: string): string {
  if (value === null || value === undefined || value === '') return '';
  const number = Number(value);
  return Number.isFinite(number) ? new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(number) : value;
}

/** The links between the pages of one activity. */
export function ActivityLinks({ id, current, delivered }: { id: string; current: 'editor' | 'applications' | 'report'; delivered?: boolean }) {
  const { t } = useTranslation();
  const links: { key: typeof current; to: string; label: ReactNode; show: boolean }[] = [
    { key: 'editor', to: `/staff/activities/${id}`, label: t('staff.activity.editorLink'), show: true },
    { key: 'applications', to: `/staff/activities/${id}/applications`, label: t('staff.activity.applicationsLink'), show: true },
    { key: 'report', to: `/staff/activities/${id}/report`, label: t('staff.activity.reportLink'), show: delivered !== false || current === 'report' },
  ];
  return (
    <Group gap="md" mb="md" component="nav" aria-label={t('staff.activity.pages')}>
      {links
        .filter((link) => link.show)
        .map((link) =>
          link.key === current ? (
            <span key={link.key} aria-current="page" style={{ fontWeight: 600 }}>
              {link.label}
            </span>
          ) : (
            <Anchor key={link.key} component={Link} to={link.to}>
              {link.label}
            </Anchor>
          ),
        )}
    </Group>
  );
}

/** A success message in the corner, whose close button is labelled. */
export function notifySuccess(message: string, closeLabel: string): void {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': closeLabel } });
}
