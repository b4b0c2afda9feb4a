/** The part of an Electron event the guard uses. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The events the guard cancels: each would load something other than the app's own page. */
export const BLOCKED_NAVIGATION_EVENTS = [
  'will-navigate',
  'will-frame-navigate',
  'will-redirect',
  'will-attach-webview',
] as const;
export type BlockedNavigationEvent = (typeof BLOCKED_NAVIGATION_EVENTS)[number];

/** The part of Electron's `WebContents` the guard needs, so tests can pass a fake. */
export interface NavigationTarget {
  on(event: BlockedNavigationEvent, listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Keeps a window on the app's page (docs/security.md item 7): every navigation, redirect and
 * webview is cancelled, and every new window is denied. A link that asked for a new window
 * (`target=_blank`) is handed to `openExternal`, which decides whether the system browser may open
 * it.
 */
export function installNavigationGuard(
  contents: NavigationTarget,
  openExternal: (url: string) => void,
): void {
  for (const name of BLOCKED_NAVIGATION_EVENTS) {
    contents.on(name, (event) => event.preventDefault());
  }
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}
