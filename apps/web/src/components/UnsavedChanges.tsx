import { Button, Group, Modal, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Warns before unsaved changes are lost: leaving the page inside the app asks first (react-router's
 * `useBlocker`), and closing or reloading the tab gets the browser's own warning (`beforeunload`).
 * A router takes one blocker at a time, so a page has one guard: `<UnsavedChangesGuard dirty>` for
 * a page that knows itself whether something is unsaved, or `<UnsavedChangesProvider>` for a page of
 * several forms, each of which reports whether it has unsaved changes: `useUnsavedChanges(form.isDirty())`.
 * A change of the page's own query string (a tab, a filter) is not leaving.
 */
const DirtyContext = createContext<((key: string, dirty: boolean) => void) | null>(null);

/** Whether any of several parts (forms, rows) is dirty, and a stable function each reports through. */
export function useDirtyParts(): [boolean, (key: string, dirty: boolean) => void] {
  const [dirtyParts, setDirtyParts] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback((key: string, dirty: boolean) => {
    setDirtyParts((current) => {
      if (current.has(key) === dirty) return current;
      const next = new Set(current);
      if (dirty) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  return [dirtyParts.size > 0, report];
}

export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const [dirty, report] = useDirtyParts();
  return (
    <DirtyContext.Provider value={report}>
      <UnsavedChangesGuard dirty={dirty} />
      {children}
    </DirtyContext.Provider>
  );
}

/** Tells the page's guard whether this form has unsaved changes (forgotten when the form unmounts). */
export function useUnsavedChanges(dirty: boolean): void {
  const report = useContext(DirtyContext);
  const key = useId();
  useEffect(() => {
    report?.(key, dirty);
  }, [report, key, dirty]);
  useEffect(() => () => report?.(key, false), [report, key]);
}

export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Saved meanwhile (a form that navigates once saved): nothing to warn about any more.
  useEffect(() => {
    if (blocker.state === 'blocked' && !dirty) blocker.proceed();
  }, [blocker, dirty]);

  return (
    <Modal opened={blocker.state === 'blocked' && dirty} onClose={() => blocker.reset?.()} title={t('unsaved.title')} centered closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      <Text mb="md">{t('unsaved.text')}</Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t('unsaved.stay')}
        </Button>
        <Button color="red.9" onClick={() => blocker.proceed?.()}>
          {t('unsaved.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
