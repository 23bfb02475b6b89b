import { Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate, formatList } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { StatusBadge } from '../../../components/StatusBadge';
import { useAuditorHome } from '../api';
import { HomeRow, HomeSection } from './HomeSection';

/** The auditor's home: the audit reports, newest first, and the years already reported. */
export function AuditorHome() {
  const { t } = useTranslation();
  const home = useAuditorHome();
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorMessage error={home.error} onRetry={() => void home.refetch()} />;
  const { reports, yearsReported } = home.data;
  return (
    <Stack gap="md">
      <Text data-testid="years-reported">
        {yearsReported.length ? t('home.auditor.yearsReported', { years: formatList(yearsReported.map(String)) }) : t('home.auditor.noYearReported')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <HomeSection
          title={t('home.auditor.reports')}
          total={reports.total}
          shown={reports.items.length}
          empty={t('home.auditor.noReports')}
          link="/audit-reports"
          linkLabel={t('home.auditor.allReports')}
          testId="home-reports"
          actions={
            <Button component={Link} to="/audit-reports" size="compact-sm" variant="light">
              {t('home.auditor.request')}
            </Button>
          }
        >
          {reports.items.map((report) => (
            <HomeRow
              key={report.id}
              testId="home-report"
              title={
                <Anchor component={Link} to={`/audit-reports/${report.id}`}>
                  {t('home.auditor.report', { year: report.year, version: report.version })}
                </Anchor>
              }
              details={
                report.finalizedAt
                  ? t('home.auditor.finalized', { date: formatDate(report.finalizedAt) })
                  : t('home.auditor.requested', { date: formatDate(report.requestedAt) })
              }
              side={<StatusBadge status={report.status} group="auditReport" />}
            />
          ))}
        </HomeSection>
        <Stack gap="sm">
          <Text fw={700} component="h2" fz="h4">
            {t('home.auditor.publicationsTitle')}
          </Text>
          <Text size="sm">{t('home.auditor.publicationsText')}</Text>
          <Group>
            <Anchor component={Link} to="/publications" fw={600}>
              {t('home.auditor.publications')}
            </Anchor>
          </Group>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
