// The first step of `npm run test:e2e`: with no browser for the end-to-end tests, one sentence
// saying what to install and exit code 1, before the renderer build and before Playwright would
// fail every test on its own. With a browser, silent.
import { findE2eBrowser } from '../e2e/support/e2e-browser';

const browser = findE2eBrowser();
if (!browser.found) {
  console.error(browser.message);
  process.exitCode = 1;
}
