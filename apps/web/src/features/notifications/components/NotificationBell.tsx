import { ActionIcon, Indicator } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../components/format';
import { useUnreadCount } from '../api';

/** The header's bell: a link to the notifications page, with how many are unread (asked again every minute). */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true);
  const count = unread.data ?? 0;
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  return (
    <Indicator label={formatNumber(Math.min(count, 99))} size={18} disabled={count === 0} color="red.8" offset={4} data-testid="unread-count" data-count={count}>
      <ActionIcon component={Link} to="/notifications" variant="subtle" size="lg" aria-label={label} title={label}>
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
