/**
 * The system clipboard as the send service needs it: Electron's `clipboard` fits. The main process
 * writes a curl command holding the API key here itself, so the key never reaches the page.
 */
export interface Clipboard {
  writeText(text: string): void | Promise<void>;
  /** What the clipboard holds now ('' when no text): to clear a copied key only if still there. */
  readText(): string | Promise<string>;
}

/** A clipboard in memory: the browser host's stand-in, and what tests read back. */
export interface MemoryClipboard extends Clipboard {
  /** The last text written, or null. */
  readonly text: string | null;
}

export function createMemoryClipboard(): MemoryClipboard {
  let text: string | null = null;
  return {
    get text() {
      return text;
    },
    writeText(value) {
      text = value;
    },
    readText() {
      return text ?? '';
    },
  };
}
