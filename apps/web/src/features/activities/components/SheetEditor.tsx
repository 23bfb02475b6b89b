import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  FileInput,
  Group,
  List,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUIRED_DOCUMENTS } from '../../../api/enums';
import { fieldErrors } from '../../../api/errors';
import type { Language } from '../../../api/types';
import { Allowed, can } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Facts } from '../../../components/Facts';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { notifySuccess } from '../../../components/notify';
import { catalogueKeys } from '../../catalogue/api';
import {
  activityKeys,
  addLinkMaterial,
  downloadMaterial,
  publishSheet,
  removeMaterial,
  saveSheet,
  uploadMaterial,
  useCountryOptions,
  useSheet,
  type MaterialKind,
} from '../api';
import type { Activity, LocalizedText, RequiredDocument, Sheet } from '../types';
import { useUnsavedChanges } from '../../../components/UnsavedChanges';
import { usePhone } from '../../../components/usePhone';

const SHEET_FIELDS = ['objectives', 'targetAudience', 'applicationRequirements', 'programme'] as const;
type SheetField = (typeof SHEET_FIELDS)[number];
type Texts = Record<SheetField, LocalizedText>;
const LANGUAGES: Language[] = ['en', 'fr', 'es'];
const MATERIAL_KINDS: MaterialKind[] = ['reading', 'training'];

const textsOf = (sheet: Sheet | null): Texts => ({
  objectives: { ...sheet?.objectives },
  targetAudience: { ...sheet?.targetAudience },
  applicationRequirements: { ...sheet?.applicationRequirements },
  programme: { ...sheet?.programme },
});

/** The activity sheet: written the first time or edited, a tab per language, materials, a preview as applicants see it, publication. */
export function SheetEditor({ activity }: { activity: Activity }) {
  const sheet = useSheet(activity.id);
  if (sheet.isPending) return <Loading />;
  if (sheet.isError) return <ErrorMessage error={sheet.error} onRetry={() => void sheet.refetch()} />;
  // Re-keyed when the stored sheet changes, so the form starts from what was saved.
  return <SheetForm key={sheet.data ? String(sheet.data.updatedAt) : 'new'} activity={activity} sheet={sheet.data} />;
}

