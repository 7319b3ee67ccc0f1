import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { createQueryClient } from './app/query-client';
import { initI18n } from './i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/data-display.css';
import './styles/components.css';
import './styles/dialog.css';
import './styles/staff-models.css';
import './styles/import-dialog.css';
import './styles/storage.css';
import './styles/engine.css';
import './styles/emotion-try.css';
import './styles/model-files.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Strings must be ready before the first paint, or the first frame shows raw keys.
await initI18n();

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
