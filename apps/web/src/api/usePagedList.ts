import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { ApiError } from './errors';

/** A page of any list of the API: `GET …?limit=&cursor=` answers `{ items, nextCursor }` (libs/http pagination.ts). */
export interface ListPage<T = unknown> {
  items: T[];
  nextCursor: string | null;
}

/** The API's own default page size; `all` lists ask for its largest (200) to need fewer round trips. */
export const PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface PagedListOptions<P extends ListPage> {
  /** The feature's query key for this list (from its key factory); the page size is appended. */
  queryKey: QueryKey;
  /** One page: pass `limit` and `cursor` on to the API, and the signal to the client. */
  fetchPage: (page: { cursor: string | undefined; limit: number; signal: AbortSignal }) => Promise<P>;
  /** Follow `nextCursor` to the last page by itself (for selects and calendars that need every row). */
  all?: boolean;
  pageSize?: number;
  enabled?: boolean;
  /** Keep showing the previous filter's rows while the new filter's first page loads. */
  keepPrevious?: boolean;
  retry?: boolean | number;
}

/**
 * THE list hook of the web app: TanStack Query's `useInfiniteQuery` over the API's keyset pages.
 * `items` are the rows of every page fetched so far, `count` their number; while `hasNextPage`,
 * `loadMore()` fetches the next page (show `<LoadMore list={…} />` under the list), or, with
 * `all`, the hook fetches every page itself (`isComplete` once the last one is in). No list stops
 * at a fixed number of rows.
 */
export function usePagedList<P extends ListPage>(options: PagedListOptions<P>) {
  const { all = false, enabled = true } = options;
  const limit = options.pageSize ?? (all ? MAX_PAGE_SIZE : PAGE_SIZE);
  const query = useInfiniteQuery<P, ApiError, { pages: P[]; pageParams: unknown[] }, QueryKey, string | undefined>({
    queryKey: [...options.queryKey, { limit }],
    queryFn: ({ pageParam, signal }) => options.fetchPage({ cursor: pageParam, limit, signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    enabled,
    ...(options.retry !== undefined ? { retry: options.retry } : {}),
  });
  const { data, hasNextPage, isFetchingNextPage, isFetching, isError, fetchNextPage } = query;

  useEffect(() => {
    if (all && enabled && hasNextPage && !isFetching && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [all, enabled, hasNextPage, isFetching, isFetchingNextPage, isError, fetchNextPage]);

  const items = useMemo(() => (data?.pages ?? []).flatMap((page) => page.items as P['items']) as P['items'], [data]);
  return {
    ...query,
    /** Every row fetched so far, in the API's order. */
    items,
    count: items.length,
    /** The first page as the API answered it (lists whose pages carry more than rows, e.g. an activity's seats). */
    firstPage: data?.pages[0],
    loadMore: () => fetchNextPage(),
    /** The last page is in: `items` is the whole list. */
    isComplete: query.isSuccess && !hasNextPage,
  };
}

export type PagedList<T> = Pick<ReturnType<typeof usePagedList<ListPage<T>>>, 'count' | 'hasNextPage' | 'isFetchingNextPage' | 'loadMore'>;
