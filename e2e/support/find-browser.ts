import path from 'node:path';

/**
 * Which Chromium the end-to-end tests drive, found in order: `CHROMIUM_PATH`, Playwright's own
 * Chromium (`npx playwright install chromium`), then a system Chrome, Chromium or Edge at the usual
 * places of the platform. Pure: everything it asks of the machine comes in as a parameter, so each
 * platform's search can be tested from any other.
 *
 * A `CHROMIUM_PATH` that names no file is reported, never skipped over: whoever set it meant that
 * browser, and quietly testing with another one would hide the mistake.
 */
export interface BrowserSearch {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** True when `path` is a file (not a folder, such as a macOS `.app` bundle). */
  isFile(path: string): boolean;
  /** Where Playwright's own Chromium is (or would be) installed; null when Playwright has none for this platform. */
  playwrightChromium(): string | null;
}

export type BrowserSource = 'CHROMIUM_PATH' | 'Playwright' | 'system';

export type BrowserFound =
  { found: true; path: string; source: BrowserSource } | { found: false; message: string };

/**
 * The folder that stands for the file system's root when looking for a system browser. Only the
 * tests set it (to an empty folder, so that the machine's own browsers are not seen); the search
 * itself, and its list of places, stay the real ones.
 */
export const BROWSER_ROOT_ENV = 'CSI_E2E_BROWSER_ROOT';

export function findBrowser(search: BrowserSearch): BrowserFound {
  const configured = search.env['CHROMIUM_PATH'];
  if (configured !== undefined && configured !== '') {
    if (search.isFile(configured))
      return { found: true, path: configured, source: 'CHROMIUM_PATH' };
    return { found: false, message: chromiumPathMissing(configured, search.platform) };
  }
  const playwright = playwrightChromium(search);
  if (playwright !== null && search.isFile(playwright)) {
    return { found: true, path: playwright, source: 'Playwright' };
  }
  const system = systemBrowserCandidates(search.platform, search.env).find((candidate) =>
    search.isFile(underRoot(candidate, search.env[BROWSER_ROOT_ENV], search.platform)),
  );
  if (system !== undefined) {
    return {
      found: true,
      path: underRoot(system, search.env[BROWSER_ROOT_ENV], search.platform),
      source: 'system',
    };
  }
  return { found: false, message: noBrowser(search.platform) };
}

/** The usual places of a system Chrome, Chromium or Edge, most likely first. */
export function systemBrowserCandidates(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const folders = ['/Applications'];
    // Apps dragged into ~/Applications (no administrator rights needed) are found too.
    if (env['HOME']) folders.push(path.posix.join(env['HOME'], 'Applications'));
    return folders.flatMap((folder) => apps.map((app) => path.posix.join(folder, app)));
  }
  if (platform === 'win32') {
    const folders = [
      env['PROGRAMFILES'] ?? 'C:\\Program Files',
      env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)',
      // Chrome installed for one user only lands in their local application data.
      env['LOCALAPPDATA'],
    ].filter((folder): folder is string => Boolean(folder));
    const exes = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return exes.flatMap((exe) => folders.map((folder) => path.win32.join(folder, exe)));
  }
  // Linux and the other Unix-likes: the distributions' packages, Google's and Microsoft's own
  // packages, then the snap (Ubuntu's only Chromium).
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ];
}

/** `candidate` as seen from `root` (see BROWSER_ROOT_ENV); the candidate itself without one. */
function underRoot(candidate: string, root: string | undefined, platform: NodeJS.Platform): string {
  if (!root) return candidate;
  if (platform === 'win32') return path.win32.join(root, candidate.replace(/^[A-Za-z]:/, ''));
  return path.posix.join(root, candidate);
}

function playwrightChromium(search: BrowserSearch): string | null {
  try {
    return search.playwrightChromium();
  } catch {
    // Playwright throws on a platform it has no Chromium for; a system browser may still do.
    return null;
  }
}

/** How to get a browser on this platform, as the end of a sentence. */
function installHint(platform: NodeJS.Platform): string {
  const playwright = 'install one with `npx playwright install chromium`';
  const setPath = 'set CHROMIUM_PATH to a Chrome or Chromium executable';
  if (platform === 'darwin') {
    return `${playwright}, or install Google Chrome (https://www.google.com/chrome/ or \`brew install --cask google-chrome\`), or ${setPath}`;
  }
  if (platform === 'win32') {
    return `${playwright}, or install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge, or ${setPath} (such as C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe)`;
  }
  if (platform === 'linux') {
    return `${playwright}, or install Chromium (\`sudo apt install chromium\` on Debian, \`sudo snap install chromium\` on Ubuntu), or ${setPath}`;
  }
  return `${playwright}, or install Chrome or Chromium, or ${setPath}`;
}

function noBrowser(platform: NodeJS.Platform): string {
  return `No browser for the end-to-end tests was found: ${installHint(platform)}.`;
}

function chromiumPathMissing(configured: string, platform: NodeJS.Platform): string {
  const bundle =
    platform === 'darwin' && configured.endsWith('.app')
      ? ' (for an app, name the executable inside it, such as /Applications/Google Chrome.app/Contents/MacOS/Google Chrome)'
      : '';
  return `CHROMIUM_PATH is set to ${configured}, but no executable file is there${bundle}: point it at a Chrome or Chromium executable, or unset it to let the end-to-end tests find a browser themselves.`;
}
