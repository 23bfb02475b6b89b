import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { usePagedList } from '../../api/usePagedList';
import { currentLanguage } from '../../i18n';

export type MyNotification = Schemas['MyNotificationView'];
export type NotificationKind = Schemas['NotificationKind'];

/** The signed-in person's notifications: the list (all, or unread only) and the unread count of the header's bell. */
export const notificationKeys = {
  all: ['notifications'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  /** Shown in the interface language: a change of language asks again. */
  list: (unread: boolean, lang: string) => [...notificationKeys.lists(), { unread, lang }] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
};

/** How often the bell asks again how many are unread (a notification is queued by someone else's decision). */
const UNREAD_POLL_MS = 60_000;

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/me/notifications/unread-count', { signal })).then((body) => body.unread),
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useMyNotifications(unread: boolean, pageSize?: number) {
  const { i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? currentLanguage()) as ReturnType<typeof currentLanguage>;
  return usePagedList({
    queryKey: notificationKeys.list(unread, lang),
    fetchPage: ({ cursor, limit, signal }) => unwrap(api.GET('/api/me/notifications', { params: { query: { cursor, limit, unread, lang } }, signal })),
    pageSize,
  });
}

/** Marks one notification read (or all, without an id); the lists and the bell's count follow. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) =>
      id
        ? unwrap(api.POST('/api/me/notifications/{id}/read', { params: { path: { id }, query: { lang: currentLanguage() } } })).then(() => undefined)
        : unwrap(api.POST('/api/me/notifications/read')).then(() => undefined),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/**
 * Where a notification leads, by its kind: the application it is about, the focal point's
 * nominations or national requests. The recipient's role follows from the kind (the server only
 * sends each kind to one role).
 */
export function notificationLink(notification: Pick<MyNotification, 'kind' | 'applicationId'>): string | null {
  const { kind, applicationId } = notification;
  if (kind === 'nomination.needed') return '/focal/nominations';
  if (kind.startsWith('request.')) return '/focal/requests';
  if (kind === 'account.created') return null;
  return applicationId ? `/my/applications/${applicationId}` : '/my/applications';
}
