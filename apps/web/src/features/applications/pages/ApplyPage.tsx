import { Alert, Anchor, Button, FileButton, Fieldset, Group, List, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../api/client';
import { ApiError, fieldErrors, unwrap } from '../../../api/errors';
import { can } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { currentLanguage } from '../../../i18n';
import { applyCheckKeys, useApplyCheck, useCatalogueEntry } from '../../catalogue/api';
import { refusalText, WhoMayApply } from '../../catalogue/components/ApplyPanel';
import { applicationKeys, saveDraft, uploadFile, type DocumentKind } from '../api';

interface Attached {
  fileId: string;
  filename: string;
}

interface Values {
  motivation: string;
  files: Partial<Record<DocumentKind, Attached>>;
}

const ACCEPT = 'application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.pdf,.png,.jpg,.jpeg,.docx';
const documentFieldId = (kind: string) => `document-${kind}`;

/**
 * The participation form. Offered only when the server says it can succeed (else the reasons,
 * before anything is typed); each document the sheet requires is uploaded when chosen; the form
 * is kept as a draft on the server ("Save and finish later", and after each upload), so it can be
 * finished later on any device. A failed submit marks every missing field and moves to the first.
 */
export function ApplyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const entry = useCatalogueEntry(id, currentLanguage());
  const check = useApplyCheck(id, true);

  if (entry.isPending || check.isPending) return <Loading />;
  if (entry.isError) return <ErrorMessage error={entry.error} onRetry={() => void entry.refetch()} />;
  if (check.isError) return <ErrorMessage error={check.error} onRetry={() => void check.refetch()} />;
  const activity = entry.data;
  const back = (
    <Anchor component={Link} to={`/catalogue/${activity.id}`} size="sm" mb="sm" display="inline-block">
      ← {activity.title}
    </Anchor>
  );
  if (check.data.applicationId) {
    return (
      <Paper maw={760} mx="auto" p={{ base: 'md', sm: 'xl' }} withBorder>
        {back}
        <PageTitle title={t('applicant.apply.title')}>{t('applicant.apply.title')}</PageTitle>
        <Alert color="blue" c="dark.8" data-testid="already-applied">
          {t('eligibility.alreadyApplied')}{' '}
          <Anchor component={Link} to={`/my/applications/${check.data.applicationId}`} fw={600}>
            {t('eligibility.seeApplication')}
          </Anchor>
        </Alert>
      </Paper>
    );
  }
  if (!can(check.data, 'apply')) {
    return (
      <Paper maw={760} mx="auto" p={{ base: 'md', sm: 'xl' }} withBorder>
        {back}
        <PageTitle title={t('applicant.apply.title')}>{activity.title}</PageTitle>
        <WhoMayApply activity={activity} />
        <Alert color="orange" c="dark.8" title={t('eligibility.cannotApply')} data-testid="cannot-apply" mt="md">
          <List size="sm">
            {check.data.refusals.map((refusal) => (
              <List.Item key={refusal.code}>{refusalText(t, refusal)}</List.Item>
            ))}
          </List>
        </Alert>
        <Button component={Link} to="/catalogue" variant="default" mt="md">
          {t('applicant.applications.findActivity')}
        </Button>
      </Paper>
    );
  }
  return <ApplicationForm activity={activity} draft={check.data.draft} back={back} />;
}

type Draft = NonNullable<ReturnType<typeof useApplyCheck>['data']>['draft'];

