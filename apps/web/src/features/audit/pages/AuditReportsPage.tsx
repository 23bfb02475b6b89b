import { Anchor, Badge, Button, Group, NumberInput, Paper, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { useAuditReports, useRequestReport } from '../api';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime } from '../format';

/** Auditors request a year's report and see every report requested so far. */
export function AuditReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | string>(new Date().getFullYear() - 1);
  const [yearError, setYearError] = useState<string | null>(null);
  const reports = useAuditReports();
  const request = useRequestReport();
  const items = reports.items;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(year);
    if (!Number.isInteger(value) || value < 2000 || value > 2100) {
      setYearError(t('auditor.reports.yearInvalid'));
      return;
    }
    setYearError(null);
    request.mutate(value, { onSuccess: (report) => navigate(`/audit-reports/${report.id}`) });
  };

  return (
    <>
      <PageTitle>{t('auditor.reports.title')}</PageTitle>
      <Text mb="lg">{t('auditor.reports.intro')}</Text>

      <Paper withBorder p="md" mb="xl" component="section" aria-labelledby="request-report">
        <Title order={2} size="h4" id="request-report" mb="sm">
          {t('auditor.reports.requestTitle')}
        </Title>
        <form onSubmit={submit} noValidate>
          {request.isError && <ErrorMessage error={request.error} />}
          <Group align="flex-end" gap="sm">
            <NumberInput
              label={t('auditor.reports.year')}
              required
              min={2000}
              max={2100}
              allowDecimal={false}
              clampBehavior="none"
              value={year}
              onChange={setYear}
              error={yearError}
              w={160}
            />
            <Button type="submit" loading={request.isPending}>
              {t('auditor.reports.request')}
            </Button>
          </Group>
        </form>
      </Paper>

      <section aria-labelledby="reports-list">
        <Title order={2} size="h4" id="reports-list" mb="sm">
          {t('auditor.reports.listTitle')}
        </Title>
        {reports.isPending && <Loading />}
        {reports.isError && <ErrorMessage error={reports.error} onRetry={() => void reports.refetch()} />}
        {reports.isSuccess && items.length === 0 && <Text data-testid="reports-empty">{t('auditor.reports.empty')}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover data-testid="reports-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('auditor.reports.year')}</Table.Th>
                  <Table.Th scope="col">{t('auditor.reports.version')}</Table.Th>
                  <Table.Th scope="col">{t('auditor.reports.status')}</Table.Th>
                  <Table.Th scope="col">{t('auditor.reports.requestedAt')}</Table.Th>
                  <Table.Th scope="col">{t('auditor.reports.finalized')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((report) => (
                  <Table.Tr key={report.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/audit-reports/${report.id}`} c="trta.8">
                        {t('auditor.reports.reportLink', { year: report.year, version: report.version })}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{report.version}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={report.status} progress={report.progress} />
                    </Table.Td>
                    <Table.Td>{formatDateTime(report.requestedAt)}</Table.Td>
                    <Table.Td>
                      {report.finalizedAt ? (
                        <Badge color="green" variant="light" c="dark.8">
                          {t('auditor.report.finalizedOn', { date: formatDateTime(report.finalizedAt) })}
                        </Badge>
                      ) : (
                        t('auditor.reports.notFinalized')
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore list={reports} />
      </section>
    </>
  );
}
