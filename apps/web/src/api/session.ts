/**
 * The signed-in session's bearer token, kept in sessionStorage (gone when the tab closes).
 * The auth context (src/auth) subscribes to `expired` to send the user to sign-in.
 */
const KEY = 'trta.token';
let onExpired: (() => void) | undefined;

export const session = {
  token: (): string | null => sessionStorage.getItem(KEY),
  store(token: string) {
    sessionStorage.setItem(KEY, token);
  },
  clear() {
    sessionStorage.removeItem(KEY);
  },
  expired() {
    sessionStorage.removeItem(KEY);
    onExpired?.();
  },
  onExpired(handler: (() => void) | undefined) {
    onExpired = handler;
  },
};
