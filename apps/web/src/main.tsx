import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { ready } from './i18n';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

// The first render waits for the interface language's texts (one small chunk, preloaded by the
// page: see vite.config.ts); should they fail to come, the page still renders rather than stay blank.
void ready
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
