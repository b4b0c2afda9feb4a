// What an allow-list entry of the security scan is pinned to (docs/security.md item 15): the code
// of the finding itself, hashed, so an entry covers the one expression a reviewer judged and not
// every later finding of the same check in the same file.
//
// The code is the whole expression that starts where the finding points (for a window: the
// `new BrowserWindow({...})` call with all its options, for `shell.openExternal(url)` the call),
// with runs of whitespace collapsed. Not the line: `const window = new BrowserWindow({` stays the
// same whatever options follow it, so an edited `webPreferences` would keep its entry. Not the line
// number either: edits elsewhere in the file move it. Collapsed whitespace keeps re-indentation
// from invalidating an entry; any change to the expression's tokens does, on purpose.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { Finding } from './security-scan-core';

const scriptKinds: Readonly<Record<string, ts.ScriptKind>> = {
  '.ts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/** The outermost node that starts exactly at `position` (leading comments and spaces not counted). */
function outermostNodeAt(sourceFile: ts.SourceFile, position: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (position < node.getFullStart() || position >= node.getEnd()) return;
    if (found === undefined && node.getStart(sourceFile) === position) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}

/**
 * The code a finding points at: the expression starting at its line (1-based) and column
 * (0-based, as Electronegativity reports them) in a script, the trimmed line in any other file
 * (HTML), and nothing for whole-app checks (`N/A`).
 */
export function findingCode(
  source: string,
  fileName: string,
  line: number,
  column: number,
): string {
  const lines = source.split(/\r?\n/);
  const lineText = lines[line - 1] ?? '';
  const kind = scriptKinds[path.extname(fileName)];
  if (kind !== undefined) {
    const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
    if (line >= 1 && line <= sourceFile.getLineStarts().length) {
      const node = outermostNodeAt(
        sourceFile,
        sourceFile.getPositionOfLineAndCharacter(line - 1, column),
      );
      if (node) return node.getText(sourceFile).replace(/\s+/g, ' ');
    }
  }
  return lineText.trim().replace(/\s+/g, ' ');
}

export const hashCode = (code: string): string =>
  createHash('sha256').update(code, 'utf8').digest('hex');

/** The hash of a finding's code, read from the scanned tree `root`. */
export function findingCodeHash(root: string, finding: Finding): string {
  if (finding.file === 'N/A') return hashCode('');
  const source = fs.readFileSync(path.join(root, finding.file), 'utf8');
  return hashCode(findingCode(source, finding.file, finding.line, finding.column));
}
