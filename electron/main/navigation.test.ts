import { describe, expect, it } from 'vitest';
import type { BlockedNavigationEvent, NavigationTarget, PreventableEvent } from './navigation';
import { installNavigationGuard } from './navigation';

class FakeWebContents implements NavigationTarget {
  private readonly listeners = new Map<string, ((event: PreventableEvent) => void)[]>();
  private openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  on(event: BlockedNavigationEvent, listener: (event: PreventableEvent) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }

  /** Fires an event the way Electron would; returns whether a listener prevented it. */
  emit(event: string): boolean {
    let prevented = false;
    for (const listener of this.listeners.get(event) ?? []) {
      listener({ preventDefault: () => (prevented = true) });
    }
    return prevented;
  }

  openWindow(url: string): { action: string } | null {
    return this.openHandler?.({ url }) ?? null;
  }
}

describe('installNavigationGuard', () => {
  function guarded(): { contents: FakeWebContents; handedOut: string[] } {
    const contents = new FakeWebContents();
    const handedOut: string[] = [];
    installNavigationGuard(contents, (url) => handedOut.push(url));
    return { contents, handedOut };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])(
    'prevents %s',
    (event) => {
      expect(guarded().contents.emit(event)).toBe(true);
    },
  );

  it.each(['https://customerscore.io/', 'javascript:alert(1)', 'file:///etc/passwd'])(
    'denies a new window for %s and hands the URL to the external-link check',
    (url) => {
      const { contents, handedOut } = guarded();
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
      expect(handedOut).toEqual([url]);
    },
  );
});
