import { Anchor, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

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
