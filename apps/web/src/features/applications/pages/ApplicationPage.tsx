import { Alert, Anchor, Button, Fieldset, Group, Modal, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../../api/client';
import { fieldErrors, unwrap } from '../../../api/errors';
import { can } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Facts } from '../../../components/Facts';
import { formatDate } from '../../../components/format';
import { LoadFailure } from '../../../components/LoadFailure';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { currentLanguage } from '../../../i18n';
import { applicationKeys, downloadCertificate, useApplication, useMyData, type Application, type Evaluation } from '../api';
import { StatusBadge } from '../components/StatusBadge';

/** One application: its status and history, withdraw, the evaluation and its follow-up, the certificate. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const application = useApplication(id);
  const myData = useMyData();
  const submitted = (location.state as { submitted?: boolean } | null)?.submitted;

  const back = (
    <Anchor component={Link} to="/my/applications" size="sm" mb="sm" display="inline-block">
      ← {t('applicant.applications.title')}
    </Anchor>
  );
  if (application.isPending) return <Loading />;
  if (application.isError) return <LoadFailure back={back} error={application.error} notFound={t('applicant.detail.notFound')} onRetry={() => void application.refetch()} />;
  const app = application.data;
  const evaluation = myData.data?.evaluations.find((entry) => entry.applicationId === app.id);
  const attended = app.status === 'attended' || app.status === 'completed';
  const facts: [string, string][] = [
    [t('applicant.detail.activity'), `${app.activityTitle} (${app.activityCode})`],
    [t('applicant.applications.starts'), app.activityStartDate ? formatDate(app.activityStartDate) : '—'],
    [t('applicant.applications.submitted'), formatDate(app.submittedAt)],
  ];
  if (app.endorsedAt) facts.push([t('applicant.detail.endorsedAt'), formatDate(app.endorsedAt)]);
  if (app.nominationReason) facts.push([t('applicant.detail.nominationReason'), app.nominationReason]);
  if (app.decidedAt) facts.push([t('applicant.detail.decidedAt'), formatDate(app.decidedAt)]);
  if (app.decisionReason) facts.push([t('applicant.detail.decisionReason'), app.decisionReason]);
  if (app.waitlistPosition !== null && app.status === 'waitlisted') facts.push([t('applicant.detail.waitlist'), String(app.waitlistPosition)]);
  if (app.attendedDays !== null) facts.push([t('applicant.detail.attendedDays'), String(app.attendedDays)]);
  if (app.completedAt) facts.push([t('applicant.detail.completedAt'), formatDate(app.completedAt)]);
  if (app.withdrawnAt) facts.push([t('applicant.detail.withdrawnAt'), formatDate(app.withdrawnAt)]);

  return (
    <>
      {back}
      <PageTitle title={app.activityTitle}>{app.activityTitle}</PageTitle>
      {submitted && (
        <Alert color="green" c="dark.8" mb="md" role="status">
          {t('applicant.detail.submitted')}
        </Alert>
      )}
      <Stack gap="lg">
        <Group>
          <Text fw={600}>{t('applicant.applications.status')}:</Text>
          <StatusBadge status={app.status} />
        </Group>
        <Alert color={app.nextStep === 'closed' ? 'gray' : 'blue'} c="dark.8" title={t('applicant.nextStep.title')} data-testid="next-step">
          {t(`applicant.nextStep.${app.nextStep}`)}
        </Alert>
        <Timeline application={app} />
        <Paper withBorder p="md" component="section" aria-labelledby="application-facts">
          <Title order={2} size="h4" id="application-facts" mb="sm">
            {t('applicant.detail.facts')}
          </Title>
          <Facts facts={facts} spacing="xs" />
          <Title order={3} size="h5" mt="md" mb={4}>
            {t('applicant.apply.motivation')}
          </Title>
          <Text className="sheet-text">{app.motivation}</Text>
          {app.documents.length > 0 && (
            <Text size="sm" mt="sm">
              {t('applicant.detail.documents')}: {app.documents.map((document) => `${t(`documents.${document.kind}`)} (${document.filename})`).join(', ')}
            </Text>
          )}
        </Paper>

        {can(app, 'certificate') && <CertificateDownload application={app} />}
        {can(app, 'withdraw') && <Withdraw application={app} />}
        {attended && myData.isPending && <Loading />}
        {attended && myData.isError && <ErrorMessage error={myData.error} onRetry={() => void myData.refetch()} />}
        {can(app, 'evaluate') && myData.isSuccess && !evaluation && <EvaluationForm application={app} />}
        {evaluation && <EvaluationSummary evaluation={evaluation} />}
        {evaluation && (can(app, 'follow-up') || evaluation.appliedInWork !== null) && <FollowUpForm application={app} evaluation={evaluation} />}
      </Stack>
    </>
  );
}

/** Every status the application took, oldest first, with the reason given. */
function Timeline({ application }: { application: Application }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline">
      <Title order={2} size="h4" id="timeline" mb="sm">
        {t('applicant.timeline.title')}
      </Title>
      <ol className="plain-list" data-testid="timeline">
        {application.timeline.map((entry, index) => (
          <li key={`${entry.status}-${index}`} style={{ marginBottom: 8 }}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" c="gray.7" miw={110}>
                {formatDate(entry.at)}
              </Text>
              {/* The page's status badge is the current one; these are its history. */}
              <StatusBadge status={entry.status} testId="timeline-status" />
            </Group>
            {entry.reason && (
              <Text size="sm" ml={{ base: 0, sm: 118 }} mt={2}>
                {t('applicant.timeline.reason', { reason: entry.reason })}
              </Text>
            )}
          </li>
        ))}
      </ol>
    </Paper>
  );
}

