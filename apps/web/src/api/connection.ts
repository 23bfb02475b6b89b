import { useSyncExternalStore } from 'react';

/** Whether the server answers: set by every API call and by the browser's online/offline events. */
let online = typeof navigator === 'undefined' ? true : navigator.onLine;
const listeners = new Set<() => void>();

function set(value: boolean) {
  if (value === online) return;
  online = value;
  listeners.forEach((listener) => listener());
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => set(true));
  window.addEventListener('offline', () => set(false));
}

export const connection = {
  reachable: set,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => online,
};

export function useOnline(): boolean {
  return useSyncExternalStore(connection.subscribe, connection.get);
}
