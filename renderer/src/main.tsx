// First: these set up zod and react-aria for the page's CSP before any schema or component exists.
import './zod-jitless';
import './react-aria-csp';
// Tokens, base rules and the shared controls first, so screen styles imported below come later in
// the cascade and can adjust them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/content.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element');
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
