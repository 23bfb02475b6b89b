import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * `npm run build:web` writes apps/web/dist, which the API serves at `/`.
 * `npx vite --config apps/web/vite.config.ts` serves the app with hot reload on :5173 and
 * forwards API calls to the API on :3000 (`npm start` in another terminal).
 *
 * Built for a slow mobile network (issue 16): every page is its own chunk (src/app/routes.tsx),
 * each text file is also written brotli- and gzip-compressed (`x.js.br`, `x.js.gz`) for the API
 * to send as they are (create-api.ts, `preCompressed`), and dist/.vite/manifest.json records
 * which chunks each page loads (test/web-chunks.spec.ts reads it).
 */
export default defineConfig({
  root: here,
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps for the build checks (test/web/chunks), without the comment that points a browser at
    // them; the server never serves a .map (create-api.ts).
    sourcemap: 'hidden',
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // The libraries every page needs (React, the router, Mantine's core, i18next, React Query)
        // in one script: fewer round trips on a first visit; it changes only with the libraries.
        codeSplitting: { groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'] }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/docs': 'http://localhost:3000' },
  },
});
