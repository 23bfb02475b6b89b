import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import type { Application } from '../../applications/api';
import { declineOne, endorseMany } from '../api';

export const nameOf = (application: Application) => application.applicant.fullName ?? application.applicant.email;

export type Nominating = { kind: 'endorse' | 'decline'; applications: Application[] } | null;

/**
 * The focal point's word on one or several candidates, confirmed before it is sent: endorse (with
 * an optional note, the quota left after it shown) or decline (with the reason the applicant reads).
 */
export function NominationDialog({
  confirming,
  left,
  onClose,
  onDone,
}: {
  confirming: Nominating;
  left: number | null;
  onClose(): void;
  onDone(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: async () => {
      if (!confirming) return;
      if (confirming.kind === 'endorse') await endorseMany(confirming.applications.map((application) => application.id), note.trim() || undefined);
      else await declineOne(confirming.applications[0].id, note.trim());
    },
    onSuccess: () => {
      const names = confirming!.applications.map(nameOf).join(', ');
      setNote('');
      const endorsed = confirming!.applications.length === 1 ? t('focal.nominations.endorsed', { name: names }) : t('focal.activity.endorsedMany', { names });
      return onDone(confirming!.kind === 'endorse' ? endorsed : t('focal.nominations.declined', { name: names }));
    },
  });
  const close = () => {
    setNote('');
    setNoteError(null);
    if (!act.isPending) act.reset();
    onClose();
  };
  if (!confirming) return null;
  const names = confirming.applications.map(nameOf).join(', ');
  const endorsing = confirming.kind === 'endorse';
  return (
    <Modal
      opened
      onClose={close}
      title={endorsing ? t('focal.activity.confirmEndorseTitle', { count: confirming.applications.length }) : t('focal.nominations.declineTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('focal.cancel') }}
    >
      <Stack>
        <Text>{endorsing ? t('focal.activity.confirmEndorse', { names }) : t('focal.activity.confirmDecline', { names })}</Text>
        {endorsing && left !== null && (
          <Text size="sm" fw={600} c={confirming.applications.length > left ? 'red.9' : undefined}>
            {confirming.applications.length > left ? t('focal.activity.quotaExceeded', { left }) : t('focal.activity.quotaAfter', { left: left - confirming.applications.length })}
          </Text>
        )}
        <ErrorMessage error={act.error ?? undefined} title={t('focal.nominations.refused')} />
        <Textarea
          label={endorsing ? t('focal.activity.note') : t('focal.nominations.reason')}
          required={!endorsing}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          error={noteError}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('focal.cancel')}
          </Button>
          <Button
            color={endorsing ? undefined : 'red.9'}
            loading={act.isPending}
            onClick={() => {
              if (!endorsing && !note.trim()) {
                setNoteError(t('focal.nominations.reasonRequired'));
                return;
              }
              setNoteError(null);
              act.mutate();
            }}
          >
            {endorsing ? t('focal.activity.confirmEndorseButton', { count: confirming.applications.length }) : t('focal.nominations.confirmDecline')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