function ApplicationForm({ activity, draft, back }: { activity: NonNullable<ReturnType<typeof useCatalogueEntry>['data']>; draft: Draft; back: React.ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const required = activity.requiredDocuments as DocumentKind[];
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<string | null>(draft?.updatedAt ?? null);
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState<DocumentKind | null>(null);
  const form = useForm<Values>({
    initialValues: {
      motivation: draft?.motivation ?? '',
      files: Object.fromEntries((draft?.documents ?? []).map((document) => [document.kind, { fileId: document.fileId, filename: document.filename }])),
    },
    validate: {
      motivation: (value) => (value.trim() ? null : t('applicant.apply.motivationRequired')),
      files: (files) => {
        const missing = required.filter((kind) => !files[kind]);
        return missing.length ? t('applicant.apply.fileRequired') : null;
      },
    },
  });

  const documentsOf = (values: Values) =>
    required.flatMap((kind) => (values.files[kind] ? [{ kind, fileId: values.files[kind]!.fileId }] : []));

  const keepDraft = async (values: Values) => {
    setSaving(true);
    try {
      const saved = await saveDraft(activity.id, { motivation: values.motivation, documents: documentsOf(values) });
      setSavedAt(saved.updatedAt);
      void queryClient.invalidateQueries({ queryKey: applyCheckKeys.of(activity.id) });
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const choose = async (kind: DocumentKind, file: File | null) => {
    if (!file) return;
    setFailure(null);
    setUploading(kind);
    try {
      const stored = await uploadFile(file);
      const files = { ...form.values.files, [kind]: { fileId: stored.id, filename: stored.filename } };
      form.setFieldValue('files', files);
      form.clearFieldError(`files.${kind}`);
      await keepDraft({ ...form.values, files });
    } catch (error) {
      if (error instanceof ApiError && !error.unreachable) form.setFieldError(`files.${kind}`, error.messages.join('; ') || t('errors.title'));
      else setFailure(error);
    } finally {
      setUploading(null);
    }
  };

  const remove = (kind: DocumentKind) => {
    const files = { ...form.values.files };
    delete files[kind];
    form.setFieldValue('files', files);
    void keepDraft({ ...form.values, files });
  };

  const focusFirstProblem = (errors: Record<string, unknown>) => {
    const first = ['motivation', ...required.map((kind) => `files.${kind}`)].find((key) => errors[key]);
    const element = first === 'motivation' ? document.getElementById('motivation') : first ? document.getElementById(documentFieldId(first.slice(6))) : null;
    element?.focus();
  };

  const validateAll = (values: Values) => {
    const errors: Record<string, string> = {};
    if (!values.motivation.trim()) errors.motivation = t('applicant.apply.motivationRequired');
    for (const kind of required) if (!values.files[kind]) errors[`files.${kind}`] = t('applicant.apply.fileRequired');
    return errors;
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFormErrors([]);
    setFailure(null);
    const values = form.getValues();
    const errors = validateAll(values);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) {
      setFormErrors([t('applicant.apply.missing', { count: Object.keys(errors).length })]);
      // After the errors render, so that the first field is focusable with its message.
      requestAnimationFrame(() => focusFirstProblem(errors));
      return;
    }
    try {
      const created = await unwrap(
        api.POST('/api/activities/{id}/applications', {
          params: { path: { id: activity.id } },
          body: { motivation: values.motivation, documents: documentsOf(values) },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      await queryClient.invalidateQueries({ queryKey: applyCheckKeys.of(activity.id) });
      navigate(`/my/applications/${created.id}`, { state: { submitted: true } });
    } catch (error) {
      const split = fieldErrors(error, ['motivation', 'documents']);
      if (split.fields.documents) split.form.push(split.fields.documents);
      if (split.fields.motivation) form.setFieldError('motivation', split.fields.motivation);
      if (split.form.length) setFormErrors(split.form);
      else if (!split.fields.motivation && !split.fields.documents) setFailure(error);
    }
  };

  return (
    <Paper maw={760} mx="auto" p={{ base: 'md', sm: 'xl' }} withBorder>
      {back}
      <PageTitle title={t('applicant.apply.title')}>{t('applicant.apply.title')}</PageTitle>
      <Text mb="md">{t('applicant.apply.intro', { title: activity.title })}</Text>
      {activity.requiresNomination && (
        <Alert color="blue" c="dark.8" mb="md">
          {t('eligibility.nomination')}
        </Alert>
      )}
      {formErrors.length > 0 && <ErrorMessage messages={formErrors} title={t('applicant.apply.refused')} />}
      {failure !== null && <ErrorMessage error={failure} />}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Textarea
            id="motivation"
            label={t('applicant.apply.motivation')}
            description={t('applicant.apply.motivationHint')}
            required
            autosize
            minRows={5}
            maxLength={5000}
            {...form.getInputProps('motivation')}
          />
          {required.length > 0 && (
            <Fieldset legend={t('applicant.apply.documents')}>
              <Stack>
                <Text size="sm" c="gray.7">
                  {t('applicant.apply.requiredDocuments')}: {required.map((kind) => t(`documents.${kind}`)).join(', ')}. {t('applicant.apply.documentsHint')}
                </Text>
                {required.map((kind) => {
                  const attached = form.values.files[kind];
                  const error = form.errors[`files.${kind}`];
                  const label = t(`documents.${kind}`);
                  return (
                    <div key={kind} role="group" aria-labelledby={`${documentFieldId(kind)}-label`} data-testid={`document-${kind}`}>
                      <Text id={`${documentFieldId(kind)}-label`} fw={600} size="sm" mb={4}>
                        {label} <span aria-hidden="true">*</span>
                      </Text>
                      <Group gap="sm" wrap="wrap">
                        {attached && (
                          <Text size="sm" data-testid={`attached-${kind}`}>
                            {t('applicant.apply.attached', { filename: attached.filename })}
                          </Text>
                        )}
                        <FileButton onChange={(file) => void choose(kind, file)} accept={ACCEPT}>
                          {(props) => (
                            <Button
                              {...props}
                              id={documentFieldId(kind)}
                              variant="default"
                              size="sm"
                              loading={uploading === kind}
                              aria-label={attached ? t('applicant.apply.replaceFile', { document: label }) : t('applicant.apply.chooseFileFor', { document: label })}
                              aria-invalid={!!error}
                              aria-describedby={error ? `${documentFieldId(kind)}-error` : undefined}
                            >
                              {attached ? t('applicant.apply.replace') : t('applicant.apply.chooseFile')}
                            </Button>
                          )}
                        </FileButton>
                        {attached && (
                          <Button variant="outline" color="red.9" c="red.9" size="sm" onClick={() => remove(kind)} aria-label={t('applicant.apply.removeFile', { document: label })}>
                            {t('applicant.apply.remove')}
                          </Button>
                        )}
                      </Group>
                      {error && (
                        <Text id={`${documentFieldId(kind)}-error`} c="red.9" size="sm" mt={4}>
                          {error}
                        </Text>
                      )}
                    </div>
                  );
                })}
              </Stack>
            </Fieldset>
          )}
          <Group>
            {/* Not while a document is still uploading: it would be sent without it. */}
            <Button type="submit" disabled={uploading !== null}>
              {t('applicant.apply.submit')}
            </Button>
            <Button variant="default" loading={saving} onClick={() => void keepDraft(form.getValues())} data-testid="save-draft">
              {t('applicant.apply.saveDraft')}
            </Button>
          </Group>
          {savedAt && (
            <Text size="sm" c="gray.7" role="status" data-testid="draft-saved">
              {t('applicant.apply.draftSaved', { date: formatDate(savedAt) })}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
