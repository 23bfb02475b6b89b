import { Alert, Button, Fieldset, Group, NumberInput, Radio, SimpleGrid, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { ApiError, fieldErrors, unwrap } from '../../../api/errors';
import { Allowed, can } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { notifySuccess } from '../../../components/notify';
import { ALERT_STYLES, RefusalAlert, useRefusalText } from '../../applications/components/review/refusals';
import { UnsavedChangesGuard } from '../../../components/UnsavedChanges';
import { ActivityLinks } from '../components/ActivityLinks';
import { activityKeys, useActivity, useBackToOfficeReport } from '../api';
import { OBJECTIVES_MET } from '../../../api/enums';
import type { Activity, BackToOfficeReport } from '../types';

type PutBody = components['schemas']['PutBackToOfficeReportDto'];
type Recorded = components['schemas']['RecordedParticipantsView'];
const FIELDS = [
  'sessionsHeld',
  'participantsFemale',
  'participantsMale',
  'participantsOther',
  'participantsNote',
  'objectivesMet',
  'evidence',
  'conclusion',
  'lessons',
] as const;

/** The participants recorded as attending, by gender, and the most the report may say were observed. */
function useRecordedParticipants(id: string) {
  return useQuery({
    queryKey: [...activityKeys.report(id), 'recorded-participants'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities/{id}/back-to-office-report/recorded-participants', { params: { path: { id } }, signal })),
    retry: false,
  });
}

/** The back-to-office report of a delivered activity, prefilled from the participants recorded as attending. */
export function BackToOfficePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const activity = useActivity(id);
  const report = useBackToOfficeReport(id);
  const recorded = useRecordedParticipants(id);
  if (activity.isPending || report.isPending || recorded.isPending) return <Loading />;
  if (activity.isError) return <ErrorMessage error={activity.error} />;
  if (report.isError) return <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />;
  if (recorded.isError) return <RefusalAlert error={recorded.error} />;
  const title = t('staff.report.title', { code: activity.data.code });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Text mb="sm">{activity.data.title}</Text>
      <ActivityLinks id={id} current="report" activity={activity.data} />
      {!can(activity.data, 'back-to-office-report') && <Text mb="md">{t('staff.report.notDelivered')}</Text>}
      <ReportForm activity={activity.data} report={report.data} recorded={recorded.data} key={report.data?.version ?? 0} />
    </>
  );
}

function ReportForm({ activity, report, recorded }: { activity: Activity; report: BackToOfficeReport | null; recorded: Recorded }) {
  const activityId = activity.id;
  const { t } = useTranslation();
  const text = useRefusalText();
  const queryClient = useQueryClient();
  // A new report starts from the participants recorded as attending; a saved one shows what was saved.
  const prefill = !report && recorded.total > 0;
  const form = useForm({
    initialValues: {
      sessionsHeld: report?.sessionsHeld ?? ('' as number | string),
      participantsFemale: report?.participantsFemale ?? (prefill ? recorded.female : ('' as number | string)),
      participantsMale: report?.participantsMale ?? (prefill ? recorded.male : ('' as number | string)),
      participantsOther: report?.participantsOther ?? (prefill ? recorded.other : (0 as number | string)),
      participantsNote: report?.participantsNote ?? '',
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
            participantsNote: values.participantsNote.trim() || null,
            objectivesMet: values.objectivesMet as BackToOfficeReport['objectivesMet'],
            evidence: values.evidence || null,
            conclusion: values.conclusion || null,
            lessons: values.lessons || null,
            ...(report ? { version: report.version } : {}),
          } as unknown as PutBody,
        }),
      ),
    onSuccess: (saved, values) => {
      form.resetDirty(values);
      queryClient.setQueryData(activityKeys.report(activityId), saved);
      notifySuccess(t('staff.report.saved'), t('common.close'));
    },
    onError: (failure) => {
      const errors = fieldErrors(failure, FIELDS).fields;
      // The note the report needs is asked for beside the note itself, in the interface language.
      if (failure instanceof ApiError && failure.body?.code === 'PARTICIPANTS_NOTE_REQUIRED') {
        errors.participantsNote = text(failure.body.code, failure.body.params, failure.messages.join('; '));
      }
      form.setErrors(errors);
    },
  });
  const refusal = save.error instanceof ApiError && save.error.status !== 400 && save.error.body?.code !== 'PARTICIPANTS_NOTE_REQUIRED' ? save.error : null;
  const formErrors = save.error instanceof ApiError && save.error.status === 400 ? fieldErrors(save.error, FIELDS).form : [];
  const observed = [form.values.participantsFemale, form.values.participantsMale, form.values.participantsOther].reduce<number>(
    (sum, value) => sum + (Number(value) || 0),
    0,
  );
  const differs = recorded.total > 0 && observed !== recorded.total;
  const editable = can(activity, 'back-to-office-report');

  return (
    <form
      onSubmit={form.onSubmit((values) => {
        // A save starts afresh: the refusals of an earlier one are cleared.
        form.clearErrors();
        save.mutate(values);
      })}
      aria-label={t('staff.report.form')}
    >
      <UnsavedChangesGuard dirty={editable && form.isDirty() && !save.isPending} />
      <RefusalAlert error={refusal} title={t('review.report.refused')} />
      {formErrors.length > 0 && <ErrorMessage messages={formErrors} error={save.error} />}
      <Fieldset legend={t('staff.report.participation')} mb="md" disabled={!editable}>
        <Alert color={differs ? 'yellow' : 'blue'} mb="sm" styles={ALERT_STYLES} data-testid="recorded-participants" title={t('review.report.recordedTitle')}>
          <Text size="sm">
            {recorded.total > 0
              ? t('review.report.recorded', { total: recorded.total, female: recorded.female, male: recorded.male, other: recorded.other })
              : t('review.report.noneRecorded')}{' '}
            {t('review.report.maximum', { maximum: recorded.maximumObserved })}
          </Text>
          {prefill && (
            <Text size="sm" mt={4}>
              {t('review.report.prefilled')}
            </Text>
          )}
          <Text size="sm" mt={4} fw={600} aria-live="polite" data-testid="observed-total">
            {differs ? t('review.report.observedDiffers', { observed, recorded: recorded.total }) : t('review.report.observed', { observed })}
          </Text>
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <NumberInput label={t('staff.report.sessionsHeld')} required min={0} allowDecimal={false} {...form.getInputProps('sessionsHeld')} />
          <NumberInput label={t('staff.report.female')} required min={0} allowDecimal={false} {...form.getInputProps('participantsFemale')} />
          <NumberInput label={t('staff.report.male')} required min={0} allowDecimal={false} {...form.getInputProps('participantsMale')} />
          <NumberInput label={t('staff.report.other')} required min={0} allowDecimal={false} {...form.getInputProps('participantsOther')} />
        </SimpleGrid>
        <Textarea
          mt="sm"
          label={t('review.report.note')}
          description={t('review.report.noteHint')}
          withAsterisk={differs}
          autosize
          minRows={2}
          {...form.getInputProps('participantsNote')}
        />
      </Fieldset>
      <Fieldset legend={t('staff.report.results')} mb="md" disabled={!editable}>
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
