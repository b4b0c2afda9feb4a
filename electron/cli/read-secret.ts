import type { CliIo } from './cli-io';

/**
 * Reads the API key from standard input, never from an argument (arguments end up in shell history
 * and process lists). On a terminal the typing is not echoed; from a pipe the first line is taken.
 */
export async function readSecret(io: CliIo): Promise<string> {
  const stdin = io.stdin as CliIo['stdin'] & { setRawMode?: (raw: boolean) => void };
  if (stdin.isTTY && typeof stdin.setRawMode === 'function') {
    io.stderr.write('Paste the API key and press Enter (it is not shown): ');
    stdin.setRawMode(true);
    try {
      return await new Promise<string>((resolve, reject) => {
        let text = '';
        const onData = (chunk: Buffer) => {
          for (const char of chunk.toString('utf8')) {
            if (char === '\r' || char === '\n') {
              stdin.off('data', onData);
              io.stderr.write('\n');
              resolve(text);
              return;
            }
            if (char === '\u0003') {
              stdin.off('data', onData);
              reject(new Error('Cancelled.'));
              return;
            }
            if (char === '\u007f') text = text.slice(0, -1);
            else text += char;
          }
        };
        stdin.on('data', onData);
        stdin.resume();
      });
    } finally {
      stdin.setRawMode(false);
      stdin.pause();
    }
  }
  let text = '';
  for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}
