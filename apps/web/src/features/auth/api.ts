/** The session's query keys: the signed-in user, per token (features/auth/AuthContext.tsx). */
export const authKeys = {
  all: ['auth'] as const,
  me: (token: string | null) => [...authKeys.all, 'me', token] as const,
};
