import { Button, Group, List, Modal, Paper, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import type { Schemas } from '../../../api/types';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDateRange } from '../../../components/format';
import { notifySuccess } from '../../../components/notify';
import { planKeys } from '../../plans/api';
import { activityKeys } from '../api';
import type { Activity, ActivityAction, LifecycleAction, SchedulingConflict } from '../types';

/** The routes of the lifecycle section; which of them show is the activity's `allowedActions` (in the API's order). */
const LIFECYCLE_ROUTES: Record<LifecycleAction, true> = { confirm: true, open: true, close: true, deliver: true, cancel: true, postpone: true };
const isLifecycle = (action: ActivityAction): action is LifecycleAction => action in LIFECYCLE_ROUTES;
/** Steps that ask first: a reason (cancel, postpone), or because they cannot be undone (cancel, close, deliver). */
type Dialog = Extract<LifecycleAction, 'cancel' | 'postpone' | 'close' | 'deliver'>;
const ASKS_FIRST: readonly LifecycleAction[] = ['cancel', 'postpone', 'close', 'deliver'];
const WITH_REASON: readonly Dialog[] = ['cancel', 'postpone'];

/**
 * The lifecycle buttons, exactly the activity's `allowedActions`; scheduling conflicts listed and
 * acknowledged; a confirmation before what cannot be undone. Keyed by the activity's version by
 * its page, so a saved change clears an earlier refusal.
 */
export function Lifecycle({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [reason, setReason] = useState('');

  const transition = useMutation({
    mutationFn: ({ action, acknowledge, why }: { action: LifecycleAction; acknowledge?: boolean; why?: string }) => {
      const path = { params: { path: { id: activity.id } } };
      switch (action) {
        case 'confirm':
          return unwrap(api.POST('/api/activities/{id}/confirm', { ...path, body: { acknowledgeConflicts: !!acknowledge } }));
        case 'open':
          return unwrap(api.POST('/api/activities/{id}/open', path));
        case 'close':
          return unwrap(api.POST('/api/activities/{id}/close', path));
        case 'deliver':
          return unwrap(api.POST('/api/activities/{id}/deliver', path));
        case 'cancel':
          return unwrap(api.POST('/api/activities/{id}/cancel', { ...path, body: { reason: why ?? '' } }));
        case 'postpone':
          return unwrap(api.POST('/api/activities/{id}/postpone', { ...path, body: why ? { reason: why } : {} }));
      }
    },
    onSuccess: (_data, { action }) => {
      setDialog(null);
      notifySuccess(t(`staff.lifecycle.done.${action}`), t('common.close'));
      // The activity everywhere it is listed, and the products matrix that counts it by status.
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });
  const error = transition.error;
  const conflicts: SchedulingConflict[] = error instanceof ApiError ? ((error.body as Partial<Schemas['SchedulingConflictsError']> | undefined)?.conflicts ?? []) : [];

  const actions = activity.allowedActions.filter(isLifecycle);
  const run = (action: LifecycleAction) => {
    transition.reset();
    if (ASKS_FIRST.includes(action)) {
      setReason('');
      setDialog(action as Dialog);
    } else transition.mutate({ action });
  };
  const submitDialog = (event: FormEvent) => {
    event.preventDefault();
    if (dialog) transition.mutate({ action: dialog, why: reason.trim() || undefined });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="lifecycle-heading">
      <Title order={2} size="h4" id="lifecycle-heading" mb="xs">
        {t('staff.lifecycle.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('staff.lifecycle.hint')}
      </Text>
      {!dialog && conflicts.length === 0 && <ErrorMessage error={error} title={t('staff.lifecycle.refused')} />}
      {conflicts.length > 0 && (
        <Paper withBorder p="sm" mb="md" data-testid="conflicts" role="alert">
          <Text fw={600}>{t('staff.lifecycle.conflicts', { count: conflicts.length })}</Text>
          <Text size="sm" mb="xs">
            {t('staff.lifecycle.conflictsHint')}
          </Text>
          <List size="sm" mb="sm">
            {conflicts.map((conflict) => (
              <List.Item key={conflict.id}>
                {conflict.code} · {conflict.title} ({formatDateRange(conflict.startDate, conflict.endDate)}): {conflict.reason}
              </List.Item>
            ))}
          </List>
          <Group gap="sm">
            <Button onClick={() => transition.mutate({ action: 'confirm', acknowledge: true })} loading={transition.isPending}>
              {t('staff.lifecycle.acknowledge')}
            </Button>
            <Button variant="default" onClick={() => transition.reset()}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Paper>
      )}
      {actions.length === 0 && <Text size="sm">{t('staff.lifecycle.none')}</Text>}
      <Group gap="sm">
        {actions.map((action) => (
          <Button
            key={action}
            variant={action === 'cancel' ? 'outline' : 'filled'}
            color={action === 'cancel' ? 'red.9' : undefined}
            onClick={() => run(action)}
            loading={transition.isPending && transition.variables?.action === action}
          >
            {t(`staff.lifecycle.action.${action}`)}
          </Button>
        ))}
      </Group>
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? t(`staff.lifecycle.dialog.${dialog}`, { code: activity.code }) : ''} closeButtonProps={{ 'aria-label': t('staff.closeDialog') }}>
        <form onSubmit={submitDialog}>
          {dialog && <Text mb="sm">{t(`staff.lifecycle.warning.${dialog}`)}</Text>}
          <ErrorMessage error={error} />
          {dialog && WITH_REASON.includes(dialog) && (
            <Textarea
              label={t('staff.lifecycle.reason')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              required={dialog === 'cancel'}
              autosize
              minRows={2}
              data-autofocus
            />
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={dialog === 'cancel' ? 'red.9' : undefined} loading={transition.isPending}>
              {dialog ? t(`staff.lifecycle.action.${dialog}`) : ''}
            </Button>
          </Group>
        </form>
      </Modal>
    </Paper>
  );
}