function EvaluationSummary({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  return (
    <Text data-testid="evaluation-summary">
      {t('applicant.followUp.evaluated', { satisfaction: evaluation.satisfaction, relevance: evaluation.relevance, date: formatDate(evaluation.submittedAt) })}
    </Text>
  );
}

function CertificateDownload({ application }: { application: Application }) {
  const { t } = useTranslation();
  const download = useMutation({ mutationFn: () => downloadCertificate(application, currentLanguage()) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="certificate">
      <Title order={2} size="h4" id="certificate" mb="sm">
        {t('applicant.detail.certificate')}
      </Title>
      <ErrorMessage error={download.error ?? undefined} />
      <Group>
        <Button loading={download.isPending} onClick={() => download.mutate()}>
          {t('applicant.detail.downloadCertificate')}
        </Button>
        {application.certificateCode && (
          <Anchor component={Link} to={`/certificates/${application.certificateCode}`}>
            {t('applicant.detail.verifyCertificate', { code: application.certificateCode })}
          </Anchor>
        )}
      </Group>
    </Paper>
  );
}

function Withdraw({ application }: { application: Application }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/applications/{id}/withdraw', { params: { path: { id: application.id } } })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(applicationKeys.detail(application.id), updated);
      await Promise.all([queryClient.invalidateQueries({ queryKey: applicationKeys.mine() }), queryClient.invalidateQueries({ queryKey: applicationKeys.myData() })]);
      close();
    },
  });
  return (
    <section aria-labelledby="withdraw">
      <Title order={2} size="h4" id="withdraw" mb="xs">
        {t('applicant.withdraw.title')}
      </Title>
      <Text mb="sm">{t('applicant.withdraw.intro')}</Text>
      {!opened && <ErrorMessage error={withdraw.error ?? undefined} />}
      <Button color="red.9" variant="outline" onClick={open}>
        {t('applicant.withdraw.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('applicant.withdraw.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('applicant.cancel') }}>
        <ErrorMessage error={withdraw.error ?? undefined} />
        <Text mb="md">{t('applicant.withdraw.confirm', { title: application.activityTitle })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('applicant.cancel')}
          </Button>
          <Button color="red.9" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
            {t('applicant.withdraw.confirmButton')}
          </Button>
        </Group>
      </Modal>
    </section>
  );
}

interface EvaluationValues {
  satisfaction: string;
  relevance: string;
  comments: string;
}
const SCORES = ['1', '2', '3', '4', '5'];
const EVALUATION_FIELDS = ['satisfaction', 'relevance', 'comments'];
const FOLLOW_UP_FIELDS = ['appliedInWork', 'comments'];

/** A failed save's messages for the top of its form (those of its fields are beside them); the error itself if it said none. */
function formMessages(error: unknown, fields: readonly string[]): string[] {
  if (!error) return [];
  const split = fieldErrors(error, fields);
  return split.form.length || Object.keys(split.fields).length ? split.form : [String(error)];
}

