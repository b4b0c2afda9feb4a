// Lists the files inside an app.asar, to prove what a package ships. The archive starts with a
// Chromium pickle holding a JSON index: [u32 4][u32 pickle size][u32 payload size][u32 json length]
// then the JSON. Reading it directly avoids depending on @electron/asar, which is only transitive.
import fs from 'node:fs';

type AsarNode = { files?: Record<string, AsarNode>; unpacked?: boolean };

/** Reads the archive's index; paths are `/`-separated and relative to the archive root. */
export function listAsarFiles(asarPath: string): { packed: string[]; unpacked: string[] } {
  const fd = fs.openSync(asarPath, 'r');
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    const jsonLength = head.readUInt32LE(12);
    const json = Buffer.alloc(jsonLength);
    fs.readSync(fd, json, 0, jsonLength, 16);
    const root = JSON.parse(json.toString('utf8')) as AsarNode;
    const packed: string[] = [];
    const unpacked: string[] = [];
    const walk = (node: AsarNode, prefix: string): void => {
      for (const [name, child] of Object.entries(node.files ?? {})) {
        const childPath = prefix ? `${prefix}/${name}` : name;
        if (child.files) walk(child, childPath);
        else (child.unpacked ? unpacked : packed).push(childPath);
      }
    };
    walk(root, '');
    return { packed: packed.sort(), unpacked: unpacked.sort() };
  } finally {
    fs.closeSync(fd);
  }
}
