import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../types';

const COLORS: Record<ReportStatus, string> = { queued: 'gray', running: 'blue', completed: 'green', failed: 'red' };

export function StatusBadge({ status, progress }: { status: ReportStatus; progress?: number }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" c="dark.8" data-testid="report-status">
      {status === 'running' && progress !== undefined ? t('auditor.status.runningAt', { progress }) : t(`auditor.status.${status}`)}
    </Badge>
  );
}
