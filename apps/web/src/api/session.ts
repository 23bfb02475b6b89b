/**
 * The browser session lives in an HttpOnly cookie the page never sees (it survives reloads and
 * is shared by every tab); the page only reads the CSRF cookie, which it repeats in the
 * `X-CSRF-Token` header of every call. When the session ends under a signed-in page, the calls
 * that failed wait here until the person signs in again (the sign-in dialog), then run again.
 */
const CSRF_COOKIE = 'trta_csrf';

type Listener = () => void;
let signedIn = false;
let waiting: { promise: Promise<boolean>; resolve: (signedInAgain: boolean) => void } | null = null;
const listeners = new Set<Listener>();

function notify() {
  listeners.forEach((listener) => listener());
}

export const session = {
  csrfToken(): string | null {
    const match = document.cookie.split('; ').find((part) => part.startsWith(`${CSRF_COOKIE}=`));
    return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : null;
  },
  /** Whether the page believes someone is signed in (set by the auth context). */
  get signedIn(): boolean {
    return signedIn;
  },
  setSignedIn(value: boolean) {
    signedIn = value;
  },
  /** Whether the sign-in dialog is asked for: a call found the session ended. */
  get expired(): boolean {
    return waiting !== null;
  },
  /**
   * A call found the session ended: resolves true once the person signed in again (retry the
   * call), false if they chose to leave (sign out). Every failing call shares one dialog.
   */
  waitForSignIn(): Promise<boolean> {
    if (!waiting) {
      let resolve!: (value: boolean) => void;
      const promise = new Promise<boolean>((done) => (resolve = done));
      waiting = { promise, resolve };
      notify();
    }
    return waiting.promise;
  },
  /** The dialog's outcome: signed in again (true) or gave up (false). */
  resume(signedInAgain: boolean) {
    const current = waiting;
    waiting = null;
    current?.resolve(signedInAgain);
    notify();
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
