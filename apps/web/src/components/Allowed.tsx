import type { ReactNode } from 'react';

/**
 * A record of the API that says what the caller may do with it now (`allowedActions`, computed by
 * the API's policy module from the record's state and the caller's role). The web shows exactly
 * those buttons: it never decides from a status or a role which action is open.
 */
export interface WithAllowedActions<A extends string> {
  allowedActions: readonly A[];
}

/** The action union of a record: `ActionOf<Plan>` is `PlanAction`. */
export type ActionOf<R> = R extends WithAllowedActions<infer A> ? A : never;

/**
 * Whether the API allows `action` on `record` now; false while the record is not loaded.
 * Typed on the record's own union: `can(plan, 'adopt')` compiles, `can(plan, 'finalize')` does not.
 */
export function can<A extends string>(record: WithAllowedActions<A> | null | undefined, action: NoInfer<A>): boolean {
  return !!record && record.allowedActions.includes(action);
}

/**
 * Its children when the API allows `action` on `record` (or any of several actions), else
 * `fallback` (nothing by default):
 *
 * ```tsx
 * <Allowed record={plan} action="adopt"><Button onClick={adopt}>Adopt</Button></Allowed>
 * <Allowed record={report} action={['finalize', 'export']}>…</Allowed>
 * ```
 */
export function Allowed<A extends string>({
  record,
  action,
  children,
  fallback = null,
}: {
  record: WithAllowedActions<A> | null | undefined;
  action: NoInfer<A> | readonly NoInfer<A>[];
  children: ReactNode;
  fallback?: ReactNode;
}) {
  const actions: readonly A[] = typeof action === 'string' ? [action] : action;
  return <>{actions.some((one) => can(record, one)) ? children : fallback}</>;
}
