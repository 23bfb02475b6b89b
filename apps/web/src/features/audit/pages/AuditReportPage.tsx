import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/errors';
import { useReferenceNames } from '../../../api/reference';
import { Allowed, can } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { downloadExport, isRunning, useAuditReport, useFinalizeReport, useRequestReport } from '../api';
import { DIMENSION_SECTIONS, EXPORT_FORMATS, type AuditReportData, type AuditReportView, type BudgetRow, type DimensionSection, type ExportFormat, type Totals } from '../types';
import { BarChart, DonutChart, GroupedBarChart } from '../components/charts';
import { formatDateTime, formatMoney, formatNumber, formatShare, NONE } from '../format';
import { StatusBadge } from '../components/StatusBadge';

/** One report: live progress while it is generated, then its figures, charts, downloads and finalize. */
export function AuditReportPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const report = useAuditReport(id);

  if (report.isPending) return <Loading />;
  if (report.isError) {
    const missing = report.error instanceof ApiError && (report.error.status === 404 || report.error.status === 400);
    return (
      <>
        <PageTitle>{t('auditor.report.notFoundTitle')}</PageTitle>
        {missing ? <Text>{t('auditor.report.notFound')}</Text> : <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />}
        <Anchor component={Link} to="/audit-reports" c="trta.8">
          {t('auditor.report.back')}
        </Anchor>
      </>
    );
  }
  const view = report.data;
  const data = view.status === 'completed' ? view.data : null;

  return (
    <>
      <Anchor component={Link} to="/audit-reports" c="trta.8" size="sm">
        {t('auditor.report.back')}
      </Anchor>
      <PageTitle>{t('auditor.report.title', { year: view.year, version: view.version })}</PageTitle>
      <ReportProgress report={view} />
      {view.status === 'failed' && (
        <Alert color="red" c="dark.8" role="alert" title={t('auditor.report.failed')} mb="md">
          {/* The worker's error is an English diagnostic: shown as such on English pages only. */}
          {i18n.resolvedLanguage === 'en' ? view.error : t('auditor.report.failedDetails')}
        </Alert>
      )}
      <Allowed record={view} action="request">
        <RequestAgain report={view} />
      </Allowed>
      <ReportActions report={view} />
      {data && <ReportFigures data={data} />}
    </>
  );
}

function ReportProgress({ report }: { report: AuditReportView }) {
  const { t } = useTranslation();
  const progress = report.status === 'completed' ? 100 : report.progress;
  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="report-progress">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="report-progress">
          {t('auditor.report.progress')}
        </Title>
        <StatusBadge status={report.status} progress={report.progress} />
      </Group>
      <Progress.Root size="xl" aria-hidden={false}>
        <Progress.Section
          value={progress}
          color={report.status === 'failed' ? 'red.9' : report.status === 'completed' ? '#1b6e33' : 'blue.9'}
          animated={isRunning(report)}
          aria-label={t('auditor.report.progressLabel', { year: report.year })}
          data-testid="report-progress"
        >
          <Progress.Label c="white">{`${progress}%`}</Progress.Label>
        </Progress.Section>
      </Progress.Root>
      <Text size="sm" mt="xs" c="gray.7" aria-live="polite" data-testid="report-progress-text">
        {isRunning(report) ? t('auditor.report.generating', { progress }) : t(`auditor.status.${report.status}`)}
      </Text>
      <Text size="sm" c="gray.7">
        {t('auditor.report.requestedAt', { date: formatDateTime(report.requestedAt) })}
        {report.completedAt && ` · ${t('auditor.report.completedAt', { date: formatDateTime(report.completedAt) })}`}
      </Text>
    </Paper>
  );
}

