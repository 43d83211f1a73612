import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { i18nReady } from './i18n/i18n.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// A saved non-default language loads its strings first, so the first paint is already in it.
await i18nReady.catch(() => undefined);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
