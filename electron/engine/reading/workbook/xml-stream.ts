// A part's XML fed through saxes piece by piece: the handlers see local element names (the
// `x:` of `<x:c>` dropped, as some writers prefix the SpreadsheetML namespace) and attributes as
// written. Malformed XML becomes the damaged-part sentence.

import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { WorkbookError } from './workbook-error';
import { damagedPartMessage } from './workbook-messages';
import { streamError } from './workbook-zip';

export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** The value of an attribute by its local name (`r:id` and `id` both answer `id`). */
export function attribute(
  attributes: Readonly<Record<string, string>>,
  name: string,
): string | undefined {
  const plain = attributes[name];
  if (plain !== undefined) return plain;
  for (const key in attributes) {
    if (localName(key) === name) return attributes[key];
  }
  return undefined;
}

export interface XmlFeed {
  /** Parses the next bytes of the part (a UTF-8 sequence may be split between pieces). */
  write(bytes: Uint8Array): void;
  /** Parses what is left and checks that the document ended. */
  end(): void;
}

export function createXmlFeed(handlers: XmlHandlers, fileName: string, part: string): XmlFeed {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) =>
    handlers.open(localName(tag.name), tag.attributes, tag.isSelfClosing),
  );
  parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  const check = (): void => {
    if (failure) {
      throw new WorkbookError('damaged', damagedPartMessage(fileName, part, 'is not valid XML'), {
        cause: failure,
      });
    }
  };
  return {
    write(bytes) {
      const text = decoder.decode(bytes, { stream: true });
      if (text !== '') parser.write(text);
      check();
    },
    end() {
      const text = decoder.decode();
      if (text !== '') parser.write(text);
      parser.close();
      check();
    },
  };
}

/**
 * Feeds a part's stream to the handlers piece by piece, yielding after each so that the caller
 * can take what the handlers collected, or stop (the stream is closed either way). A failing read
 * (inflate, size check) is the damaged-file sentence; an error of the handlers stays what it is.
 */
export async function* feedXml(
  stream: Readable,
  handlers: XmlHandlers,
  fileName: string,
  part: string,
): AsyncGenerator<void, void, undefined> {
  const feed = createXmlFeed(handlers, fileName, part);
  const pieces = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await pieces.next();
      } catch (error) {
        throw streamError(fileName, error);
      }
      if (next.done) break;
      feed.write(next.value);
      yield;
    }
    feed.end();
  } finally {
    stream.destroy();
  }
}

/** Parses a whole part from its stream; a failing read is the damaged-file sentence. */
export async function parseXml(
  stream: Readable,
  handlers: XmlHandlers,
  fileName: string,
  part: string,
): Promise<void> {
  for await (const _ of feedXml(stream, handlers, fileName, part)) {
    // Each piece is fed as it comes; nothing to take between them.
  }
}

/** Parses a part already read as text. */
export function parseXmlText(
  text: string,
  handlers: XmlHandlers,
  fileName: string,
  part: string,
): void {
  const feed = createXmlFeed(handlers, fileName, part);
  feed.write(Buffer.from(text, 'utf8'));
  feed.end();
}
