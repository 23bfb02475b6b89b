import { useSyncExternalStore } from 'react';

/**
 * Whether the server can be reached: the browser says it is online (its online/offline events)
 * and the last API call that could tell answered. An answer to a call sent before the last
 * failure says nothing about now (a slow answer arriving after the network went away must not
 * hide the banner), so only calls sent after it bring the connection back.
 */
let browserOnline = typeof navigator === 'undefined' ? true : navigator.onLine;
let serverAnswers = true;
let failedAt = -Infinity;
let online = browserOnline;
const listeners = new Set<() => void>();

function update() {
  const value = browserOnline && serverAnswers;
  if (value === online) return;
  online = value;
  listeners.forEach((listener) => listener());
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    // Back on the network: assume the server answers until a call says otherwise.
    browserOnline = true;
    serverAnswers = true;
    update();
  });
  window.addEventListener('offline', () => {
    browserOnline = false;
    update();
  });
}

export const connection = {
  /** The time to pass to `answered` or `failed` for a call sent now. */
  now: () => performance.now(),
  /** A call sent at `sentAt` got an answer; `ok` is false for a gateway's 502/503/504. */
  answered(sentAt: number, ok: boolean) {
    if (!ok) return connection.failed();
    if (sentAt < failedAt) return;
    serverAnswers = true;
    update();
  },
  /** A call got no answer at all. */
  failed() {
    failedAt = performance.now();
    serverAnswers = false;
    update();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => online,
};

export function useOnline(): boolean {
  return useSyncExternalStore(connection.subscribe, connection.get);
}
