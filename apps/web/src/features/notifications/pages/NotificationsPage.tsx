import { Alert, Button, Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatNumber } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { LoadMore } from '../../../components/LoadMore';
import { PageTitle } from '../../../components/PageTitle';
import { useMarkRead, useMyNotifications, useUnreadCount } from '../api';
import { NotificationList } from '../components/NotificationList';

/** The person's notifications in the app: the messages the outbox holds for them, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('show') === 'unread';
  const notifications = useMyNotifications(unreadOnly);
  const unread = useUnreadCount(true);
  const markRead = useMarkRead();
  const unreadCount = unread.data ?? notifications.firstPage?.unread ?? 0;

  return (
    <>
      <PageTitle>{t('notifications.title')}</PageTitle>
      <Group justify="space-between" align="flex-end" mb="md" gap="sm">
        <div>
          <Text id="notifications-filter" size="sm" mb={4}>
            {t('notifications.show')}
          </Text>
          <SegmentedControl
            aria-labelledby="notifications-filter"
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(value) => setParams(value === 'unread' ? new URLSearchParams({ show: 'unread' }) : new URLSearchParams(), { replace: true })}
            data={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: t('notifications.unreadOnly', { count: unreadCount, formatted: formatNumber(unreadCount) }) },
            ]}
          />
        </div>
        <Button variant="default" onClick={() => markRead.mutate(undefined)} disabled={unreadCount === 0} loading={markRead.isPending && markRead.variables === undefined}>
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <Text size="sm" c="gray.7" mb="md" aria-live="polite" data-testid="unread-summary">
        {t('notifications.unreadSummary', { count: unreadCount, formatted: formatNumber(unreadCount) })}
      </Text>
      <ErrorMessage error={markRead.error ?? undefined} />
      {notifications.isPending && <Loading />}
      {notifications.isError && <ErrorMessage error={notifications.error} onRetry={() => void notifications.refetch()} />}
      {notifications.isSuccess && notifications.count === 0 && (
        <Alert color="blue" c="dark.8" data-testid="notifications-empty">
          {unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}
        </Alert>
      )}
      {notifications.count > 0 && (
        <>
          <NotificationList items={notifications.items} />
          <LoadMore list={notifications} />
        </>
      )}
    </>
  );
}
