import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * `npm run build:web` writes apps/web/dist, which the API serves at `/`.
 * `npx vite --config apps/web/vite.config.ts` serves the app with hot reload on :5173 and
 * forwards API calls to the API on :3000 (`npm start` in another terminal).
 */
export default defineConfig({
  root: here,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/docs': 'http://localhost:3000' },
  },
});
