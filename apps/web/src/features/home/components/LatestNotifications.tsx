import { Alert, Anchor, Group, Paper, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { useMyNotifications } from '../../notifications/api';
import { NotificationList } from '../../notifications/components/NotificationList';

/** The person's three latest notifications, on their home page. */
export function LatestNotifications() {
  const { t } = useTranslation();
  const headingId = useId();
  const notifications = useMyNotifications(false, 3);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="home-notifications">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('notifications.latest')}
        </Title>
        <Anchor component={Link} to="/notifications" size="sm" fw={600}>
          {t('notifications.seeAll')}
        </Anchor>
      </Group>
      {notifications.isPending && <Loading />}
      {notifications.isError && <ErrorMessage error={notifications.error} onRetry={() => void notifications.refetch()} />}
      {notifications.isSuccess && notifications.count === 0 && (
        <Alert color="blue" c="dark.8">
          {t('notifications.none')}
        </Alert>
      )}
      {notifications.count > 0 && <NotificationList items={notifications.items.slice(0, 3)} compact />}
    </Paper>
  );
}
