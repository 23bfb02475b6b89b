import { Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, also written into the browser tab's title. */
export function PageTitle({ children, title }: { children: ReactNode; title?: string }) {
  const { t } = useTranslation();
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} · ${t('app.name')}` : t('app.name');
  }, [text, t]);
  return (
    <Title order={1} mb="md" fz={{ base: 26, sm: 32 }}>
      {children}
    </Title>
  );
}
