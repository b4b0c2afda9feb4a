// Where things are in a JSON text: the line of every value (so a schema problem can point at its
// line) and, for text that is not JSON, the line and column of the first mistake, in plain words.
// JSON.parse still produces the value; this only reads positions.

export type JsonPath = readonly (string | number)[];

export type LocatedJson =
  | { ok: true; value: unknown; lineOf: (path: JsonPath) => number }
  | { ok: false; line: number; column: number; message: string };

class JsonMistake extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const pathKey = (path: JsonPath) => JSON.stringify(path);

function scan(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let at = 0;

  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at += 1;
  };
  const expect = (char: string, what: string) => {
    skipSpace();
    if (text.charAt(at) !== char) throw new JsonMistake(what, at);
    at += 1;
  };

  function string(): string {
    const start = at;
    at += 1;
    while (at < text.length) {
      const char = text.charAt(at);
      if (char === '"') {
        at += 1;
        try {
          return JSON.parse(text.slice(start, at)) as string;
        } catch {
          throw new JsonMistake(
            'This text holds a tab, a line break or a \\ that must be written as an escape (\\t, \\n, \\\\).',
            start,
          );
        }
      }
      if (char === '\\') at += 2;
      else if (char === '\n')
        throw new JsonMistake('This text is not closed with a " before the line ends.', start);
      else at += 1;
    }
    throw new JsonMistake('This text is not closed with a ".', start);
  }

  function value(path: JsonPath): void {
    skipSpace();
    offsets.set(pathKey(path), at);
    const char = text.charAt(at);
    if (char === '{') return object(path);
    if (char === '[') return array(path);
    if (char === '"') {
      string();
      return;
    }
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(at));
    if (literal) {
      at += literal[0].length;
      return;
    }
    if (at >= text.length)
      throw new JsonMistake('The JSON ends too early: a value is missing.', at);
    if (char === "'")
      throw new JsonMistake('Text must be in double quotes ("), not single quotes.', at);
    throw new JsonMistake(
      'A value is expected here: text in "double quotes", a number, true, false, an object or a list.',
      at,
    );
  }

  function object(path: JsonPath): void {
    at += 1;
    skipSpace();
    if (text.charAt(at) === '}') {
      at += 1;
      return;
    }
    for (;;) {
      skipSpace();
      if (text.charAt(at) !== '"') {
        throw new JsonMistake(
          text.charAt(at) === '}'
            ? 'There is a comma too many before this }.'
            : 'A field name in "double quotes" is expected here.',
          at,
        );
      }
      const keyAt = at;
      const key = string();
      expect(':', `A colon (:) is expected after “${key}”.`);
      value([...path, key]);
      offsets.set(pathKey([...path, key]), keyAt);
      skipSpace();
      const next = text.charAt(at);
      if (next === ',') at += 1;
      else if (next === '}') {
        at += 1;
        return;
      } else throw new JsonMistake('A comma (,) or a closing } is expected here.', at);
    }
  }

  function array(path: JsonPath): void {
    at += 1;
    skipSpace();
    if (text.charAt(at) === ']') {
      at += 1;
      return;
    }
    for (let index = 0; ; index += 1) {
      skipSpace();
      if (text.charAt(at) === ']')
        throw new JsonMistake('There is a comma too many before this ].', at);
      value([...path, index]);
      skipSpace();
      const next = text.charAt(at);
      if (next === ',') at += 1;
      else if (next === ']') {
        at += 1;
        return;
      } else throw new JsonMistake('A comma (,) or a closing ] is expected here.', at);
    }
  }

  value([]);
  skipSpace();
  if (at < text.length) throw new JsonMistake('There is more after the end of the JSON.', at);
  return offsets;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Parses `text` as JSON and tells where each value starts: `lineOf(path)` is the 1-based line of
 * the value at `path` (of its field name inside an object), or of the nearest enclosing value.
 */
export function locateJson(text: string): LocatedJson {
  if (text.trim() === '') return { ok: false, line: 1, column: 1, message: 'The JSON is empty.' };
  let offsets: Map<string, number>;
  try {
    offsets = scan(text);
  } catch (error) {
    if (!(error instanceof JsonMistake)) throw error;
    return { ok: false, ...lineAndColumn(text, error.offset), message: error.message };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, line: 1, column: 1, message: 'This is not valid JSON.' };
  }
  return {
    ok: true,
    value,
    lineOf(path) {
      for (let length = path.length; length >= 0; length -= 1) {
        const offset = offsets.get(pathKey(path.slice(0, length)));
        if (offset !== undefined) return lineAndColumn(text, offset).line;
      }
      return 1;
    },
  };
}
