/**
 * The few browser APIs the page bridge uses, declared structurally: electron/ is compiled with Node
 * types only, and pulling the DOM library into that program would hide real mistakes elsewhere.
 */

/** The part of a browser `WebSocket` the bridge uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Opens a WebSocket to `url` (`new WebSocket(url)` in the page, a fake in tests). */
export type OpenSocket = (url: string) => SocketLike;

/** The globals of the page the entry script reads. */
export interface PageGlobals {
  readonly location: { readonly host: string; readonly search: string; readonly origin: string };
  readonly WebSocket: new (url: string) => SocketLike;
}
