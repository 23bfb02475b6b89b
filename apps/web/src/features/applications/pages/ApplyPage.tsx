import { Anchor, Button, FileInput, Fieldset, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../api/client';
import { ApiError, fieldErrors, unwrap } from '../../../api/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { currentLanguage } from '../../../i18n';
import { useCatalogueEntry } from '../../catalogue/api';
import { applicationKeys, uploadFile, type DocumentKind } from '../api';

interface Values {
  motivation: string;
  files: Record<string, File | null>;
}

const ACCEPT = 'application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.pdf,.png,.jpg,.jpeg,.docx';

/** The participation form: motivation and each document the sheet requires, uploaded first. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const entry = useCatalogueEntry(id, currentLanguage());
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: { motivation: '', files: {} },
    validate: {
      motivation: (value) => (value.trim() ? null : t('applicant.apply.motivationRequired')),
    },
  });

  if (entry.isPending) return <Loading />;
  if (entry.isError) return <ErrorMessage error={entry.error} onRetry={() => void entry.refetch()} />;
  const activity = entry.data;
  const required = activity.requiredDocuments as DocumentKind[];

  const submit = form.onSubmit(async (values) => {
    setFormErrors([]);
    setFailure(null);
    const missing = required.filter((kind) => !values.files[kind]);
    if (missing.length) {
      form.setErrors(Object.fromEntries(missing.map((kind) => [`files.${kind}`, t('applicant.apply.fileRequired')])));
      return;
    }
    // Upload each document; a refused file is said beside its own field.
    const documents: { kind: DocumentKind; fileId: string }[] = [];
    for (const kind of required) {
      try {
        const stored = await uploadFile(values.files[kind]!);
        documents.push({ kind, fileId: stored.id });
      } catch (error) {
        if (error instanceof ApiError && !error.unreachable) form.setFieldError(`files.${kind}`, error.messages.join('; ') || t('errors.title'));
        else setFailure(error);
        return;
      }
    }
    try {
      const created = await unwrap(
        api.POST('/api/activities/{id}/applications', { params: { path: { id: activity.id } }, body: { motivation: values.motivation, documents } }),
      );
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      navigate(`/my/applications/${created.id}`, { state: { submitted: true } });
    } catch (error) {
      const split = fieldErrors(error, ['motivation', 'documents']);
      if (split.fields.documents) split.form.push(split.fields.documents);
      if (split.fields.motivation) form.setFieldError('motivation', split.fields.motivation);
      if (split.form.length) setFormErrors(split.form);
      else if (!split.fields.motivation && !split.fields.documents) setFailure(error);
    }
  });

  return (
    <Paper maw={760} mx="auto" p={{ base: 'md', sm: 'xl' }} withBorder>
      <Anchor component={Link} to={`/catalogue/${activity.id}`} size="sm" mb="sm" display="inline-block">
        ← {activity.title}
      </Anchor>
      <PageTitle title={t('applicant.apply.title')}>{t('applicant.apply.title')}</PageTitle>
      <Text mb="md">{t('applicant.apply.intro', { title: activity.title })}</Text>
      {formErrors.length > 0 && <ErrorMessage messages={formErrors} title={t('applicant.apply.refused')} />}
      {failure !== null && <ErrorMessage error={failure} />}
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea
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
                  {t('applicant.apply.documentsHint')}
                </Text>
                {required.map((kind) => (
                  <FileInput
                    key={kind}
                    label={t(`documents.${kind}`)}
                    required
                    clearable
                    accept={ACCEPT}
                    {...form.getInputProps(`files.${kind}`)}
                    value={form.values.files[kind] ?? null}
                  />
                ))}
              </Stack>
            </Fieldset>
          )}
          <Button type="submit" loading={form.submitting}>
            {t('applicant.apply.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
