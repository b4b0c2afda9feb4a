import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

// An npm registry on 127.0.0.1 that serves the packed CLI's dependencies, so a test can run a real
// `npm install -g <tarball>` (npm resolves the dependency, reads its optionalDependencies and picks
// the binary of this platform) with no other network and an empty npm cache, as on a clean
// machine. `--offline` cannot do that: `npm ci` caches tarballs, not the registry documents
// (packuments) a tarball's dependencies are resolved from.

interface LockEntry {
  version: string;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  engines?: Record<string, string>;
  integrity?: string;
  optionalDependencies?: Record<string, string>;
}

export interface LocalRegistry {
  url: string;
  /** Package names whose tarball npm downloaded. */
  downloaded: string[];
  close(): Promise<void>;
}

/**
 * Serves `names` (and, recursively, their optionalDependencies) at the versions of the root
 * package-lock.json. The tarballs are packed from node_modules, so only the platform packages
 * installed here can be downloaded: the others are listed (npm needs their os/cpu to skip them)
 * and answer 404 when fetched, which fails the install if npm ever picked the wrong one.
 */
export async function startLocalRegistry(
  projectRoot: string,
  names: readonly string[],
  workDir: string,
): Promise<LocalRegistry> {
  const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const entries = new Map<string, LockEntry>();
  const collect = (name: string) => {
    const entry = lock.packages[`node_modules/${name}`];
    if (!entry) throw new Error(`package-lock.json has no ${name}`);
    entries.set(name, entry);
    for (const optional of Object.keys(entry.optionalDependencies ?? {})) collect(optional);
  };
  for (const name of names) collect(name);

  const tarballs = new Map<string, { file: string; integrity: string }>();
  fs.mkdirSync(workDir, { recursive: true });
  for (const name of entries.keys()) {
    const folder = path.join(projectRoot, 'node_modules', name);
    if (!fs.existsSync(folder)) continue;
    const output = execFileSync(
      'npm',
      ['pack', folder, '--pack-destination', workDir, '--json', '--ignore-scripts'],
      { encoding: 'utf8', shell: process.platform === 'win32' },
    );
    const [packed] = JSON.parse(output) as { filename: string; integrity: string }[];
    if (!packed) throw new Error(`npm pack ${folder} printed nothing`);
    tarballs.set(name, { file: path.join(workDir, packed.filename), integrity: packed.integrity });
  }

  const downloaded: string[] = [];
  let base = '';
  const server = http.createServer((request, response) => {
    const url = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).slice(1);
    const tarballMatch = /^-\/tarball\/(.+)\.tgz$/.exec(url);
    if (tarballMatch?.[1]) {
      const tarball = tarballs.get(tarballMatch[1]);
      if (!tarball) return void response.writeHead(404).end();
      downloaded.push(tarballMatch[1]);
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void fs.createReadStream(tarball.file).pipe(response);
    }
    const entry = entries.get(url);
    if (!entry) return void response.writeHead(404).end('{}');
    const { version, os, cpu, libc, engines, optionalDependencies } = entry;
    const manifest = {
      name: url,
      version,
      os,
      cpu,
      libc,
      engines,
      optionalDependencies,
      dist: {
        tarball: `${base}/-/tarball/${url}.tgz`,
        integrity: tarballs.get(url)?.integrity ?? entry.integrity,
      },
    };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        name: url,
        'dist-tags': { latest: version },
        versions: { [version]: manifest },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/`,
    downloaded,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
