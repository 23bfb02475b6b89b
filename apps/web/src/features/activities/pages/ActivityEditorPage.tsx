import { Button, Group, Modal, Tabs, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Allowed } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { notifySuccess } from '../../../components/notify';
import { PageTitle } from '../../../components/PageTitle';
import { StatusBadge } from '../../../components/StatusBadge';
import { planKeys } from '../../plans/api';
import { activityKeys, cloneActivity, downloadActivityIcs, useActivity } from '../api';
import { ActivityForm } from '../components/ActivityForm';
import { ActivityLinks } from '../components/ActivityLinks';
import { Lifecycle } from '../components/Lifecycle';
import { SheetEditor } from '../components/SheetEditor';
import { UnsavedChangesProvider, useUnsavedChanges } from '../../../components/UnsavedChanges';
import type { Activity } from '../types';

/** The activity editor: every field (with the version read), its lifecycle, its sheet; clone and calendar file. */
export function ActivityEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const activity = useActivity(id);
  if (activity.isPending) return <Loading />;
  if (activity.isError) return <ErrorMessage error={activity.error} onRetry={() => void activity.refetch()} />;
  const current = activity.data;
  const tab = params.get('tab') === 'sheet' ? 'sheet' : 'fields';
  return (
    <UnsavedChangesProvider>
      <PageTitle title={`${current.code} · ${current.title}`}>
        {current.code} · {current.title}
      </PageTitle>
      <Group gap="sm" mb="sm" justify="space-between">
        <Group gap="sm">
          <Text>{t('staff.activity.status')}</Text>
          <StatusBadge status={current.status} group="activity" />
          {current.statusReason && <Text c="gray.7">({current.statusReason})</Text>}
        </Group>
        <Group gap="sm">
          <IcsButton activity={current} />
          <CloneButton activity={current} />
        </Group>
      </Group>
      <ActivityLinks id={id} current="editor" activity={current} />
      {/* Re-mounted by each new version: a saved change clears an earlier refusal. */}
      <Lifecycle key={current.version} activity={current} />
      {/* Both tabs stay mounted: switching keeps what is being written in the other. */}
      <Tabs value={tab} onChange={(value) => setParams(value === 'sheet' ? { tab: 'sheet' } : {}, { replace: true })} mt="lg">
        <Tabs.List>
          <Tabs.Tab value="fields">{t('staff.activity.fields')}</Tabs.Tab>
          <Tabs.Tab value="sheet">{t('staff.sheet.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="fields" pt="md">
          <ActivityForm key={current.version} activity={current} />
        </Tabs.Panel>
        <Tabs.Panel value="sheet" pt="md">
          <SheetEditor activity={current} />
        </Tabs.Panel>
      </Tabs>
    </UnsavedChangesProvider>
  );
}

/** The activity's own calendar event, once it has dates. */
function IcsButton({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const download = useMutation({ mutationFn: () => downloadActivityIcs(activity.id, activity.code) });
  if (!activity.startDate) return null;
  return (
    <>
      <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>
        {t('staff.activity.ics')}
      </Button>
      {download.isError && <ErrorMessage error={download.error} />}
    </>
  );
}

/** A planned copy in the same plan and product (new code, dates cleared, the sheet unpublished), opened once made. */
function CloneButton({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const proposed = `${activity.title} (${t('staff.activity.copy')})`.slice(0, 300);
  const [title, setTitle] = useState(proposed);
  // A title typed in the open dialog is not lost to a click elsewhere without a warning.
  useUnsavedChanges(opened && title !== proposed);
  const clone = useMutation({
    mutationFn: () => cloneActivity(activity.id, title.trim() || undefined),
    onSuccess: (copy) => {
      setOpened(false);
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      notifySuccess(t('staff.activity.cloned', { code: copy.code }), t('common.close'));
      void navigate(`/staff/activities/${copy.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clone.mutate();
  };
  return (
    <Allowed record={activity} action="clone">
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('staff.activity.clone')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('staff.activity.cloneTitle', { code: activity.code })} closeButtonProps={{ 'aria-label': t('staff.closeDialog') }}>
        <form onSubmit={submit}>
          <Text size="sm" mb="sm">
            {t('staff.activity.cloneHint')}
          </Text>
          <ErrorMessage error={clone.error} />
          <TextInput label={t('staff.activity.field.title')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} data-autofocus />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={clone.isPending}>
              {t('staff.activity.cloneConfirm')}
            </Button>
          </Group>
        </form>
      </Modal>
    </Allowed>
  );
}

