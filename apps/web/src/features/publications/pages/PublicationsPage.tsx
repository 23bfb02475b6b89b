import { Anchor, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { usePlans } from '../../plans/api';

/** Years offered by the picker: five ahead (plans) to ten back (delivered activities). */
function years(): string[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 16 }, (_, index) => String(now + 5 - index));
}

/**
 * What the secretariat publishes, for anyone: the year's list of activities (PDF for print, CSV),
 * and — for signed-in visitors, who may list the plans — each TA Plan as a document.
 */
export function PublicationsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const signedIn = !!user;
  // The picker offers every plan: the hook follows the pages to the last one.
  const plans = usePlans({ all: true, enabled: signedIn });
  const [planId, setPlanId] = useState<string | null>(null);
  const planItems = plans.items;
  const plan = planItems.find((item) => item.id === planId) ?? planItems[0];

  return (
    <>
      <PageTitle>{t('auditor.publications.title')}</PageTitle>
      <Text mb="lg">{t('auditor.publications.intro')}</Text>

      <Paper withBorder p="md" mb="xl" component="section" aria-labelledby="publications-year">
        <Title order={2} size="h4" id="publications-year" mb="sm">
          {t('auditor.publications.yearTitle')}
        </Title>
        <Text size="sm" mb="sm">
          {t('auditor.publications.yearIntro')}
        </Text>
        <Group align="flex-end" gap="lg">
          <Select label={t('auditor.publications.year')} data={years()} value={year} onChange={(value) => value && setYear(value)} allowDeselect={false} w={160} />
          <Stack gap={4}>
            <Anchor href={`/api/publications/activities?year=${year}&format=pdf`} target="_blank" rel="noopener" c="trta.8" data-testid="publication-pdf">
              {t('auditor.publications.yearPdf', { year })}
            </Anchor>
            <Anchor href={`/api/publications/activities?year=${year}&format=csv`} download={`trta-activities-${year}.csv`} c="trta.8" data-testid="publication-csv">
              {t('auditor.publications.yearCsv', { year })}
            </Anchor>
          </Stack>
        </Group>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="publications-plans">
        <Title order={2} size="h4" id="publications-plans" mb="sm">
          {t('auditor.publications.plansTitle')}
        </Title>
        {!signedIn && (
          <Text size="sm" data-testid="plans-sign-in">
            {t('auditor.publications.plansSignedOut')}{' '}
            <Anchor component={Link} to="/sign-in?next=%2Fpublications" c="trta.8">
              {t('nav.signIn')}
            </Anchor>
          </Text>
        )}
        {signedIn && plans.isPending && <Loading />}
        {signedIn && plans.isError && <ErrorMessage error={plans.error} onRetry={() => void plans.refetch()} />}
        {signedIn && plans.isSuccess && planItems.length === 0 && <Text>{t('auditor.publications.noPlans')}</Text>}
        {signedIn && plan && (
          <Group align="flex-end" gap="lg">
            <Select
              label={t('auditor.publications.plan')}
              data={planItems.map((item) => ({ value: item.id, label: `${item.code} — ${item.title}` }))}
              value={plan.id}
              onChange={setPlanId}
              allowDeselect={false}
              w={{ base: '100%', sm: 360 }}
            />
            <Stack gap={4}>
              <Anchor href={`/api/ta-plans/${plan.id}/document.pdf`} target="_blank" rel="noopener" c="trta.8" data-testid="plan-document">
                {t('auditor.publications.planPdf', { code: plan.code })}
              </Anchor>
              <Text size="xs" c="gray.7">
                {t('auditor.publications.planPeriod', { start: formatDate(plan.periodStart), end: formatDate(plan.periodEnd) })}
              </Text>
            </Stack>
          </Group>
        )}
      </Paper>
    </>
  );
}
