// First: these set up zod and react-aria for the page's CSP before any schema or component exists.
import './zod-jitless';
import './react-aria-csp';
// Tokens and base rules first, so component styles imported below come later in the cascade.
import './styles/tokens.css';
import './styles/base.css';
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
