import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { formatDate } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';

/** The signed-in user as the API knows them (GET /api/auth/me). */
export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user) return null;
  const facts = [
    [t('account.email'), user.email],
    [t('account.role'), t(`roles.${user.role}`)],
    [t('account.country'), user.country ?? '—'],
    [t('account.since'), formatDate(user.createdAt)],
  ];
  return (
    <>
      <PageTitle>{t('account.title')}</PageTitle>
      <Paper withBorder p="md" maw={640}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0} data-testid="account-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="gray.7" fw={600}>
                {label}
              </Text>
              <Text component="dd" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
    </>
  );
}
