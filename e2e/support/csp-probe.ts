import type { Page } from '@playwright/test';

/** One `securitypolicyviolation` event as the page saw it. */
export interface CspViolation {
  effectiveDirective: string;
  blockedURI: string;
  disposition: string;
}

// Runs in the page before the app's own scripts, through Playwright (which the CSP does not govern),
// so every violation from the first byte on is recorded. Written as a string because the Node-side
// tsconfig has no DOM types.
const recorderScript = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push({
      effectiveDirective: event.effectiveDirective,
      blockedURI: event.blockedURI,
      disposition: event.disposition,
    });
  });
`;

/** Starts recording CSP violations; call before the page is opened. */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(recorderScript);
}

export async function cspViolations(page: Page): Promise<CspViolation[]> {
  return (await page.evaluate('window.__cspViolations')) as CspViolation[];
}

/**
 * Does what an injection attack would: adds an inline `<script>` to the document. An inline script
 * runs synchronously when inserted, so the answer is final when this returns.
 */
export async function injectInlineScript(page: Page, code: string): Promise<void> {
  await page.evaluate(`(() => {
    const script = document.createElement('script');
    script.textContent = ${JSON.stringify(code)};
    document.body.append(script);
  })()`);
}

/** Adds `<script src=url>` to the document and reports whether it loaded or failed. */
export async function injectRemoteScript(page: Page, url: string): Promise<'load' | 'error'> {
  return (await page.evaluate(`new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = ${JSON.stringify(url)};
    script.addEventListener('load', () => resolve('load'));
    script.addEventListener('error', () => resolve('error'));
    document.body.append(script);
  })`)) as 'load' | 'error';
}

/** Reads a global the injected scripts would set if they ran. */
export async function readGlobal(page: Page, name: string): Promise<unknown> {
  return page.evaluate(`window[${JSON.stringify(name)}]`);
}
