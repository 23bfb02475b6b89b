import type { Role } from '@trta/http';

export type UserAction = 'disable' | 'enable' | 'changeRole' | 'changeCountry' | 'sendReset';

/** What an admin may do to an account: never to their own (no admin locks themselves out). */
export function allowedUserActions(target: { id: string; role: Role; disabled: boolean; hasPassword: boolean }, adminId: string): UserAction[] {
  if (target.id === adminId) return [];
  const actions: UserAction[] = [target.disabled ? 'enable' : 'disable', 'changeRole'];
  if (target.role === 'focal_point') actions.push('changeCountry');
  if (!target.disabled && target.hasPassword) actions.push('sendReset');
  return actions;
}
