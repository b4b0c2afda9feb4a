import type { WebPreferences } from 'electron';

/**
 * The one set of web preferences for every window (docs/security.md item 4): the page gets no
 * Node, runs in Chromium's sandbox, in a world separate from the preload's, and may load nothing
 * insecure.
 */
export function secureWebPreferences(
  preloadPath: string,
  options: { devTools?: boolean } = {},
): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Spellcheck would send typed words to the OS/Google dictionaries and underline customer IDs;
    // nothing in the app is prose.
    spellcheck: false,
    // Developer tools only while developing: in a release they would hand anyone at the keyboard a
    // console inside the page that holds the bridge.
    devTools: options.devTools ?? false,
  };
}
