import type { ActivityStatus } from '../activities/activity.entity';

/** The activity lifecycle of DESIGN section 3: each action, the statuses it starts from and where it leads. */
export const TRANSITIONS = {
  confirm: { from: ['planned', 'postponed'], to: 'confirmed' },
  open: { from: ['confirmed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  deliver: { from: ['confirmed', 'closed'], to: 'delivered' },
  cancel: { from: ['planned', 'confirmed', 'open', 'closed', 'postponed'], to: 'cancelled' },
  postpone: { from: ['planned', 'confirmed', 'open', 'closed'], to: 'postponed' },
} as const satisfies Record<string, { from: readonly ActivityStatus[]; to: ActivityStatus }>;

export type LifecycleAction = keyof typeof TRANSITIONS;

/** e.g. `cannot open an activity that is planned; open is allowed from: confirmed`. */
export function illegalTransitionMessage(action: LifecycleAction, status: ActivityStatus): string {
  return `cannot ${action} an activity that is ${status}; ${action} is allowed from: ${TRANSITIONS[action].from.join(', ')}`;
}
