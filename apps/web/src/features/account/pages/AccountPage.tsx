import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReferenceNames } from '../../../api/reference';
import { useAuth } from '../../auth/AuthContext';
import { Facts, type Fact } from '../../../components/Facts';
import { formatDate } from '../../../components/format';
import { PageTitle } from '../../../components/PageTitle';

/** The signed-in user as the API knows them (GET /api/auth/me). */
export function AccountPage() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const { user } = useAuth();
  if (!user) return null;
  const facts: Fact[] = [
    [t('account.email'), user.email],
    [t('account.role'), t(`roles.${user.role}`)],
    [t('account.country'), user.country ? names.country(user.country) : '—'],
    [t('account.since'), formatDate(user.createdAt)],
  ];
  return (
    <>
      <PageTitle>{t('account.title')}</PageTitle>
      <Paper withBorder p="md" maw={640}>
        <Facts facts={facts} data-testid="account-facts" />
      </Paper>
    </>
  );
}
