import { Alert, Button, Divider, Drawer, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountries } from '../../../api/reference';
import type { Language, Role } from '../../../api/types';
import { Allowed } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadMore } from '../../../components/LoadMore';
import { formatDate } from '../../../components/format';
import { useApiErrorText } from '../../auth/useApiErrorText';
import { useUserAction, useUserHistory, type ManagedUser } from '../api';
import { UserStatusBadges } from '../pages/UsersPage';

const ROLES: Role[] = ['admin', 'staff', 'auditor', 'focal_point', 'applicant'];

/** One person: the actions the API allows on them, and the history of every change (who, when). */
export function UserDrawer({ user, onClose }: { user: ManagedUser; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const action = useUserAction(user.id);
  const history = useUserHistory(user.id);
  const countries = useCountries();
  const errorText = useApiErrorText();
  const [role, setRole] = useState<Role>(user.role);
  const [country, setCountry] = useState<string | null>(user.country);
  const countryOptions = (countries.data ?? []).map((c) => ({ value: c.code, label: c.names?.[i18n.resolvedLanguage as Language] ?? c.name }));
  const refusal = errorText(action.error);
  const changed = role !== user.role || (role === 'focal_point' && country !== user.country);

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="md"
      title={user.email}
      closeButtonProps={{ 'aria-label': t('admin.users.close') }}
      data-testid="user-drawer"
    >
      <Stack>
        <UserStatusBadges user={user} />
        {action.isSuccess && (
          <Alert color="green" c="dark.8" role="status" data-testid="user-action-done">
            {t('admin.users.done')}
          </Alert>
        )}
        {refusal ? <Alert color="red" role="alert">{refusal}</Alert> : action.isError && <ErrorMessage error={action.error} />}
        <Group>
          <Allowed record={user} action="disable">
            <Button color="red" variant="light" onClick={() => action.mutate({ action: 'disable' })} loading={action.isPending}>
              {t('admin.users.disable')}
            </Button>
          </Allowed>
          <Allowed record={user} action="enable">
            <Button variant="light" onClick={() => action.mutate({ action: 'enable' })} loading={action.isPending}>
              {t('admin.users.enable')}
            </Button>
          </Allowed>
          <Allowed record={user} action="sendReset">
            <Button variant="default" onClick={() => action.mutate({ action: 'sendReset' })} loading={action.isPending}>
              {t('admin.users.sendReset')}
            </Button>
          </Allowed>
        </Group>
        <Allowed record={user} action={['changeRole', 'changeCountry']}>
          <Divider />
          <Title order={3} size="h4">
            {t('admin.users.changeTitle')}
          </Title>
          <Allowed record={user} action="changeRole">
            <Select label={t('admin.users.role')} data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))} value={role} onChange={(value) => value && setRole(value as Role)} allowDeselect={false} />
          </Allowed>
          {role === 'focal_point' && (
            <Select label={t('admin.users.country')} data={countryOptions} value={country} onChange={setCountry} searchable nothingFoundMessage={t('admin.users.none')} />
          )}
          <Text size="sm" c="gray.7">
            {t('admin.users.changeNote')}
          </Text>
          <Button
            disabled={!changed}
            loading={action.isPending}
            onClick={() => action.mutate({ action: 'change', role: role !== user.role ? role : undefined, country: role === 'focal_point' ? (country ?? undefined) : undefined })}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('admin.users.save')}
          </Button>
        </Allowed>
        <Divider />
        <Title order={3} size="h4">
          {t('admin.users.history')}
        </Title>
        {history.isError && <ErrorMessage error={history.error} />}
        {history.count === 0 && history.isSuccess ? (
          <Text size="sm">{t('admin.users.noHistory')}</Text>
        ) : (
          <List spacing="xs" size="sm" data-testid="user-history">
            {history.items.map((entry) => (
              <List.Item key={entry.id}>
                {t(`admin.users.actionsLog.${entry.action}`, { defaultValue: entry.action })} — {entry.userEmail ?? t('admin.users.system')}, {formatDate(entry.at as unknown as string)}
                {describeChanges(entry.changes, t)}
              </List.Item>
            ))}
          </List>
        )}
        <LoadMore list={history} />
      </Stack>
    </Drawer>
  );
}

function describeChanges(changes: Record<string, unknown>, t: (key: string) => string): string {
  const parts = Object.entries(changes).map(([field, value]) => {
    const change = value as { from?: unknown; to?: unknown };
    const show = (v: unknown) => (field === 'role' && typeof v === 'string' ? t(`roles.${v}`) : v == null ? '—' : String(v));
    return `${show(change.from)} → ${show(change.to)}`;
  });
  return parts.length ? ` (${parts.join('; ')})` : '';
}
