import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { session } from '../../api/session';
import type { Role, Schemas } from '../../api/types';
import { authKeys } from './api';

/** The sign-in dialog over a page whose session ended: its code (and its form library) loads only then. */
const SessionExpiredDialog = lazy(() => import('./components/SessionExpiredDialog').then((module) => ({ default: module.SessionExpiredDialog })));

function SessionExpiry() {
  const expired = useSyncExternalStore(session.subscribe, () => session.expired);
  return expired ? (
    <Suspense fallback={null}>
      <SessionExpiredDialog />
    </Suspense>
  ) : null;
}

export type CurrentUser = Schemas['CurrentUserView'];

interface Auth {
  /** The signed-in user, null when signed out, undefined while the session is being checked. */
  user: CurrentUser | null | undefined;
  signIn(email: string, password: string): Promise<CurrentUser>;
  /** Picks up a session the API started otherwise (sign-up, claim: the cookie is set already). */
  startSession(accessToken?: string): Promise<CurrentUser>;
  signOut(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
  /** Set while the context itself sends the user to sign-in (sign-out). */
  leaving: boolean;
}

const AuthContext = createContext<Auth | null>(null);

/** Where sign-in sends the user back to: `/sign-in?next=/the/page`. */
export function signInPath(next?: string, reason?: 'expired' | 'registered' | 'signedOut' | 'reset'): string {
  const params = new URLSearchParams();
  if (next && next !== '/sign-in') params.set('next', next);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `/sign-in?${query}` : '/sign-in';
}

/** Other tabs of the app hear of a sign-in or sign-out here, so every header tells who is signed in. */
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('trta-session');

async function fetchMe(): Promise<CurrentUser | null> {
  try {
    return await unwrap(api.GET('/api/auth/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);

  const me = useQuery({
    queryKey: authKeys.me(),
    queryFn: fetchMe,
    staleTime: 60_000,
    refetchOnWindowFocus: true,
    retry: false,
  });
  const user: CurrentUser | null | undefined = me.data !== undefined ? me.data : me.isError ? null : undefined;
  session.setSignedIn(!!user);

  useEffect(() => {
    if (!channel) return;
    const listener = () => void queryClient.invalidateQueries({ queryKey: authKeys.me() });
    channel.addEventListener('message', listener);
    return () => channel.removeEventListener('message', listener);
  }, [queryClient]);

  const startSession = useCallback(async () => {
    const current = await fetchMe();
    if (!current) throw new ApiError(401, []);
    queryClient.setQueryData(authKeys.me(), current);
    session.setSignedIn(true);
    setLeaving(false);
    channel?.postMessage('changed');
    return current;
  }, [queryClient]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      await unwrap(api.POST('/api/auth/login', { body: { email, password } }));
      return startSession();
    },
    [startSession],
  );

  const signOut = useCallback(async () => {
    setLeaving(true);
    // Ends the session on the server (and its cookies); failing to reach the server is fine.
    await api.POST('/api/auth/logout').catch(() => undefined);
    session.setSignedIn(false);
    queryClient.clear();
    queryClient.setQueryData(authKeys.me(), null);
    channel?.postMessage('changed');
    session.resume(false);
    navigate(signInPath(undefined, 'signedOut'));
  }, [queryClient, navigate]);

  const value = useMemo<Auth>(
    () => ({ user, signIn, startSession, signOut, leaving, hasRole: (...roles) => !!user && roles.includes(user.role) }),
    [user, signIn, startSession, signOut, leaving],
  );
  return (
    <AuthContext.Provider value={value}>
      {children}
      <SessionExpiry />
    </AuthContext.Provider>
  );
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside <AuthProvider>');
  return auth;
}
