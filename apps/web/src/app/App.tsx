import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { ApiError } from '../api/errors';
import { AuthProvider } from '../features/auth/AuthContext';
import { RequireAuth } from '../features/auth/RequireAuth';
import { Loading } from '../components/Loading';
import { NotFoundPage } from '../components/NotFoundPage';
import { Layout } from './Layout';
import { HomeRedirect, ROUTES } from './routes';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry only what may pass next time: a lost connection or an overloaded server.
      retry: (failures, error) => failures < 2 && error instanceof ApiError && (error.unreachable || error.status >= 502),
    },
  },
});

function Root() {
  return (
    <AuthProvider>
      <Layout>
        {/* Pages are loaded when first opened (routes.tsx); the header stays while one arrives. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Layout>
    </AuthProvider>
  );
}

const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      ...ROUTES.map((route) => ({
        path: route.path,
        element: (route.access ?? 'public') === 'public' ? route.element : <RequireAuth roles={Array.isArray(route.access) ? route.access : undefined}>{route.element}</RequireAuth>,
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <Notifications position="top-center" />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
