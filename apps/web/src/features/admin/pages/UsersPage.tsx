import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../api/types';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { useUsers, type ManagedUser, type UserStatus } from '../api';
import { UserDrawer } from '../components/UserDrawer';

const ROLES: Role[] = ['admin', 'staff', 'auditor', 'focal_point', 'applicant'];
const STATUSES: UserStatus[] = ['active', 'disabled', 'unverified'];

export function UserStatusBadges({ user }: { user: ManagedUser }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {user.disabled ? (
        <Badge color="red" variant="light" c="dark.8">{t('admin.users.status.disabled')}</Badge>
      ) : (
        <Badge color="green" variant="light" c="dark.8">{t('admin.users.status.active')}</Badge>
      )}
      {!user.emailVerified && <Badge color="yellow" variant="light" c="dark.8">{t('admin.users.status.unverified')}</Badge>}
    </Group>
  );
}

/** Admins find people (email or name, role, status), page through them, and open one to act. */
export function UsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<UserStatus | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const users = useUsers({ q: debounced, role, status });
  const open = users.items.find((user) => user.id === openId) ?? null;

  return (
    <>
      <PageTitle>{t('admin.users.title')}</PageTitle>
      <Paper withBorder p="md" mb="md">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('admin.users.search')}
            placeholder={t('admin.users.searchHint')}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
            type="search"
          />
          <Select
            label={t('admin.users.role')}
            placeholder={t('admin.users.any')}
            data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
            value={role}
            onChange={(value) => setRole(value as Role | null)}
            clearable
            w={200}
          />
          <Select
            label={t('admin.users.statusLabel')}
            placeholder={t('admin.users.any')}
            data={STATUSES.map((value) => ({ value, label: t(`admin.users.status.${value}`) }))}
            value={status}
            onChange={(value) => setStatus(value as UserStatus | null)}
            clearable
            w={200}
          />
        </Group>
      </Paper>
      {users.isError && <ErrorMessage error={users.error} onRetry={() => void users.refetch()} />}
      {users.isPending ? (
        <Loading />
      ) : users.count === 0 && !users.isError ? (
        <Text>{t('admin.users.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.users.email')}</Table.Th>
                <Table.Th>{t('admin.users.name')}</Table.Th>
                <Table.Th>{t('admin.users.role')}</Table.Th>
                <Table.Th>{t('admin.users.country')}</Table.Th>
                <Table.Th>{t('admin.users.statusLabel')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('admin.users.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.items.map((user) => (
                <Table.Tr key={user.id} data-testid="user-row">
                  <Table.Td style={{ wordBreak: 'break-all' }}>{user.email}</Table.Td>
                  <Table.Td>{user.fullName ?? '—'}</Table.Td>
                  <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                  <Table.Td>{user.country ?? '—'}</Table.Td>
                  <Table.Td>
                    <UserStatusBadges user={user} />
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => setOpenId(user.id)} aria-label={t('admin.users.manageOne', { email: user.email })}>
                      {t('admin.users.manage')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore list={users} />
      <Stack>{open && <UserDrawer user={open} onClose={() => setOpenId(null)} />}</Stack>
    </>
  );
}
