import { describe, expect, it } from 'vitest';
import { BROWSER_ROOT_ENV, findBrowser, type BrowserSearch } from './find-browser';

/** A machine whose only files are `files`; Playwright's Chromium would live at `playwright`. */
function machine(
  platform: NodeJS.Platform,
  files: string[],
  options: { env?: Record<string, string | undefined>; playwright?: string | null | Error } = {},
): BrowserSearch {
  const present = new Set(files);
  const playwright = options.playwright === undefined ? PLAYWRIGHT_LINUX : options.playwright;
  return {
    env: options.env ?? {},
    platform,
    isFile: (candidate) => present.has(candidate),
    playwrightChromium: () => {
      if (playwright instanceof Error) throw playwright;
      return playwright;
    },
  };
}

const PLAYWRIGHT_LINUX = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const PLAYWRIGHT_MAC =
  '/Users/dev/Library/Caches/ms-playwright/chromium-1255/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
const PLAYWRIGHT_WIN =
  'C:\\Users\\dev\\AppData\\Local\\ms-playwright\\chromium-1255\\chrome-win64\\chrome.exe';
const MAC_CHROME = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
const MAC_EDGE = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
const WIN_ENV = {
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\dev\\AppData\\Local',
};

describe('findBrowser, in order', () => {
  it('takes CHROMIUM_PATH first, even when Playwright and the system have a browser', () => {
    const search = machine('linux', ['/opt/my/chrome', PLAYWRIGHT_LINUX, '/usr/bin/chromium'], {
      env: { CHROMIUM_PATH: '/opt/my/chrome' },
    });
    expect(findBrowser(search)).toEqual({
      found: true,
      path: '/opt/my/chrome',
      source: 'CHROMIUM_PATH',
    });
  });

  it("takes Playwright's own Chromium before a system browser, once it is installed", () => {
    expect(findBrowser(machine('linux', [PLAYWRIGHT_LINUX, '/usr/bin/chromium']))).toEqual({
      found: true,
      path: PLAYWRIGHT_LINUX,
      source: 'Playwright',
    });
    // Playwright names the path even before `npx playwright install chromium`: not there, not used.
    expect(findBrowser(machine('linux', ['/usr/bin/chromium']))).toMatchObject({
      path: '/usr/bin/chromium',
      source: 'system',
    });
  });

  it('treats an empty CHROMIUM_PATH as unset', () => {
    const search = machine('linux', ['/usr/bin/chromium'], { env: { CHROMIUM_PATH: '' } });
    expect(findBrowser(search)).toMatchObject({ found: true, path: '/usr/bin/chromium' });
  });

  it('goes on to the system browsers when Playwright has no Chromium for the platform', () => {
    const search = machine('linux', ['/usr/bin/google-chrome'], {
      playwright: new Error('ERROR: Playwright does not support chromium on this platform'),
    });
    expect(findBrowser(search)).toMatchObject({ path: '/usr/bin/google-chrome', source: 'system' });
  });
});

describe('findBrowser on Linux', () => {
  it.each([
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ])('finds %s', (file) => {
    expect(findBrowser(machine('linux', [file]))).toMatchObject({ found: true, path: file });
  });

  it("prefers the distribution's Chromium to Google Chrome and the snap", () => {
    const search = machine('linux', [
      '/snap/bin/chromium',
      '/usr/bin/google-chrome',
      '/usr/bin/chromium',
    ]);
    expect(findBrowser(search)).toMatchObject({ path: '/usr/bin/chromium' });
  });
});

describe('findBrowser on macOS', () => {
  it("finds Playwright's Chromium, then Chrome, Chromium or Edge in /Applications", () => {
    const all = [PLAYWRIGHT_MAC, MAC_CHROME, MAC_EDGE];
    expect(findBrowser(machine('darwin', all, { playwright: PLAYWRIGHT_MAC }))).toMatchObject({
      path: PLAYWRIGHT_MAC,
    });
    expect(findBrowser(machine('darwin', [MAC_EDGE, MAC_CHROME]))).toMatchObject({
      path: MAC_CHROME,
    });
    expect(findBrowser(machine('darwin', [MAC_EDGE]))).toMatchObject({ path: MAC_EDGE });
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser(machine('darwin', [chromium]))).toMatchObject({ path: chromium });
  });

  it('finds an app in ~/Applications', () => {
    const mine = '/Users/dev/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const search = machine('darwin', [mine], { env: { HOME: '/Users/dev' } });
    expect(findBrowser(search)).toMatchObject({ path: mine, source: 'system' });
  });

  it('does not take the Linux places for macOS ones', () => {
    expect(findBrowser(machine('darwin', ['/usr/bin/chromium']))).toMatchObject({ found: false });
  });

  it('says how to name the executable when CHROMIUM_PATH names the .app', () => {
    const search = machine('darwin', [MAC_CHROME], {
      env: { CHROMIUM_PATH: '/Applications/Google Chrome.app' },
    });
    expect(findBrowser(search)).toEqual({
      found: false,
      message:
        'CHROMIUM_PATH is set to /Applications/Google Chrome.app, but no executable file is there (for an app, name the executable inside it, such as /Applications/Google Chrome.app/Contents/MacOS/Google Chrome): point it at a Chrome or Chromium executable, or unset it to let the end-to-end tests find a browser themselves.',
    });
  });
});

