import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { APPLICATION_STATUSES, GENDERS } from '../../../../api/enums';
import type { ApplicationStatus, ReviewFilters, ReviewSort } from '../../api';

export const REVIEW_SORTS: readonly ReviewSort[] = ['submitted', 'name', 'country', 'status'];
export const PAGE_SIZES = [25, 50, 100, 200] as const;
export type ReviewTab = 'review' | 'attendance' | 'evaluations';
const TABS: readonly ReviewTab[] = ['review', 'attendance', 'evaluations'];

/**
 * The review's state in the URL, so that a filtered list can be shared and survives a reload:
 * `?tab=&status=&status=&country=&region=&gender=&ldc=&q=&sort=&order=&size=`.
 */
export function useReviewFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<ReviewFilters>(() => {
    const status = params.getAll('status').filter((value): value is ApplicationStatus => (APPLICATION_STATUSES as readonly string[]).includes(value));
    const gender = params.get('gender');
    const ldc = params.get('ldc');
    const sort = params.get('sort') as ReviewSort | null;
    return {
      ...(status.length ? { status } : {}),
      ...(params.get('country') ? { country: params.get('country')! } : {}),
      ...(params.get('region') ? { region: params.get('region')! } : {}),
      ...(gender && (GENDERS as readonly string[]).includes(gender) ? { gender: gender as ReviewFilters['gender'] } : {}),
      ...(ldc === 'true' || ldc === 'false' ? { ldc: ldc === 'true' } : {}),
      ...(params.get('q') ? { q: params.get('q')! } : {}),
      sort: sort && REVIEW_SORTS.includes(sort) ? sort : 'submitted',
      order: params.get('order') === 'desc' ? 'desc' : 'asc',
    };
  }, [params]);
  const size = Number(params.get('size'));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : 50;
  const tab: ReviewTab = TABS.find((name) => name === params.get('tab')) ?? 'review';

  // From the address as it is now: two changes in a row must not start from the same old one.
  const update = (changes: Record<string, string | string[] | null>) =>
    setParams(
      () => {
        const next = new URLSearchParams(window.location.search);
        for (const [key, value] of Object.entries(changes)) {
          next.delete(key);
          for (const one of value === null ? [] : Array.isArray(value) ? value : [value]) if (one !== '') next.append(key, one);
        }
        return next;
      },
      { replace: true },
    );

  return {
    filters,
    pageSize,
    tab,
    setFilter: (key: keyof ReviewFilters, value: string | string[] | null) => update({ [key]: value }),
    setPageSize: (value: number) => update({ size: String(value) }),
    setTab: (value: ReviewTab) => update({ tab: value === 'review' ? null : value }),
    clear: () => update({ status: null, country: null, region: null, gender: null, ldc: null, q: null }),
    filtered: ['status', 'country', 'region', 'gender', 'ldc', 'q'].some((key) => params.has(key)),
  };
}
