import { Alert, Anchor, Badge, Button, FileInput, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { notifySuccess } from '../../../components/notify';
import { planKeys } from '../../plans/api';
import { activityKeys, checkImport, downloadImportTemplate, importActivities } from '../api';

/**
 * The CSV import of a plan's activities: the template to download, the file checked first (every
 * row with its problems, nothing saved), then imported whole.
 */
export function ImportActivities({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const template = useMutation({ mutationFn: () => downloadImportTemplate(planId) });
  const check = useMutation({ mutationFn: (csv: File) => checkImport(planId, csv) });
  const run = useMutation({
    mutationFn: (csv: File) => importActivities(planId, csv),
    onSuccess: (imported) => {
      notifySuccess(t('staff.import.done', { count: imported.created }), t('common.close'));
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });
  const choose = (chosen: File | null) => {
    setFile(chosen);
    check.reset();
    run.reset();
  };
  const report = check.data;

  return (
    <Stack gap="md">
      <Text>{t('staff.import.intro')}</Text>
      <Group>
        <Button variant="default" onClick={() => template.mutate()} loading={template.isPending}>
          {t('staff.import.template')}
        </Button>
      </Group>
      <ErrorMessage error={template.error} />
      <Group align="flex-end" gap="sm">
        <FileInput label={t('staff.import.file')} description={t('staff.import.fileHint')} accept=".csv,text/csv" clearable clearButtonProps={{ 'aria-label': t('staff.import.clearFile') }} value={file} onChange={choose} style={{ flex: '1 1 280px' }} />
        <Button onClick={() => file && check.mutate(file)} disabled={!file} loading={check.isPending}>
          {t('staff.import.check')}
        </Button>
      </Group>
      <ErrorMessage error={check.error} title={t('staff.import.unreadable')} />
      {report && !run.isSuccess && (
        <Paper withBorder p="md" component="section" aria-labelledby="import-report">
          <Title order={3} size="h4" id="import-report" mb="xs">
            {t('staff.import.report', { count: report.rowCount })}
          </Title>
          {report.invalidRows === 0 ? (
            <Alert color="green" c="dark.8" mb="sm">
              {t('staff.import.allValid', { count: report.validRows })}
            </Alert>
          ) : (
            <Alert color="red" c="dark.8" mb="sm" role="alert">
              {t('staff.import.someInvalid', { count: report.invalidRows, valid: report.validRows })}
            </Alert>
          )}
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="import-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staff.import.row')}</Table.Th>
                  <Table.Th>{t('staff.import.product')}</Table.Th>
                  <Table.Th>{t('staff.activities.name')}</Table.Th>
                  <Table.Th>{t('staff.import.problems')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((row) => (
                  <Table.Tr key={row.row} data-row={row.row}>
                    <Table.Td>{row.row}</Table.Td>
                    <Table.Td>{row.productCode}</Table.Td>
                    <Table.Td>{row.title}</Table.Td>
                    <Table.Td>
                      {row.problems.length === 0 ? (
                        <Badge variant="light" color="green" c="dark.8">
                          {t('staff.import.ready')}
                        </Badge>
                      ) : (
                        <List size="sm">
                          {row.problems.map((problem, index) => (
                            <List.Item key={index}>
                              <Text span fw={600} size="sm">
                                {problem.field ? `${problem.field}: ` : ''}
                              </Text>
                              {t(`staff.import.code.${problem.code}`, { defaultValue: problem.code })}
                              <Text span size="xs" c="gray.7" display="block">
                                {problem.problem}
                              </Text>
                            </List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ErrorMessage error={run.error} />
          <Button mt="md" onClick={() => file && run.mutate(file)} disabled={!file || report.invalidRows > 0} loading={run.isPending}>
            {t('staff.import.run', { count: report.validRows })}
          </Button>
        </Paper>
      )}
      {run.isSuccess && (
        <Paper withBorder p="md" component="section" aria-labelledby="import-done" data-testid="import-done">
          <Title order={3} size="h4" id="import-done" mb="xs">
            {t('staff.import.done', { count: run.data.created })}
          </Title>
          <List size="sm">
            {run.data.activities.map((activity) => (
              <List.Item key={activity.id}>
                {t('staff.import.row')} {activity.row}:{' '}
                <Anchor component={Link} to={`/staff/activities/${activity.id}`}>
                  {activity.code}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}
