import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { PRIVATE_FILE_MODE } from '../../store/private-files';

interface Waiting {
  text: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Appends JSON lines to a file, each promise resolving only once its line is on disk (datasync).
 * Lines that arrive while a sync is in progress are written and synced together (group commit),
 * so concurrent batches cost one sync, not one each. After a failed write (disk full, device
 * gone) every later append fails too: appending after a partly written line would glue the next
 * record onto it and lose both.
 */
export class JsonLineAppender {
  private queue: Waiting[] = [];
  private flushing: Promise<void> | null = null;
  private failure: Error | null = null;
  private closed = false;

  private constructor(private readonly handle: FileHandle) {}

  /** `exclusive`: create a new file, failing if it exists; otherwise append to an existing one. */
  static async open(filePath: string, exclusive: boolean): Promise<JsonLineAppender> {
    return new JsonLineAppender(await open(filePath, exclusive ? 'wx' : 'a', PRIVATE_FILE_MODE));
  }

  append(record: object): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The job journal is closed.'));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ text: `${JSON.stringify(record)}\n`, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flushing;
    await this.handle.close();
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue.splice(0);
      try {
        if (this.failure) throw this.failure;
        await this.handle.appendFile(group.map((w) => w.text).join(''), 'utf8');
        await this.handle.datasync();
        for (const waiting of group) waiting.resolve();
      } catch (error) {
        this.failure ??= new Error(
          `The job journal could not be written: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
        for (const waiting of group) waiting.reject(this.failure);
      }
    }
    this.flushing = null;
  }
}
