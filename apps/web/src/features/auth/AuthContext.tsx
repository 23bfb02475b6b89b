import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { session } from '../../api/session';
import type { Role, User } from '../../api/types';
import { authKeys } from './api';

interface Auth {
  /** The signed-in user, null when signed out, undefined while the token is being checked. */
  user: User | null | undefined;
  signIn(email: string, password: string): Promise<User>;
  /** Starts a session with a token the API handed out otherwise (sign-up returns one). */
  startSession(accessToken: string): Promise<User>;
  signOut(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
  /** Set while the context itself sends the user to sign-in (expired session, sign-out). */
  leaving: boolean;
}

const AuthContext = createContext<Auth | null>(null);

/** Where sign-in sends the user back to: `/sign-in?next=/the/page`. */
export function signInPath(next?: string, reason?: 'expired' | 'registered' | 'signedOut'): string {
  const params = new URLSearchParams();
  if (next && next !== '/sign-in') params.set('next', next);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `/sign-in?${query}` : '/sign-in';
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [token, setToken] = useState(session.token);
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    if (location.pathname === '/sign-in') setLeaving(false);
  }, [location.pathname]);

  const me = useQuery({
    queryKey: authKeys.me(token),
    queryFn: () => unwrap(api.GET('/api/auth/me')),
    enabled: token !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });

  // An expired session anywhere: forget it and come back here after signing in again.
  const here = `${location.pathname}${location.search}`;
  useEffect(() => {
    session.onExpired(() => {
      setLeaving(true);
      setToken(null);
      queryClient.removeQueries({ queryKey: authKeys.all });
      if (location.pathname !== '/sign-in') navigate(signInPath(here, 'expired'), { replace: true });
    });
    return () => session.onExpired(undefined);
  }, [navigate, queryClient, here, location.pathname]);

  const startSession = useCallback(
    async (accessToken: string) => {
      session.store(accessToken);
      const user = await unwrap(api.GET('/api/auth/me'));
      queryClient.setQueryData(authKeys.me(accessToken), user);
      setToken(accessToken);
      return user;
    },
    [queryClient],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const { accessToken } = await unwrap(api.POST('/api/auth/login', { body: { email, password } }));
      return startSession(accessToken);
    },
    [startSession],
  );

  const signOut = useCallback(async () => {
    setLeaving(true);
    session.clear();
    setToken(null);
    queryClient.clear();
    navigate(signInPath(undefined, 'signedOut'));
    // Also ends the HttpOnly cookie the queue dashboard reads; failing to reach the server is fine.
    await api.POST('/api/auth/logout').catch(() => undefined);
  }, [queryClient, navigate]);

  const user = token === null ? null : me.isError ? null : me.data;
  const value = useMemo<Auth>(
    () => ({ user, signIn, startSession, signOut, leaving, hasRole: (...roles) => !!user && roles.includes(user.role) }),
    [user, signIn, startSession, signOut, leaving],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside <AuthProvider>');
  return auth;
}
