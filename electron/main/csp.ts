/**
 * Content Security Policy of the production page (docs/security.md item 6). Sent as a header by the
 * app:// protocol handler. `connect-src 'none'`: the page talks to nothing but the preload bridge;
 * all network traffic leaves from the main process (item 11).
 */
export const PRODUCTION_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'";

/**
 * The relaxed policy for the Vite dev server only (never in a packaged app). Vite injects styles as
 * inline `<style>` tags and @vitejs/plugin-react an inline React Refresh preamble script, and hot
 * reload needs a WebSocket back to the server: hence 'unsafe-inline' and the ws:// origin.
 */
export function devCsp(devServerOrigin: string): string {
  const origin = new URL(devServerOrigin);
  const http = origin.origin;
  const ws = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline' ${http}`,
    `style-src 'self' 'unsafe-inline' ${http}`,
    `img-src 'self' data: ${http}`,
    `font-src 'self' ${http}`,
    `connect-src 'self' ${http} ${ws}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