/** Another version of the report's year, once none is queued or running (the report's `request` action). */
function RequestAgain({ report }: { report: AuditReportView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const request = useRequestReport();
  return (
    <Group mb="lg" gap="sm">
      {request.isError && <ErrorMessage error={request.error} />}
      <Button variant="default" loading={request.isPending} onClick={() => request.mutate(report.year, { onSuccess: (queued) => navigate(`/audit-reports/${queued.id}`) })}>
        {t('auditor.report.requestAgain', { year: report.year })}
      </Button>
    </Group>
  );
}

/** Downloads and finalize, each shown only when the report's `allowedActions` has it; the finalized badge whenever it is. */
function ReportActions({ report }: { report: AuditReportView }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const finalize = useFinalizeReport(report.id);
  const download = useMutation({ mutationFn: (format: ExportFormat) => downloadExport(report, format) });
  if (!report.finalizedAt && !can(report, 'export') && !can(report, 'finalize')) return null;

  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="report-actions">
      <Title order={2} size="h5" id="report-actions" mb="sm">
        {t('auditor.report.downloads')}
      </Title>
      <Allowed record={report} action="export">
        {download.error !== null && <ErrorMessage error={download.error} title={t('auditor.report.downloadFailed')} />}
        <Group gap="sm" mb="md">
          {EXPORT_FORMATS.map((format) => (
            <Button key={format} variant="default" onClick={() => download.mutate(format)} loading={download.isPending && download.variables === format} aria-label={t('auditor.report.download', { format: format.toUpperCase() })}>
              {format.toUpperCase()}
            </Button>
          ))}
        </Group>
      </Allowed>
      {report.finalizedAt ? (
        <Badge color="green" variant="light" c="dark.8" size="lg" data-testid="report-finalized">
          {t('auditor.report.finalizedOn', { date: formatDateTime(report.finalizedAt) })}
        </Badge>
      ) : (
        <Allowed record={report} action="finalize">
          <Group gap="sm">
            <Text size="sm">{t('auditor.report.draft')}</Text>
            <Button color="trta" onClick={open}>
              {t('auditor.report.finalize')}
            </Button>
          </Group>
        </Allowed>
      )}
      <Modal opened={opened} onClose={close} title={t('auditor.report.confirmTitle', { year: report.year, version: report.version })} centered closeButtonProps={{ 'aria-label': t('auditor.report.close') }}>
        <Stack>
          <Text>{t('auditor.report.confirmText')}</Text>
          {finalize.isError && <ErrorMessage error={finalize.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('auditor.report.cancel')}
            </Button>
            <Button
              loading={finalize.isPending}
              onClick={() =>
                finalize.mutate(undefined, {
                  onSuccess: () => {
                    close();
                    notifications.show({ color: 'green', message: t('auditor.report.finalizedNotice'), closeButtonProps: { 'aria-label': t('auditor.report.close') } });
                  },
                })
              }
            >
              {t('auditor.report.confirmFinalize')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} style={{ marginBottom: 32 }}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function ReportFigures({ data }: { data: AuditReportData }) {
  const { t } = useTranslation();
  const totals = data.totals;
  const keyLabel = useKeyLabel();
  const names = useReferenceNames();
  const figures: { key: string; label: string; value: string; detail?: string }[] = [
    { key: 'participations', label: t('auditor.figures.participations'), value: formatNumber(totals.participations) },
    { key: 'participants', label: t('auditor.figures.participants'), value: formatNumber(totals.participants) },
    { key: 'completionRate', label: t('auditor.figures.completionRate'), value: formatShare(totals.completionRate) },
    { key: 'womenShare', label: t('auditor.figures.womenShare'), value: formatShare(totals.womenShare) },
    { key: 'ldcShare', label: t('auditor.figures.ldcShare'), value: formatShare(totals.ldcShare) },
    { key: 'eLearningShare', label: t('auditor.figures.eLearningShare'), value: formatShare(totals.eLearningShare) },
    { key: 'evaluationResponseRate', label: t('auditor.figures.evaluationResponseRate'), value: formatShare(totals.evaluationResponseRate) },
    { key: 'learningGain', label: t('auditor.figures.learningGain'), value: totals.learningGain === null ? NONE : t('auditor.figures.points', { value: formatNumber(totals.learningGain) }) },
    { key: 'budgetExecution', label: t('auditor.figures.budgetExecution'), value: formatShare(totals.budgetExecution), detail: `${formatMoney(totals.budgetActual)} / ${formatMoney(totals.budgetPlanned)}` },
    { key: 'resultsMet', label: t('auditor.figures.resultsMet'), value: formatShare(totals.resultsMetShare), detail: t('auditor.figures.ofReports', { met: totals.resultsMet, reports: totals.reportsReceived }) },
  ];

  return (
    <>
      <Section id="key-figures" title={t('auditor.sections.keyFigures')}>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} component="ul" className="plain-list" data-testid="key-figures">
          {figures.map((figure) => (
            <li key={figure.key}>
              <Paper withBorder p="sm" h="100%" data-testid={`figure-${figure.key}`}>
                <Text size="sm" c="gray.7" id={`figure-${figure.key}-label`}>
                  {figure.label}
                </Text>
                <Text fz={26} fw={700} aria-describedby={`figure-${figure.key}-label`}>
                  {figure.value}
                </Text>
                {figure.detail && (
                  <Text size="xs" c="gray.7">
                    {figure.detail}
                  </Text>
                )}
              </Paper>
            </li>
          ))}
        </SimpleGrid>
      </Section>

      <Section id="charts" title={t('auditor.sections.charts')}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <BarChart
            testId="chart-region"
            title={t('auditor.charts.participantsByRegion')}
            emptyText={t('auditor.charts.empty')}
            data={data.byRegion.map((row) => ({ label: keyLabel('byRegion', row.key), value: row.participants, display: formatNumber(row.participants) }))}
          />
          <BarChart
            testId="chart-women"
            title={t('auditor.charts.womenByCategory')}
            emptyText={t('auditor.charts.empty')}
            maxValue={1}
            data={data.byProductCategory.map((row) => ({ label: keyLabel('byProductCategory', row.key), value: row.womenShare ?? 0, display: formatShare(row.womenShare) }))}
          />
          <DonutChart
            testId="chart-modes"
            title={t('auditor.charts.activitiesByMode')}
            emptyText={t('auditor.charts.empty')}
            data={data.byDeliveryMode.map((row) => ({ label: keyLabel('byDeliveryMode', row.key), value: row.activities, display: formatNumber(row.activities) }))}
          />
          <GroupedBarChart
            testId="chart-budget"
            title={t('auditor.charts.budgetByFunding')}
            emptyText={t('auditor.charts.empty')}
            series={[t('auditor.columns.budgetPlanned'), t('auditor.columns.budgetActual')]}
            data={data.budget.byFundingSource.map((row) => ({
              label: budgetLabel(row, t),
              values: [
                { value: Number(row.budgetPlanned), display: formatMoney(row.budgetPlanned) },
                { value: Number(row.budgetActual), display: formatMoney(row.budgetActual) },
              ],
            }))}
          />
        </SimpleGrid>
      </Section>

      <Section id="section-totals" title={t('auditor.sections.totals')}>
        <TotalsTable totals={totals} />
      </Section>

      <Section id="section-key-results" title={t('auditor.sections.keyResults')}>
        <DataTable
          empty={data.keyResults.length === 0}
          caption={t('auditor.sections.keyResults')}
          head={[t('auditor.columns.keyResult'), t('auditor.columns.indicator'), t('auditor.columns.unit'), t('auditor.columns.baseline'), t('auditor.columns.target'), t('auditor.columns.actual'), t('auditor.columns.achievement')]}
          rows={data.keyResults.map((row) => [`${row.keyResult} ${row.keyResultTitle}`, row.description, row.unit, formatNumber(row.baseline), formatNumber(row.target), formatNumber(row.actual), formatShare(row.achievement)])}
        />
      </Section>

      {DIMENSION_SECTIONS.map((section) => (
        <Section key={section} id={`section-${section}`} title={t(`auditor.sections.${section}`)}>
          <DataTable
            empty={data[section].length === 0}
            caption={t(`auditor.sections.${section}`)}
            head={[
              t('auditor.columns.key'),
              t('auditor.columns.activities'),
              t('auditor.columns.participations'),
              t('auditor.columns.participants'),
              t('auditor.columns.completionRate'),
              t('auditor.columns.womenShare'),
              t('auditor.columns.ldcShare'),
              t('auditor.columns.budgetPlanned'),
              t('auditor.columns.budgetActual'),
            ]}
            rows={data[section].map((row) => [
              keyLabel(section, row.key),
              formatNumber(row.activities),
              formatNumber(row.participations),
              formatNumber(row.participants),
              formatShare(row.completionRate),
              formatShare(row.womenShare),
              formatShare(row.ldcShare),
              formatMoney(row.budgetPlanned),
              formatMoney(row.budgetActual),
            ])}
          />
        </Section>
      ))}

      <Section id="section-countries" title={t('auditor.sections.topBeneficiaryCountries')}>
        <DataTable
          empty={data.topBeneficiaryCountries.length === 0}
          caption={t('auditor.sections.topBeneficiaryCountries')}
          head={[t('auditor.columns.country'), t('auditor.columns.region'), t('auditor.columns.ldc'), t('auditor.columns.participations'), t('auditor.columns.participants'), t('auditor.columns.womenShare')]}
          rows={data.topBeneficiaryCountries.map((row) => [
            `${names.country(row.key)} (${row.key})`,
            keyLabel('byRegion', row.region),
            row.ldc ? t('auditor.yes') : t('auditor.no'),
            formatNumber(row.participations),
            formatNumber(row.participants),
            formatShare(row.womenShare),
          ])}
        />
      </Section>

      <Section id="section-evaluation" title={t('auditor.sections.evaluation')}>
        <DataTable
          caption={t('auditor.sections.evaluation')}
          head={[t('auditor.columns.metric'), t('auditor.columns.value')]}
          rows={[
            [t('auditor.evaluation.responses'), formatNumber(data.evaluation.responses)],
            [t('auditor.evaluation.responseRate'), formatShare(data.evaluation.responseRate)],
            [t('auditor.evaluation.satisfactionMean'), formatNumber(data.evaluation.satisfactionMean)],
            [t('auditor.evaluation.relevanceMean'), formatNumber(data.evaluation.relevanceMean)],
            [t('auditor.evaluation.satisfaction'), Object.entries(data.evaluation.satisfaction).map(([score, count]) => `${score}: ${count}`).join(' · ')],
            [t('auditor.evaluation.relevance'), Object.entries(data.evaluation.relevance).map(([score, count]) => `${score}: ${count}`).join(' · ')],
            [t('auditor.evaluation.withTestScores'), formatNumber(data.evaluation.withTestScores)],
            [t('auditor.evaluation.learningGain'), formatNumber(data.evaluation.learningGain)],
            [
              t('auditor.evaluation.appliedInWork'),
              t('auditor.evaluation.applied', { yes: data.evaluation.appliedInWork.yes, no: data.evaluation.appliedInWork.no, unanswered: data.evaluation.appliedInWork.unanswered }),
            ],
          ]}
        />
      </Section>

      <Section id="section-budget" title={t('auditor.sections.budget')}>
        <Stack gap="lg">
          <BudgetTable caption={t('auditor.sections.byFundingSource')} rows={data.budget.byFundingSource} />
          <BudgetTable caption={t('auditor.sections.byProduct')} rows={data.budget.byProduct} />
        </Stack>
      </Section>

      <Section id="section-change" title={t('auditor.sections.change', { year: data.changeVsPreviousYear.previousYear })}>
        <DataTable
          empty={data.changeVsPreviousYear.rows.length === 0}
          caption={t('auditor.sections.change', { year: data.changeVsPreviousYear.previousYear })}
          head={[t('auditor.columns.metric'), String(data.year), String(data.changeVsPreviousYear.previousYear), t('auditor.columns.change'), t('auditor.columns.changeShare')]}
          rows={data.changeVsPreviousYear.rows.map((row) => [metricLabel(row.metric, t), metricValue(row.metric, row.current), metricValue(row.metric, row.previous), formatNumber(row.change, 4), formatShare(row.changeShare)])}
        />
      </Section>
    </>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

function metricLabel(metric: keyof Totals, t: T): string {
  return t(`auditor.metrics.${metric}`, { defaultValue: metric });
}

function metricValue(metric: keyof Totals, value: number | string | null): string {
  if (value === null) return NONE;
  if (metric.startsWith('budget') && metric !== 'budgetExecution') return formatMoney(value);
  if (/Share$|Rate$|Execution$/.test(metric)) return formatShare(Number(value));
  return formatNumber(value);
}

function budgetLabel(row: BudgetRow, t: T): string {
  if (row.name) return `${row.key} ${row.name}`;
  return t(`auditor.funding.${row.key}`, { defaultValue: row.key });
}

/** A dimension's key as a reader knows it: translated types and modes, "PLS 2", "none". */
function useKeyLabel() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  return (section: DimensionSection, key: string | null): string => {
    if (key === null || key === '' || key === 'none' || key === 'unknown') return t('auditor.none');
    if (section === 'byType') return t(`types.${key}`, { defaultValue: key });
    if (section === 'byDeliveryMode') return t(`modes.${key}`, { defaultValue: key });
    if (section === 'byPlsLevel') return t('auditor.plsLevel', { level: key });
    if (section === 'byRegion') return names.region(key);
    if (section === 'byTopic') return names.topic(key);
    if (section === 'byProductCategory') return names.productCategory(key);
    if (section === 'byLeadDivision') return names.division(key);
    return key;
  };
}

function TotalsTable({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  const metrics = Object.keys(totals) as (keyof Totals)[];
  return (
    <DataTable
      caption={t('auditor.sections.totals')}
      head={[t('auditor.columns.metric'), t('auditor.columns.value')]}
      rows={metrics.map((metric) => [metricLabel(metric, t), metricValue(metric, totals[metric])])}
    />
  );
}

function BudgetTable({ caption, rows }: { caption: string; rows: BudgetRow[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      empty={rows.length === 0}
      caption={caption}
      head={[t('auditor.columns.key'), t('auditor.columns.activities'), t('auditor.columns.budgetPlanned'), t('auditor.columns.budgetActual'), t('auditor.columns.execution')]}
      rows={rows.map((row) => [budgetLabel(row, t), formatNumber(row.activities), formatMoney(row.budgetPlanned), formatMoney(row.budgetActual), formatShare(row.execution)])}
    />
  );
}

function DataTable({ caption, head, rows, empty }: { caption: string; head: string[]; rows: string[][]; empty?: boolean }) {
  const { t } = useTranslation();
  if (empty) return <Text c="gray.7">{t('auditor.noRows')}</Text>;
  // Two or three columns fit a phone's width without scrolling; wider tables scroll inside their
  // region, focusable so that a keyboard can scroll it too.
  return (
    <Table.ScrollContainer minWidth={Math.max(300, head.length * 110)} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': caption } }}>
      <Table striped withTableBorder captionSide="top">
        <caption style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((column, index) => (
              <Table.Th key={`${column}-${index}`} scope="col" ta={index === 0 ? 'left' : 'right'}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, rowIndex) => (
            <Table.Tr key={rowIndex}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <Table.Th key={index} scope="row" fw={500}>
                    {cell}
                  </Table.Th>
                ) : (
                  <Table.Td key={index} ta="right">
                    {cell}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
