import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The production page's Content-Security-Policy (docs/security.md item 6) as a meta tag, a second
 * line of defence behind the header the app:// protocol handler sends; e2e/csp.spec.ts checks that
 * the two agree. `frame-ancestors 'none'` is header-only: in a meta tag Chromium ignores it and
 * logs a console error on every start.
 */
const metaCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Only on build: the dev server needs inline scripts for React Fast Refresh and a websocket for HMR.
function productionCspMeta(): Plugin {
  return {
    name: 'customerscore:production-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaCsp },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// The renderer lint rules forbid node:path/node:url here, and a URL's pathname is enough: this file
// only needs its own folder, whichever working directory vite or electron-vite run from.
function folderOf(moduleUrl: string): string {
  const pathname = decodeURIComponent(new URL('.', moduleUrl).pathname);
  return /^\/[A-Za-z]:\//.test(pathname) ? pathname.slice(1) : pathname;
}

const rendererRoot = folderOf(import.meta.url);

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs, so the same build loads from app:// in Electron and from a test server.
  base: './',
  plugins: [react(), productionCspMeta()],
  build: {
    outDir: `${rendererRoot}../out/renderer`,
    emptyOutDir: true,
    // Chromium supports module preload natively; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
  },
});
