import { useMediaQuery } from '@mantine/hooks';

/**
 * Whether the screen is phone-sized (below Mantine's `sm`, 48em): filters fold away, drawers fill
 * the screen. Read at the first render, not in an effect after it, so a phone does not render
 * every page twice (once as a laptop) on its way in.
 */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
}
