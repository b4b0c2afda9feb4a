import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IpcChannel, IpcRequest } from '../../../shared/ipc';

/** What a sample may need: the test's data directory (for files to open, say). */
export interface SampleContext {
  dataDir: string;
  /**
   * Hands a file to the app as the preload does (over `fileRegisterChannel`) and answers its
   * handle: channels that read a file take handles, never paths.
   */
  registerFile: (filePath: string) => Promise<string>;
}

/**
 * Valid requests per channel, for the tests that call every channel of the contract
 * (`ipc-no-secrets.test.ts`). Each domain keeps its own in `<domain>.samples.ts` beside its
 * registrar, exported as `channelSamples`; they are called in file order, then in key order, so
 * put requests that delete things last.
 */
export type ChannelSamples = {
  [C in IpcChannel]?: (context: SampleContext) => IpcRequest<C>[] | Promise<IpcRequest<C>[]>;
};

/** Every `*.samples.ts` in this folder, merged. */
export async function loadChannelSamples(): Promise<ChannelSamples> {
  const folder = import.meta.dirname;
  const files = (await readdir(folder)).filter((name) => name.endsWith('.samples.ts')).sort();
  const merged: ChannelSamples = {};
  for (const file of files) {
    const loaded = (await import(pathToFileURL(path.join(folder, file)).href)) as {
      channelSamples?: ChannelSamples;
    };
    Object.assign(merged, loaded.channelSamples ?? {});
  }
  return merged;
}
