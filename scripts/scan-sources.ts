// What the security scan reads: the code that ships in the app, i.e. electron/ and renderer/
// without tests, test doubles and development-only hosts (they construct insecure windows and
// fake senders on purpose), plus package.json for the Electron version.
import fs from 'node:fs';
import path from 'node:path';

const scannedRoots = ['electron', 'renderer'];
const scannedExtensions = new Set(['.ts', '.tsx', '.js', '.jsx', '.html']);

/** Whether a `/`-separated path relative to the project root is part of the scan. */
export function isScannedSource(relativePath: string): boolean {
  const parts = relativePath.split('/');
  const base = parts.at(-1) ?? '';
  if (!scannedRoots.includes(parts[0] ?? '')) return false;
  if (!scannedExtensions.has(path.extname(base))) return false;
  if (/\.(test|spec)\.[jt]sx?$/.test(base) || base.endsWith('.d.ts')) return false;
  if (base.startsWith('fake-') || /\.config\.[jt]s$/.test(base)) return false;
  if (parts.includes('node_modules') || parts.includes('testing')) return false;
  // electron/dev/ hosts the renderer in a plain browser for tests.
  if (parts[0] === 'electron' && parts[1] === 'dev') return false;
  return true;
}

function walk(root: string, relative: string, out: string[]): void {
  for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(root, child, out);
    } else if (isScannedSource(child)) {
      out.push(child);
    }
  }
}

/** Copies the scanned sources and package.json into `stageDir`; returns the copied paths. */
export function stageSources(projectRoot: string, stageDir: string): string[] {
  const files: string[] = [];
  for (const root of scannedRoots) {
    if (fs.existsSync(path.join(projectRoot, root))) walk(projectRoot, root, files);
  }
  for (const file of [...files, 'package.json']) {
    const target = path.join(stageDir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(projectRoot, file), target);
  }
  return files;
}
