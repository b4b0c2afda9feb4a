// A stand-in for the Electron binary (which cannot be downloaded here): a file carrying Electron's
// fuse sentinel and a fuse wire, which is all @electron/fuses reads and writes. Electron's own
// defaults are the insecure ones ('10110001'), so a build that flips nothing is caught.
import fs from 'node:fs';
import path from 'node:path';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_WIRE = '101100010';

/** Writes an executable with a V1 fuse wire of '0'/'1' characters. */
export function writeFakeElectronBinary(file: string, wire: string = ELECTRON_DEFAULT_WIRE): void {
  const content = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "not Electron"\n'),
    Buffer.alloc(32),
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'latin1'),
    Buffer.alloc(32),
  ]);
  fs.writeFileSync(file, content, { mode: 0o755 });
}

/** An unpacked "Electron distribution" for Linux, for electron-builder's `electronDist` option. */
export function writeFakeElectronDist(dir: string): void {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  writeFakeElectronBinary(path.join(dir, 'electron'));
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'not Electron\n');
  fs.writeFileSync(path.join(dir, 'version'), '45.5.0');
}
