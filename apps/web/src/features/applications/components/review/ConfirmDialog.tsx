import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A confirmation before an action that cannot be undone (a completion and its certificate, a
 * no-show, a rejection): what will happen, then the action's own button or cancel. `children`
 * holds any input the action takes (the days everyone attended).
 */
export function ConfirmDialog({
  opened,
  title,
  text,
  confirmLabel,
  onConfirm,
  onClose,
  loading,
  children,
  error,
}: {
  opened: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  loading?: boolean;
  children?: ReactNode;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('review.closeDialog') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        {error}
        <Text mb="sm">{text}</Text>
        {children}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