function EvaluationForm({ application }: { application: Application }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const required = (value: string) => (value ? null : t('applicant.evaluation.required'));
  const form = useForm<EvaluationValues>({
    initialValues: { satisfaction: '', relevance: '', comments: '' },
    validate: { satisfaction: required, relevance: required },
  });
  const evaluate = useMutation({
    // Test scores are not the participant's to type: staff enter them, or they come from the test.
    mutationFn: (values: EvaluationValues) =>
      unwrap(
        api.POST('/api/applications/{id}/evaluation', {
          params: { path: { id: application.id } },
          body: { satisfaction: Number(values.satisfaction), relevance: Number(values.relevance), comments: values.comments.trim() || undefined },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationKeys.myData() }),
        queryClient.invalidateQueries({ queryKey: applicationKeys.detail(application.id) }),
      ]),
    onError: (error) => form.setErrors(fieldErrors(error, EVALUATION_FIELDS).fields),
  });
  const formErrors = formMessages(evaluate.error, EVALUATION_FIELDS);
  const submit = form.onSubmit((values) => evaluate.mutate(values));
  const scale = (name: 'satisfaction' | 'relevance') => (
    <Radio.Group label={t(`applicant.evaluation.${name}`)} description={t('applicant.evaluation.scale')} required {...form.getInputProps(name)}>
      <Group mt="xs">
        {SCORES.map((score) => (
          <Radio key={score} value={score} label={score} />
        ))}
      </Group>
    </Radio.Group>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="evaluation">
      <Title order={2} size="h4" id="evaluation" mb="xs">
        {t('applicant.evaluation.title')}
      </Title>
      <Text mb="sm">{t('applicant.evaluation.intro')}</Text>
      {formErrors.length > 0 && <ErrorMessage messages={formErrors} />}
      <form onSubmit={submit} noValidate>
        <Stack>
          {scale('satisfaction')}
          {scale('relevance')}
          <Textarea label={t('applicant.evaluation.comments')} autosize minRows={3} maxLength={5000} {...form.getInputProps('comments')} />
          <Button type="submit" loading={evaluate.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('applicant.evaluation.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function FollowUpForm({ application, evaluation }: { application: Application; evaluation: Evaluation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      appliedInWork: evaluation.appliedInWork === null ? '' : evaluation.appliedInWork ? 'yes' : 'no',
      comments: evaluation.followUpComments ?? '',
    },
    validate: { appliedInWork: (value: string) => (value ? null : t('applicant.evaluation.required')) },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.PATCH('/api/applications/{id}/evaluation/follow-up', {
          params: { path: { id: application.id } },
          body: { appliedInWork: values.appliedInWork === 'yes', comments: values.comments.trim() || undefined },
        }),
      ),
    // The answer first (it keeps this form shown), then the application's next step.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: applicationKeys.myData() });
      await queryClient.invalidateQueries({ queryKey: applicationKeys.detail(application.id) });
    },
    onError: (error) => form.setErrors(fieldErrors(error, FOLLOW_UP_FIELDS).fields),
  });
  const formErrors = formMessages(save.error, FOLLOW_UP_FIELDS);
  const submit = form.onSubmit((values) => save.mutate(values));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="follow-up">
      <Title order={2} size="h4" id="follow-up" mb="xs">
        {t('applicant.followUp.title')}
      </Title>
      <Text mb="sm">{t('applicant.followUp.intro')}</Text>
      {formErrors.length > 0 && <ErrorMessage messages={formErrors} />}
      {save.isSuccess && (
        <Alert color="green" c="dark.8" mb="sm" role="status">
          {t('applicant.followUp.saved')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Fieldset legend={t('applicant.followUp.legend')} variant="unstyled">
          <Stack>
            <Radio.Group label={t('applicant.followUp.appliedInWork')} required {...form.getInputProps('appliedInWork')}>
              <Group mt="xs">
                <Radio value="yes" label={t('applicant.yes')} />
                <Radio value="no" label={t('applicant.no')} />
              </Group>
            </Radio.Group>
            <Textarea label={t('applicant.followUp.comments')} autosize minRows={3} maxLength={5000} {...form.getInputProps('comments')} />
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('applicant.followUp.submit')}
            </Button>
          </Stack>
        </Fieldset>
      </form>
    </Paper>
  );
}
