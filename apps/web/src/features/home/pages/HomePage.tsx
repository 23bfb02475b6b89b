import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { useAuth } from '../../auth/AuthContext';
import { ApplicantHome } from '../components/ApplicantHome';
import { AuditorHome } from '../components/AuditorHome';
import { FocalPointHome } from '../components/FocalPointHome';
import { StaffHome } from '../components/StaffHome';

/** The first page after sign-in: what asks something of the person now, by role. */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user) return null;
  return (
    <>
      <PageTitle>{t('home.title')}</PageTitle>
      <Text c="gray.7" mb="md" data-testid="home-intro">
        {t(`home.intro.${user.role}`)}
      </Text>
      {user.role === 'applicant' && <ApplicantHome />}
      {user.role === 'focal_point' && <FocalPointHome />}
      {user.role === 'staff' && <StaffHome />}
      {(user.role === 'auditor' || user.role === 'admin') && <AuditorHome />}
    </>
  );
}
