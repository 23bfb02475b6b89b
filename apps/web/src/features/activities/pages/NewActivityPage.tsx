import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { ActivityForm } from '../components/ActivityForm';
import { UnsavedChangesProvider } from '../../../components/UnsavedChanges';

/** A new planned activity; `?planId=&productId=` preset the plan and product (from the plan page or a product's row). */
export function NewActivityPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const planId = params.get('planId');
  return (
    <UnsavedChangesProvider>
      <PageTitle>{t('staff.activity.newTitle')}</PageTitle>
      <Text mb="md">
        {t('staff.activity.newIntro')}{' '}
        {planId && (
          <Anchor component={Link} to={`/staff/plans/${planId}?tab=import`}>
            {t('staff.activity.importInstead')}
          </Anchor>
        )}
      </Text>
      <ActivityForm planId={planId} productId={params.get('productId')} />
    </UnsavedChangesProvider>
  );
}
