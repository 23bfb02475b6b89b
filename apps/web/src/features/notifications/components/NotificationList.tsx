import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/format';
import { notificationLink, useMarkRead, type MyNotification } from '../api';

/** Notifications as cards, newest first: unread ones marked, each with its link and "mark as read". */
export function NotificationList({ items, compact = false }: { items: MyNotification[]; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const markRead = useMarkRead();
  return (
    <Stack gap="sm" component="ul" className="plain-list" data-testid="notification-list">
      {items.map((notification) => {
        const unread = notification.readAt === null;
        const link = notificationLink(notification);
        return (
          <Paper
            key={notification.id}
            component="li"
            withBorder
            p={compact ? 'xs' : 'sm'}
            bg={unread ? 'trta.0' : undefined}
            data-testid="notification"
            data-unread={unread}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <div lang={notification.locale} style={{ minWidth: 0 }}>
                <Group gap="xs" wrap="wrap">
                  {unread && (
                    <Badge size="xs" color="red" variant="filled">
                      {t('notifications.new')}
                    </Badge>
                  )}
                  <Text fw={unread ? 700 : 500} size="sm">
                    {link ? (
                      <Anchor component={Link} to={link} onClick={() => unread && markRead.mutate(notification.id)}>
                        {notification.subject}
                      </Anchor>
                    ) : (
                      notification.subject
                    )}
                  </Text>
                </Group>
                {!compact && (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                    {notification.body}
                  </Text>
                )}
                <Text size="xs" c="gray.7" mt={4} lang={i18n.resolvedLanguage}>
                  {formatDateTime(notification.createdAt)}
                </Text>
              </div>
              {unread && (
                <Button
                  size="compact-sm"
                  variant="default"
                  style={{ flexShrink: 0 }}
                  onClick={() => markRead.mutate(notification.id)}
                  loading={markRead.isPending && markRead.variables === notification.id}
                  aria-label={t('notifications.markReadOne', { subject: notification.subject })}
                >
                  {t('notifications.markRead')}
                </Button>
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
