import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PagedList } from '../api/usePagedList';

/**
 * Under a list of `usePagedList`: how many rows are shown, and a "Load more" button while the API
 * has another page. `shown` replaces the count's text (e.g. "12 activities shown").
 */
export function LoadMore({ list, shown, showCount = true }: { list: PagedList<unknown>; shown?: string; showCount?: boolean }) {
  const { t } = useTranslation();
  if (!list.hasNextPage && (list.count === 0 || !showCount)) return null;
  return (
    <Group justify="space-between" align="center" mt="md" data-testid="load-more">
      {showCount ? (
        <Text size="sm" c="gray.7" aria-live="polite" data-testid="rows-shown">
          {shown ?? t('list.shown', { count: list.count })}
        </Text>
      ) : (
        <span />
      )}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.loadMore()} loading={list.isFetchingNextPage}>
          {t('list.loadMore')}
        </Button>
      )}
    </Group>
  );
}
