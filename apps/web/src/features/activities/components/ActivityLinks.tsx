import { Anchor, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../components/Allowed';
import type { Activity } from '../types';

/**
 * The links between the pages of one activity. The report link shows when the activity's
 * `allowedActions` offer the back-to-office report (or on the report page itself); `delivered`
 * is for callers that have not passed the activity yet.
 */
export function ActivityLinks({ id, current, activity, delivered }: { id: string; current: 'editor' | 'applications' | 'report'; activity?: Activity; delivered?: boolean }) {
  const { t } = useTranslation();
  const report = activity ? can(activity, 'back-to-office-report') : delivered !== false;
  const links: { key: typeof current; to: string; label: ReactNode; show: boolean }[] = [
    { key: 'editor', to: `/staff/activities/${id}`, label: t('staff.activity.editorLink'), show: true },
    { key: 'applications', to: `/staff/activities/${id}/applications`, label: t('staff.activity.applicationsLink'), show: true },
    { key: 'report', to: `/staff/activities/${id}/report`, label: t('staff.activity.reportLink'), show: report || current === 'report' },
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