describe('findBrowser on Windows', () => {
  it.each([
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Users\\dev\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ])('finds %s', (file) => {
    const search = machine('win32', [file], { env: WIN_ENV, playwright: PLAYWRIGHT_WIN });
    expect(findBrowser(search)).toMatchObject({ found: true, path: file, source: 'system' });
  });

  it('prefers Chrome to Edge (which every Windows has), and Playwright to both', () => {
    const chrome = 'C:\\Users\\dev\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const env = WIN_ENV;
    expect(findBrowser(machine('win32', [edge, chrome], { env }))).toMatchObject({ path: chrome });
    expect(
      findBrowser(
        machine('win32', [edge, chrome, PLAYWRIGHT_WIN], { env, playwright: PLAYWRIGHT_WIN }),
      ),
    ).toMatchObject({ path: PLAYWRIGHT_WIN, source: 'Playwright' });
  });

  it('looks in Program Files on D: when that is where Windows put it', () => {
    const chrome = 'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe';
    const search = machine('win32', [chrome], { env: { PROGRAMFILES: 'D:\\Apps' } });
    expect(findBrowser(search)).toMatchObject({ path: chrome });
  });
});

describe('findBrowser with no browser', () => {
  it.each([
    [
      'linux',
      'No browser for the end-to-end tests was found: install one with `npx playwright install chromium`, or install Chromium (`sudo apt install chromium` on Debian, `sudo snap install chromium` on Ubuntu), or set CHROMIUM_PATH to a Chrome or Chromium executable.',
    ],
    [
      'darwin',
      'No browser for the end-to-end tests was found: install one with `npx playwright install chromium`, or install Google Chrome (https://www.google.com/chrome/ or `brew install --cask google-chrome`), or set CHROMIUM_PATH to a Chrome or Chromium executable.',
    ],
    [
      'win32',
      'No browser for the end-to-end tests was found: install one with `npx playwright install chromium`, or install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge, or set CHROMIUM_PATH to a Chrome or Chromium executable (such as C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe).',
    ],
  ] as const)('on %s says what to install and how, in one sentence', (platform, message) => {
    expect(findBrowser(machine(platform, []))).toEqual({ found: false, message });
  });

  it('says CHROMIUM_PATH names nothing rather than quietly using another browser', () => {
    const search = machine('linux', ['/usr/bin/chromium', PLAYWRIGHT_LINUX], {
      env: { CHROMIUM_PATH: '/nowhere/chrome' },
    });
    expect(findBrowser(search)).toEqual({
      found: false,
      message:
        'CHROMIUM_PATH is set to /nowhere/chrome, but no executable file is there: point it at a Chrome or Chromium executable, or unset it to let the end-to-end tests find a browser themselves.',
    });
  });

  it(`looks for system browsers under ${BROWSER_ROOT_ENV} when the tests set it`, () => {
    const env = { [BROWSER_ROOT_ENV]: '/tmp/root' };
    expect(findBrowser(machine('linux', ['/usr/bin/chromium'], { env }))).toMatchObject({
      found: false,
    });
    expect(findBrowser(machine('linux', ['/tmp/root/usr/bin/chromium'], { env }))).toMatchObject({
      path: '/tmp/root/usr/bin/chromium',
    });
    const winEnv = { ...WIN_ENV, [BROWSER_ROOT_ENV]: 'C:\\root' };
    const chrome = 'C:\\root\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser(machine('win32', [chrome], { env: winEnv }))).toMatchObject({
      path: chrome,
    });
  });
});
