import { Button, Fieldset, NumberInput, Radio, Group, SimpleGrid, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { fieldErrors, unwrap } from '../../../api/errors';
import { Allowed, can } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { notifySuccess } from '../../../components/notify';
import { ActivityLinks } from '../components/ActivityLinks';
import { activityKeys, useActivity, useBackToOfficeReport } from '../api';
import { OBJECTIVES_MET } from '../../../api/enums';
import type { Activity, BackToOfficeReport } from '../types';

type PutBody = components['schemas']['PutBackToOfficeReportDto'];
const FIELDS = ['sessionsHeld', 'participantsFemale', 'participantsMale', 'participantsOther', 'objectivesMet', 'evidence', 'conclusion', 'lessons'] as const;

/** The back-to-office report of a delivered activity. */
export function BackToOfficePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const activity = useActivity(id);
  const report = useBackToOfficeReport(id);
  if (activity.isPending || report.isPending) return <Loading />;
  if (activity.isError) return <ErrorMessage error={activity.error} />;
  if (report.isError) return <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />;
  const title = t('staff.report.title', { code: activity.data.code });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Text mb="sm">{activity.data.title}</Text>
      <ActivityLinks id={id} current="report" activity={activity.data} />
      {!can(activity.data, 'back-to-office-report') && <Text mb="md">{t('staff.report.notDelivered')}</Text>}
      <ReportForm activity={activity.data} report={report.data} key={report.data?.version ?? 0} />
    </>
  );
}

function ReportForm({ activity, report }: { activity: Activity; report: BackToOfficeReport | null }) {
  const activityId = activity.id;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      sessionsHeld: report?.sessionsHeld ?? ('' as number | string),
      participantsFemale: report?.participantsFemale ?? ('' as number | string),
      participantsMale: report?.participantsMale ?? ('' as number | string),
      participantsOther: report?.participantsOther ?? (0 as number | string),
      objectivesMet: report?.objectivesMet ?? '',
      evidence: report?.evidence ?? '',
      conclusion: report?.conclusion ?? '',
      lessons: report?.lessons ?? '',
    },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.PUT('/api/activities/{id}/back-to-office-report', {
          params: { path: { id: activityId } },
          body: {
            sessionsHeld: Number(values.sessionsHeld),
            participantsFemale: Number(values.participantsFemale),
            participantsMale: Number(values.participantsMale),
            participantsOther: Number(values.participantsOther),
            objectivesMet: values.objectivesMet as BackToOfficeReport['objectivesMet'],
            evidence: values.evidence || null,
            conclusion: values.conclusion || null,
            lessons: values.lessons || null,
            ...(report ? { version: report.version } : {}),
          } as unknown as PutBody,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(activityKeys.report(activityId), saved);
      notifySuccess(t('staff.report.saved'), t('common.close'));
    },
    onError: (failure) => form.setErrors(fieldErrors(failure, FIELDS).fields),
  });
  const formErrors = fieldErrors(save.error, FIELDS).form;
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} aria-label={t('staff.report.form')}>
      {formErrors.length > 0 && <ErrorMessage messages={formErrors} error={save.error} />}
      <Fieldset legend={t('staff.report.participation')} mb="md" disabled={!can(activity, 'back-to-office-report')}>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <NumberInput label={t('staff.report.sessionsHeld')} required min={0} allowDecimal={false} {...form.getInputProps('sessionsHeld')} />
          <NumberInput label={t('staff.report.female')} required min={0} allowDecimal={false} {...form.getInputProps('participantsFemale')} />
          <NumberInput label={t('staff.report.male')} required min={0} allowDecimal={false} {...form.getInputProps('participantsMale')} />
          <NumberInput label={t('staff.report.other')} required min={0} allowDecimal={false} {...form.getInputProps('participantsOther')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('staff.report.results')} mb="md" disabled={!can(activity, 'back-to-office-report')}>
        <Radio.Group label={t('staff.report.objectivesMet')} required {...form.getInputProps('objectivesMet')}>
          <Group mt={4}>
            {OBJECTIVES_MET.map((value) => (
              <Radio key={value} value={value} label={t(`staff.report.objectives.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea mt="sm" label={t('staff.report.evidence')} autosize minRows={2} {...form.getInputProps('evidence')} />
        <Textarea mt="sm" label={t('staff.report.conclusion')} autosize minRows={2} {...form.getInputProps('conclusion')} />
        <Textarea mt="sm" label={t('staff.report.lessons')} autosize minRows={2} {...form.getInputProps('lessons')} />
      </Fieldset>
      <Allowed record={activity} action="back-to-office-report">
        <Button type="submit" loading={save.isPending}>
          {t('staff.report.save')}
        </Button>
      </Allowed>
    </form>
  );
}
