/** The session's query keys: the signed-in user (features/auth/AuthContext.tsx). */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};
