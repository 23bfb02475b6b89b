import { ActionIcon, Anchor, Button, FileInput, Fieldset, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../api/client';
import { ApiError, fieldErrors, refusalText, unwrap } from '../../../api/errors';
import { useReferenceOptions } from '../../../api/reference';
import { can } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { currentLanguage, LANGUAGES } from '../../../i18n';
import { createRequest, requestKeys, useRequest, type NationalRequest, type RequestFields } from '../api';

interface Values {
  topics: string[];
  preferredQuarter: string;
  language: RequestFields['language'];
  needsAssessment: string;
  expectedOutcomes: string;
  targetAudience: string;
  expectedParticipants: number | string;
  contacts: { name: string; email: string; role: string }[];
  officialLetter: File | null;
}
const FIELDS = ['topics', 'preferredQuarter', 'language', 'needsAssessment', 'expectedOutcomes', 'targetAudience', 'expectedParticipants', 'contacts'] as const;
const ACCEPT = 'application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.pdf,.png,.jpg,.jpeg,.docx';

/** This quarter and the next eight, e.g. 2027-Q2. */
function quarters(): string[] {
  const now = new Date();
  let year = now.getUTCFullYear();
  let quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  const list: string[] = [];
  for (let i = 0; i < 9; i++) {
    list.push(`${year}-Q${quarter}`);
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
  return list;
}

/** Refusals about the uploaded letter, said beside the file field. */
const FILE_REFUSALS = ['FILE_MISSING', 'FILE_EMPTY', 'FILE_TOO_LARGE', 'FILE_TYPE_NOT_ACCEPTED', 'MULTIPART_MALFORMED', 'MULTIPART_REQUIRED', 'PAYLOAD_TOO_LARGE'];

/**
 * Splits the API's refusal between the fields it names (400 field problems, a quarter that has
 * ended) and the form as a whole, translated; a refused letter is said beside the file field.
 */
function splitErrors(error: unknown): { fields: Record<string, string>; form: string[] } {
  if (!(error instanceof ApiError) || error.unreachable) return { fields: {}, form: [] };
  if (error.code && FILE_REFUSALS.includes(error.code)) return { fields: { officialLetter: refusalText(error) }, form: [] };
  if (error.code === 'QUARTER_PASSED') return { fields: { preferredQuarter: refusalText(error) }, form: [] };
  return fieldErrors(error, FIELDS);
}

/** The national request form: a new request (with the official letter) or an edit while it is submitted. */
export function RequestFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const editing = !!id;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const existing = useRequest(id);
  const topics = useReferenceOptions('topic');
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const required = (value: unknown) => (value === '' || value === null || (Array.isArray(value) && value.length === 0) ? t('focal.form.required') : null);
  const form = useForm<Values>({
    initialValues: {
      topics: [],
      preferredQuarter: '',
      language: currentLanguage(),
      needsAssessment: '',
      expectedOutcomes: '',
      targetAudience: '',
      expectedParticipants: '',
      contacts: [{ name: '', email: '', role: '' }],
      officialLetter: null,
    },
    validate: {
      topics: required,
      preferredQuarter: required,
      needsAssessment: required,
      expectedOutcomes: required,
      targetAudience: required,
      expectedParticipants: required,
      contacts: { name: required, email: required, role: required },
      officialLetter: (value) => (editing ? null : required(value)),
    },
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    const r = existing.data;
    if (!r) return;
    const values = {
      topics: r.topics,
      preferredQuarter: r.preferredQuarter,
      language: r.language,
      needsAssessment: r.needsAssessment,
      expectedOutcomes: r.expectedOutcomes,
      targetAudience: r.targetAudience,
      expectedParticipants: r.expectedParticipants,
      contacts: r.contacts.map(({ name, email, role }) => ({ name, email, role })),
      officialLetter: null,
    };
    setValues(values);
    resetDirty(values);
  }, [existing.data, setValues, resetDirty]);

  if (editing && existing.isPending) return <Loading />;
  if (editing && existing.isError) return <ErrorMessage error={existing.error} onRetry={() => void existing.refetch()} />;
  const current = existing.data;
  const quarterOptions = quarters();
  if (current && !quarterOptions.includes(current.preferredQuarter)) quarterOptions.unshift(current.preferredQuarter);

  const submit = form.onSubmit(async (values) => {
    setFormErrors([]);
    setFailure(null);
    const fields: RequestFields = {
      topics: values.topics,
      preferredQuarter: values.preferredQuarter,
      language: values.language,
      needsAssessment: values.needsAssessment,
      expectedOutcomes: values.expectedOutcomes,
      targetAudience: values.targetAudience,
      expectedParticipants: Number(values.expectedParticipants),
      contacts: values.contacts,
    };
    try {
      let saved: NationalRequest;
      if (current) {
        saved = await unwrap(
          api.PATCH('/api/requests/{id}', { params: { path: { id: current.id } }, body: { ...fields, version: current.version } }),
        );
      } else {
        saved = await createRequest(fields, values.officialLetter!);
      }
      queryClient.setQueryData(requestKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: requestKeys.lists() });
      navigate(`/focal/requests/${saved.id}`, { state: { saved: current ? 'updated' : 'created' } });
    } catch (error) {
      const split = splitErrors(error);
      form.setErrors(split.fields);
      setFormErrors(split.form);
      if (!split.form.length && !Object.keys(split.fields).length) setFailure(error);
    }
  });

  const title = current ? t('focal.form.editTitle') : t('focal.form.newTitle');
  const backTo = current ? `/focal/requests/${current.id}` : '/focal/requests';
  return (
    <Paper maw={860} mx="auto" p={{ base: 'md', sm: 'xl' }} withBorder>
      <Anchor component={Link} to={backTo} size="sm" mb="sm" display="inline-block">
        ← {t('focal.requests.title')}
      </Anchor>
      <PageTitle>{title}</PageTitle>
      <Text mb="md">{t('focal.form.intro')}</Text>
      {current && !can(current, 'edit') && <ErrorMessage messages={[t('focal.form.notEditable')]} />}
      {formErrors.length > 0 && <ErrorMessage messages={formErrors} title={t('errors.fix')} />}
      {failure !== null && <ErrorMessage error={failure} />}
      <form onSubmit={submit} noValidate>
        <Stack>
          <Fieldset legend={t('focal.form.activity')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MultiSelect
                label={t('focal.form.topics')}
                required
                searchable
                data={topics}
                {...form.getInputProps('topics')}
              />
              <Select label={t('focal.form.preferredQuarter')} required allowDeselect={false} data={quarterOptions} {...form.getInputProps('preferredQuarter')} />
              <Select
                label={t('focal.form.language')}
                required
                allowDeselect={false}
                data={LANGUAGES.map((language) => ({ value: language.code, label: language.label }))}
                {...form.getInputProps('language')}
              />
              <NumberInput label={t('focal.form.expectedParticipants')} required min={1} max={1000} allowDecimal={false} {...form.getInputProps('expectedParticipants')} />
            </SimpleGrid>
            <Stack mt="md">
              <Textarea label={t('focal.form.needsAssessment')} required autosize minRows={3} maxLength={10000} {...form.getInputProps('needsAssessment')} />
              <Textarea label={t('focal.form.expectedOutcomes')} required autosize minRows={3} maxLength={10000} {...form.getInputProps('expectedOutcomes')} />
              <Textarea label={t('focal.form.targetAudience')} required autosize minRows={2} maxLength={10000} {...form.getInputProps('targetAudience')} />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('focal.form.contacts')}>
            <Stack>
              {form.errors.contacts && (
                <Text c="red.8" size="sm" role="alert">
                  {form.errors.contacts}
                </Text>
              )}
              {form.values.contacts.map((_, index) => (
                <Group key={index} align="flex-end" wrap="wrap" data-testid="contact">
                  <TextInput label={t('focal.form.contactName', { n: index + 1 })} required autoComplete="off" style={{ flex: '1 1 180px' }} {...form.getInputProps(`contacts.${index}.name`)} />
                  <TextInput label={t('focal.form.contactEmail', { n: index + 1 })} required type="email" autoComplete="off" style={{ flex: '1 1 200px' }} {...form.getInputProps(`contacts.${index}.email`)} />
                  <TextInput label={t('focal.form.contactRole', { n: index + 1 })} required autoComplete="off" style={{ flex: '1 1 180px' }} {...form.getInputProps(`contacts.${index}.role`)} />
                  {form.values.contacts.length > 1 && (
                    <ActionIcon variant="default" size="lg" aria-label={t('focal.form.removeContact', { n: index + 1 })} onClick={() => form.removeListItem('contacts', index)}>
                      ×
                    </ActionIcon>
                  )}
                </Group>
              ))}
              {form.values.contacts.length < 10 && (
                <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => form.insertListItem('contacts', { name: '', email: '', role: '' })}>
                  {t('focal.form.addContact')}
                </Button>
              )}
            </Stack>
          </Fieldset>
          {!current && (
            <FileInput
              label={t('focal.form.officialLetter')}
              description={t('focal.form.letterHint')}
              required
              clearable
              accept={ACCEPT}
              {...form.getInputProps('officialLetter')}
            />
          )}
          <Button type="submit" loading={form.submitting} disabled={!!current && !can(current, 'edit')}>
            {current ? t('focal.form.save') : t('focal.form.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
