import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { catalogueFirstRequests } from './src/features/catalogue/first-visit.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

const TEXTS = /[\\/](?:src[\\/](?:i18n|features[\\/][^\\/]+)[\\/](?:locales|reference|refusals)|i18n-iso-countries[\\/]langs|dayjs[\\/]locale)[\\/](en|fr|es)\.(?:json|js)$/;

/** `texts-<language>` for a module of a language's texts, else no group. */
function textsChunk(id: string): string | null {
  const language = TEXTS.exec(id)?.[1];
  return language ? `texts-${language}` : null;
}

/**
 * What a first visit needs must start downloading with the app's scripts, not after them (the app
 * cannot run before its 700 KB of libraries are here, over a second on a slow mobile network). A
 * tiny classic script, loaded async, picks the language as src/i18n does (the remembered choice,
 * else the browser's, else English) and preloads that language's texts chunk and, on the public
 * catalogue, the API answers the page asks for first, which then arrive beside the scripts.
 * test/web/public.e2e-spec.ts checks that the page uses each of them (no request twice).
 */
function firstVisitPreload(): Plugin {
  let script = '';
  return {
    name: 'trta:first-visit-preload',
    apply: 'build',
    // Runs before Vite writes index.html (and before the compression plugin reads it).
    generateBundle(_options, bundle) {
      const chunks: Record<string, string> = {};
      for (const item of Object.values(bundle)) {
        const language = item.type === 'chunk' ? /^texts-(\w+)$/.exec(item.name)?.[1] : undefined;
        if (language) chunks[language] = `/${item.fileName}`;
      }
      const requests = catalogueFirstRequests('LANGUAGE').map((url) => url.split('LANGUAGE'));
      const source =
        `(function(){var f=${JSON.stringify(chunks)},r=${JSON.stringify(requests)},l;` +
        `try{l=localStorage.getItem('trta.language')}catch(e){}if(!f[l])l=(navigator.language||'').slice(0,2);if(!f[l])l='en';` +
        `function p(h,a){var k=document.createElement('link');k.rel=a?'preload':'modulepreload';if(a)k.as=a;k.crossOrigin='';k.href=h;document.head.appendChild(k)}` +
        `p(f[l]);if(location.pathname==='/catalogue'&&!location.search)r.forEach(function(u){p(u.join(l),'fetch')})})();\n`;
      script = `assets/first-visit-${createHash('sha256').update(source).digest('hex').slice(0, 10)}.js`;
      this.emitFile({ type: 'asset', fileName: script, source });
    },
    transformIndexHtml: {
      order: 'post',
      // First in <head>: its requests go out before the scripts take every connection.
      handler: () => (script ? [{ tag: 'script', attrs: { async: true, src: `/${script}` }, injectTo: 'head-prepend' }] : []),
    },
  };
}

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
  plugins: [react(), firstVisitPreload(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' })],
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
        // Each language's texts (ours, country names, the date locale) in one chunk of its own,
        // `texts-<language>`, loaded by src/i18n before the first render: one language per visit.
        codeSplitting: {
          groups: [
            // Not their dependencies: dayjs itself stays with the other libraries.
            { name: (id) => textsChunk(id), priority: 2, includeDependenciesRecursively: false },
            // The libraries a first visit needs, with rolldown's runtime; the app's own code that it
            // needs (the catalogue, the sheet, what they share with other pages) in one more: over
            // HTTP/1.1 a browser opens six connections, and a seventh script waits for a free one.
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 1 },
            { name: 'vendor', test: /^\0rolldown\/runtime\.js$/, priority: 1 },
            { name: 'app', test: /[\\/]src[\\/](?!main\.tsx$)/, tags: ['$initial'], priority: 0 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/docs': 'http://localhost:3000' },
  },
});