function SheetForm({ activity, sheet }: { activity: Activity; sheet: Sheet | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [texts, setTexts] = useState<Texts>(() => textsOf(sheet));
  const [documents, setDocuments] = useState<string[]>(sheet?.requiredDocuments ?? []);
  const [preview, setPreview] = useState(false);
  const writable = can(activity, 'edit-sheet');
  const dirty = JSON.stringify(texts) !== JSON.stringify(textsOf(sheet)) || JSON.stringify(documents) !== JSON.stringify(sheet?.requiredDocuments ?? []);
  // The activity's languages first, in its order (the first is the one every text needs); then the others, which it does not take.
  useUnsavedChanges(dirty);
  const languages = [...activity.languages, ...LANGUAGES.filter((language) => !activity.languages.includes(language))];

  const save = useMutation({
    mutationFn: () => saveSheet(activity.id, { ...texts, requiredDocuments: documents as RequiredDocument[] }),
    onSuccess: (saved) => {
      queryClient.setQueryData(activityKeys.sheet(activity.id), saved);
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
      notifySuccess(sheet ? t('staff.sheet.saved') : t('staff.sheet.created'), t('common.close'));
    },
  });
  const publish = useMutation({
    mutationFn: () => publishSheet(activity.id),
    onSuccess: (published) => {
      queryClient.setQueryData(activityKeys.sheet(activity.id), published);
      notifySuccess(t('staff.sheet.published'), t('common.close'));
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
  });
  // One message at a time: a new attempt forgets the other's refusal.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.reset();
    save.reset();
    save.mutate();
  };
  const setText = (field: SheetField, language: Language, value: string) => setTexts((current) => ({ ...current, [field]: { ...current[field], [language]: value } }));

  return (
    <Stack gap="md">
      <form aria-label={t('staff.sheet.title')} onSubmit={submit}>
        {!sheet && (
          <Alert color="blue" c="dark.8" mb="md" data-testid="no-sheet">
            {t('staff.sheet.none')}
          </Alert>
        )}
        {sheet && (
          <Text mb="sm">
            {sheet.publishedAt ? t('staff.sheet.publishedAt', { date: formatDate(String(sheet.publishedAt).slice(0, 10)) }) : t('staff.sheet.notPublished')}
          </Text>
        )}
        <ErrorMessage error={save.error ?? publish.error} title={t('staff.sheet.refused')} />
        <Tabs defaultValue={activity.languages[0]} keepMounted={false} mb="md">
          <Tabs.List>
            {languages.map((language) => (
              <Tabs.Tab key={language} value={language} disabled={!activity.languages.includes(language)}>
                {t(`languages.${language}`)}
                {language === activity.languages[0] ? ` (${t('staff.sheet.main')})` : ''}
                {!activity.languages.includes(language) ? ` (${t('staff.sheet.notALanguage')})` : ''}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {activity.languages.map((language) => (
            <Tabs.Panel key={language} value={language} pt="md">
              <Fieldset legend={t('staff.sheet.inLanguage', { language: t(`languages.${language}`) })} lang={language} disabled={!writable}>
                {SHEET_FIELDS.map((field) => (
                  <Textarea
                    key={field}
                    label={t(`staff.sheet.field.${field}`)}
                    required={language === activity.languages[0]}
                    value={texts[field][language] ?? ''}
                    onChange={(event) => setText(field, language, event.currentTarget.value)}
                    autosize
                    minRows={2}
                    mb="sm"
                  />
                ))}
              </Fieldset>
            </Tabs.Panel>
          ))}
        </Tabs>
        <Checkbox.Group label={t('staff.sheet.requiredDocuments')} value={documents} onChange={setDocuments} mb="md" readOnly={!writable}>
          <Group mt={4}>
            {REQUIRED_DOCUMENTS.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`documents.${kind}`)} disabled={!writable} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group>
          <Allowed record={activity} action="edit-sheet">
            <Button type="submit" loading={save.isPending}>
              {sheet ? t('staff.sheet.save') : t('staff.sheet.create')}
            </Button>
          </Allowed>
          <Button variant="default" onClick={() => setPreview(true)}>
            {t('staff.sheet.preview')}
          </Button>
          {sheet && (
            <Allowed record={activity} action="publish-sheet">
              <Button
                variant="light"
                onClick={() => {
                  save.reset();
                  publish.mutate();
                }}
                loading={publish.isPending}
                disabled={dirty}
              >
                {t('staff.sheet.publish')}
              </Button>
            </Allowed>
          )}
        </Group>
        {dirty && sheet && can(activity, 'publish-sheet') && (
          <Text size="sm" c="gray.7" mt="xs">
            {t('staff.sheet.saveFirst')}
          </Text>
        )}
      </form>
      {sheet && <Materials activity={activity} sheet={sheet} />}
      <SheetPreview opened={preview} onClose={() => setPreview(false)} activity={activity} texts={texts} documents={documents} materials={sheet?.materials ?? []} />
    </Stack>
  );
}

/** Reading and training materials: links, or files uploaded (their type checked by the API from the content). */
function Materials({ activity, sheet }: { activity: Activity; sheet: Sheet }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<'link' | 'file'>('link');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MaterialKind>('reading');
  const [language, setLanguage] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // A material being described and not yet added counts as unsaved, like the sheet's texts.
  useUnsavedChanges(title.trim() !== '' || url.trim() !== '' || file !== null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: activityKeys.sheet(activity.id) });

  const add = useMutation({
    mutationFn: () =>
      source === 'link'
        ? addLinkMaterial(activity.id, { title: title.trim(), kind, url: url.trim(), ...(language ? { language: language as Language } : {}) })
        : uploadMaterial(activity.id, { title: title.trim(), kind, ...(language ? { language: language as Language } : {}), file: file! }),
    onSuccess: () => {
      setTitle('');
      setUrl('');
      setFile(null);
      notifySuccess(t('staff.materials.added'), t('common.close'));
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (materialId: string) => removeMaterial(activity.id, materialId),
    onSuccess: refresh,
  });
  const download = useMutation({ mutationFn: ({ id, filename }: { id: string; filename: string }) => downloadMaterial(activity.id, id, filename) });
  const errors = fieldErrors(add.error, ['title', 'kind', 'url', 'language', 'file']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.reset();
    add.reset();
    add.mutate();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="materials-heading">
      <Title order={3} size="h4" id="materials-heading" mb="sm">
        {t('staff.materials.title')}
      </Title>
      <ErrorMessage error={remove.error ?? download.error} />
      {sheet.materials.length === 0 ? (
        <Text size="sm" mb="md">
          {t('staff.materials.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table mb="md" data-testid="materials">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.materials.name')}</Table.Th>
                <Table.Th>{t('staff.materials.kind')}</Table.Th>
                <Table.Th>{t('staff.materials.language')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('staff.materials.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sheet.materials.map((material) => (
                <Table.Tr key={material.id}>
                  <Table.Td>
                    {material.url ? (
                      <Anchor href={material.url} target="_blank" rel="noreferrer">
                        {material.title}
                      </Anchor>
                    ) : (
                      <Anchor component="button" type="button" onClick={() => download.mutate({ id: material.id, filename: material.file?.filename ?? material.title })}>
                        {material.title}
                      </Anchor>
                    )}
                    {material.file && (
                      <Text size="xs" c="gray.7">
                        {material.file.filename} · {Math.max(1, Math.round(material.file.sizeBytes / 1024))} KB
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`staff.materials.kinds.${material.kind}`)}</Table.Td>
                  <Table.Td>{material.language ? t(`languages.${material.language}`) : t('staff.materials.anyLanguage')}</Table.Td>
                  <Table.Td ta="right">
                    <Allowed record={activity} action="edit-sheet">
                      <Button size="compact-sm" variant="subtle" color="red.9" c="red.9" onClick={() => remove.mutate(material.id)} aria-label={t('staff.materials.removeNamed', { title: material.title })}>
                        {t('staff.materials.remove')}
                      </Button>
                    </Allowed>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Allowed record={activity} action="edit-sheet">
        <form onSubmit={submit} aria-label={t('staff.materials.add')}>
          <ErrorMessage messages={errors.form.length > 0 ? errors.form : undefined} error={errors.form.length > 0 ? add.error : undefined} />
          <Text id="material-source" size="sm" fw={500} mb={4}>
            {t('staff.materials.source')}
          </Text>
          <SegmentedControl
            aria-labelledby="material-source"
            mb="sm"
            value={source}
            onChange={(value) => setSource(value as 'link' | 'file')}
            data={[
              { value: 'link', label: t('staff.materials.link') },
              { value: 'file', label: t('staff.materials.file') },
            ]}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('staff.materials.name')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={errors.fields.title} />
            <Select
              label={t('staff.materials.kind')}
              required
              allowDeselect={false}
              data={MATERIAL_KINDS.map((value) => ({ value, label: t(`staff.materials.kinds.${value}`) }))}
              value={kind}
              onChange={(value) => setKind((value as MaterialKind) ?? 'reading')}
            />
            <Select
              label={t('staff.materials.language')}
              clearable
              placeholder={t('staff.materials.anyLanguage')}
              data={activity.languages.map((value) => ({ value, label: t(`languages.${value}`) }))}
              value={language}
              onChange={setLanguage}
            />
          </SimpleGrid>
          {source === 'link' ? (
            <TextInput mt="sm" type="url" label={t('staff.materials.url')} required placeholder="https://" value={url} onChange={(event) => setUrl(event.currentTarget.value)} error={errors.fields.url} />
          ) : (
            <FileInput mt="sm" label={t('staff.materials.upload')} description={t('staff.materials.uploadHint')} required clearable clearButtonProps={{ 'aria-label': t('staff.import.clearFile') }} value={file} onChange={setFile} />
          )}
          <Button type="submit" mt="sm" variant="light" loading={add.isPending} disabled={!title.trim() || (source === 'link' ? !url.trim() : !file)}>
            {t('staff.materials.add')}
          </Button>
        </form>
      </Allowed>
    </Paper>
  );
}

/** The sheet as applicants will see it in the catalogue, from the texts being written (saved or not). */
function SheetPreview({
  opened,
  onClose,
  activity,
  texts,
  documents,
  materials,
}: {
  opened: boolean;
  onClose: () => void;
  activity: Activity;
  texts: Texts;
  documents: string[];
  materials: Sheet['materials'];
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const countries = useCountryOptions();
  const [language, setLanguage] = useState<Language>(activity.languages[0]);
  const place = activity.venueCity ? [activity.venueCity, countries.nameOf(activity.venueCountry)].filter(Boolean).join(', ') : t('catalogue.online');
  const sections = [
    ['activity.objectives', 'objectives'],
    ['activity.targetAudience', 'targetAudience'],
    ['activity.requirements', 'applicationRequirements'],
    ['activity.programme', 'programme'],
  ] as const;
  return (
    <Modal opened={opened} onClose={onClose} title={t('staff.sheet.previewTitle')} size="xl" fullScreen={phone} closeButtonProps={{ 'aria-label': t('staff.closeDialog') }}>
      <Text size="sm" c="gray.7" mb="sm">
        {t('staff.sheet.previewHint')}
      </Text>
      {activity.languages.length > 1 && (
        <SegmentedControl
          aria-label={t('staff.sheet.previewLanguage')}
          mb="md"
          value={language}
          onChange={(value) => setLanguage(value as Language)}
          data={activity.languages.map((value) => ({ value, label: t(`languages.${value}`) }))}
        />
      )}
      <Paper withBorder p="md" data-testid="sheet-preview">
        <Title order={2} size="h2" mb="sm">
          {activity.title}
        </Title>
        <Group gap={6} mb="md">
          <Badge variant="light" color="trta" c="dark.8">
            {t(`types.${activity.type}`)}
          </Badge>
          <Badge variant="light" color="teal" c="dark.8">
            {t(`modes.${activity.deliveryMode}`)}
          </Badge>
          {activity.languages.map((value) => (
            <Badge key={value} variant="outline" color="gray" c="dark.6">
              {value.toUpperCase()}
            </Badge>
          ))}
        </Group>
        <Facts
          spacing="xs"
          facts={[
            [t('activity.dates'), activity.startDate ? t('catalogue.dates', { start: formatDate(activity.startDate), end: formatDate(activity.endDate) }) : '—'],
            [t('activity.deadline'), activity.applicationDeadline ? formatDate(activity.applicationDeadline) : t('catalogue.noDeadline')],
            [t('activity.venue'), place],
            [t('activity.capacity'), String(activity.capacity)],
          ]}
        />
        {activity.requiresNomination && (
          <Text size="sm" mt="sm" fw={600}>
            {t('activity.nomination')}
          </Text>
        )}
        <div lang={language}>
          {sections.map(([label, field]) => {
            const text = texts[field][language] || texts[field][activity.languages[0]];
            return text ? (
              <section key={field}>
                <Title order={3} size="h3" mt="lg" mb="xs">
                  {t(label)}
                </Title>
                <Text className="sheet-text">{text}</Text>
              </section>
            ) : null;
          })}
        </div>
        {documents.length > 0 && (
          <>
            <Title order={3} size="h3" mt="lg" mb="xs">
              {t('activity.documents')}
            </Title>
            <List>
              {documents.map((document) => (
                <List.Item key={document}>{t(`documents.${document}`)}</List.Item>
              ))}
            </List>
          </>
        )}
        {materials.length > 0 && (
          <>
            <Title order={3} size="h3" mt="lg" mb="xs">
              {t('activity.materials')}
            </Title>
            <List>
              {materials
                .filter((material) => !material.language || material.language === language)
                .map((material) => (
                  <List.Item key={material.id}>{material.title}</List.Item>
                ))}
            </List>
          </>
        )}
      </Paper>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('staff.sheet.closePreview')}
        </Button>
      </Group>
    </Modal>
  );
}
