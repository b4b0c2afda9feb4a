import { electronBinary } from './electron/electron-app';
import { findE2eBrowser } from './support/e2e-browser';

/**
 * Stops a run with no browser before any test starts (`npx playwright test` directly; `npm test`
 * stops earlier, in scripts/check-browser.ts), and says once why the Electron tests are skipped.
 */
export default function globalSetup(): void {
  const browser = findE2eBrowser();
  if (!browser.found) {
    // The sentence alone: a thrown error would add a stack and a code frame that help nobody here.
    console.error(browser.message);
    process.exit(1);
  }
  if (electronBinary === null) {
    console.log('Electron end-to-end tests (e2e/electron): skipped: no Electron binary');
  }
}
